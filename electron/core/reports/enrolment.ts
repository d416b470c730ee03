/**
 * A class's enrolment: what a learner's app needs to join it. The teacher's app writes it as a
 * JSON file (signed with the teacher's key) and as a code to type; the learner's app reads
 * either as hostile input (any file can be picked, any text typed) and answers an error code
 * with a detail, which the page words in the learner's language. Decision 0040.
 *
 * The code carries the same class id, name and teacher key as the file. Assigned units travel
 * in it as a 3-byte hash of "track/unit" (the learner's app finds the unit among its own
 * tracks), so five units add 40 characters rather than a few hundred.
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './signing.ts';
import { INVISIBLE_IN_ID } from './report-schema.ts';
import { fieldIssuesOf, whereJsonStops } from '../../../shared/api/field-issues.ts';
import type { EnrolmentError } from '../../../shared/api/calls/classes.ts';

export const ENROLMENT_FORMAT = 'lantern-class-enrolment';
export const ENROLMENT_VERSION = 1;
/** An enrolment is a few hundred bytes; anything far larger is not one. */
export const MAX_ENROLMENT_BYTES = 64_000;
export const MAX_UNITS = 40;
const CODE_VERSION = 1;
const CODE_PREFIX = 'LNT';

export interface AssignedUnit {
  track: string;
  unit: string;
  /** YYYY-MM-DD, or null without a due date. */
  due: string | null;
}

export interface Enrolment {
  /** The class's random id (8 characters of base32), the same in the file, the code and reports. */
  classId: string;
  className: string;
  /** The teacher's Ed25519 public key, SPKI DER, base64. */
  teacherKey: string;
  units: AssignedUnit[];
}

/** A unit read from a code: only its hash is known until the learner's app finds it. */
export interface CodedUnit {
  ref: string;
  due: string | null;
}

export type EnrolmentErrorCode =
  | 'empty'
  | 'too-large'
  | 'not-json'
  | 'not-enrolment'
  | 'newer-version'
  | 'invalid'
  | 'bad-key'
  | 'bad-signature'
  | 'code-characters'
  | 'code-damaged'
  | 'code-newer';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: EnrolmentError };

const fail = <T>(
  code: EnrolmentErrorCode,
  detail?: string,
  where: Partial<EnrolmentError> = {},
): Parsed<T> => ({
  ok: false,
  error: { code, ...(detail === undefined ? {} : { detail }), ...where },
});

// Control characters and the bidirectional overrides that could make a class name read as another.
const UNSAFE_TEXT = /[\p{Cc}\u202A-\u202E\u2066-\u2069\u200E\u200F]/u;
const safeText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !UNSAFE_TEXT.test(s), 'contains control or direction-override characters');

export const ClassName = safeText(80);
/**
 * What the learner types: their school's student ID or their e-mail, kept in NFKC so that an ID
 * typed in fullwidth ("Ｓ１００３", as a Chinese input method may) is the plain one. Look-alike
 * letters of another script are refused by the join (student-id.ts, decision 0046).
 */
export const StudentId = safeText(100)
  .refine((s) => !INVISIBLE_IN_ID.test(s), 'contains invisible characters')
  .overwrite((s) => s.normalize('NFKC'));
const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/i, 'must be letters, digits, ".", "_" or "-" (at most 100)');
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((d) => dayNumber(d) !== null, 'is not a real date between 2000 and 2150');
export const ClassIdText = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{8}$/, 'must be 8 characters of base32');

const FileSchema = z
  .object({
    format: z.literal(ENROLMENT_FORMAT),
    version: z.literal(ENROLMENT_VERSION),
    class: z.object({ id: ClassIdText, name: ClassName }).strict(),
    teacher: z.object({ publicKey: z.string().max(200) }).strict(),
    units: z.array(z.object({ track: id, unit: id, due: isoDay.nullable() }).strict()).max(MAX_UNITS),
    createdAt: z.iso.datetime({ offset: true }),
    signature: z.string().max(200),
  })
  .strict();

/** The Ed25519 SPKI DER prefix: the 32 key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function checkKey(base64: string): Buffer | null {
  const der = Buffer.from(base64, 'base64');
  if (der.length !== 44 || !der.subarray(0, 12).equals(ED25519_SPKI_PREFIX)) return null;
  if (der.toString('base64') !== base64) return null;
  try {
    createPublicKey({ key: der, format: 'der', type: 'spki' });
    return der;
  } catch {
    return null;
  }
}

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2000, 0, 1);
/** Days since 2000-01-01 of a YYYY-MM-DD date, or null when it is not a real date in range. */
function dayNumber(day: string): number | null {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  const n = Math.round((t - EPOCH) / DAY_MS);
  return n >= 0 && n < 0xfffe ? n : null;
}
const dayText = (n: number) => new Date(EPOCH + n * DAY_MS).toISOString().slice(0, 10);

/** The 3-byte hash a code names a unit by (hex). */
export const unitRef = (track: string, unit: string) =>
  createHash('sha256').update(`${track}/${unit}`).digest('hex').slice(0, 6);

// ---------------------------------------------------------------------------------------------
// The file

export function enrolmentFile(e: Enrolment, teacherPrivateKey: KeyObject, now = new Date()): string {
  const body = {
    format: ENROLMENT_FORMAT,
    version: ENROLMENT_VERSION,
    class: { id: e.classId, name: e.className },
    teacher: { publicKey: e.teacherKey },
    units: e.units.map((u) => ({ track: u.track, unit: u.unit, due: u.due })),
    createdAt: now.toISOString(),
  };
  const signature = sign(null, Buffer.from(canonicalJson(body), 'utf8'), teacherPrivateKey).toString(
    'base64',
  );
  return `${JSON.stringify({ ...body, signature }, null, 2)}\n`;
}

export function parseEnrolmentFile(text: string): Parsed<Enrolment> {
  if (!text.trim()) return fail('empty');
  if (Buffer.byteLength(text, 'utf8') > MAX_ENROLMENT_BYTES)
    return fail('too-large', String(MAX_ENROLMENT_BYTES));
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return fail('not-json', undefined, whereJsonStops(text, err as Error));
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail('not-enrolment');
  const fields = raw as Record<string, unknown>;
  if (fields.format !== ENROLMENT_FORMAT) return fail('not-enrolment');
  if (typeof fields.version === 'number' && fields.version > ENROLMENT_VERSION)
    return fail('newer-version', String(fields.version));
  const parsed = FileSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid', undefined, { issues: fieldIssuesOf(parsed.error, raw) });
  const f = parsed.data;
  const der = checkKey(f.teacher.publicKey);
  if (!der) return fail('bad-key');
  const { signature, ...body } = raw as Record<string, unknown>;
  let signed: boolean;
  try {
    signed = verify(
      null,
      Buffer.from(canonicalJson(body), 'utf8'),
      createPublicKey({ key: der, format: 'der', type: 'spki' }),
      Buffer.from(signature as string, 'base64'),
    );
  } catch {
    signed = false;
  }
  if (!signed) return fail('bad-signature');
  const seen = new Set<string>();
  const units = f.units.filter((u) => !seen.has(`${u.track}/${u.unit}`) && seen.add(`${u.track}/${u.unit}`));
  return {
    ok: true,
    value: { classId: f.class.id, className: f.class.name, teacherKey: f.teacher.publicKey, units },
  };
}

// ---------------------------------------------------------------------------------------------
// The code: LNT-XXXX-XXXX-…, Crockford base32 of version, key, class id, name, units, checksum.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function unbase32(text: string): Buffer | null {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return null;
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return Buffer.from(bytes);
}

const checksum = (b: Buffer) => createHash('sha256').update(b).digest().subarray(0, 3);

/** A random class id: 5 bytes, 8 characters of base32. */
export const classIdFrom = (random: Buffer) => base32(random.subarray(0, 5));

export function enrolmentCode(e: Enrolment): string {
  const key = checkKey(e.teacherKey);
  const classBytes = unbase32(e.classId);
  if (!key || !classBytes || classBytes.length !== 5) throw new Error('The class has no valid key or id.');
  const name = Buffer.from(e.className, 'utf8').subarray(0, 255);
  const parts: Buffer[] = [
    Buffer.from([CODE_VERSION]),
    key.subarray(12),
    classBytes,
    Buffer.from([name.length]),
    name,
    Buffer.from([Math.min(e.units.length, MAX_UNITS)]),
  ];
  for (const u of e.units.slice(0, MAX_UNITS)) {
    const due = u.due === null ? 0 : dayNumber(u.due)! + 1;
    parts.push(Buffer.from(unitRef(u.track, u.unit), 'hex'), Buffer.from([due >> 8, due & 255]));
  }
  const body = Buffer.concat(parts);
  const text = base32(Buffer.concat([body, checksum(body)]));
  return [CODE_PREFIX, ...(text.match(/.{1,5}/g) ?? [])].join('-');
}

export function parseEnrolmentCode(input: string): Parsed<Omit<Enrolment, 'units'> & { units: CodedUnit[] }> {
  if (!input.trim()) return fail('empty');
  if (input.length > 2000) return fail('too-large', '2000');
  let text = input.toUpperCase().replace(/[\s\-–—_.]/g, '');
  if (text.startsWith(CODE_PREFIX)) text = text.slice(CODE_PREFIX.length);
  text = text.replace(/O/g, '0').replace(/[IL]/g, '1');
  const bad = [...text].find((ch) => !ALPHABET.includes(ch));
  if (bad !== undefined) return fail('code-characters', bad);
  const bytes = unbase32(text);
  if (!bytes || bytes.length < 1 + 32 + 5 + 1 + 1 + 3) return fail('code-damaged');
  const body = bytes.subarray(0, bytes.length - 3);
  if (!checksum(body).equals(bytes.subarray(bytes.length - 3))) return fail('code-damaged');
  if (body[0] !== CODE_VERSION) return fail('code-newer', String(body[0]));
  let at = 1;
  const key = Buffer.concat([ED25519_SPKI_PREFIX, body.subarray(at, (at += 32))]).toString('base64');
  const classId = base32(body.subarray(at, (at += 5)));
  const nameLength = body[at++]!;
  if (at + nameLength + 1 > body.length) return fail('code-damaged');
  const className = new TextDecoder('utf-8', { fatal: false }).decode(body.subarray(at, (at += nameLength)));
  const count = body[at++]!;
  if (count > MAX_UNITS || at + count * 5 !== body.length) return fail('code-damaged');
  const units: CodedUnit[] = [];
  for (let i = 0; i < count; i++, at += 5) {
    const due = (body[at + 3]! << 8) | body[at + 4]!;
    units.push({ ref: body.subarray(at, at + 3).toString('hex'), due: due === 0 ? null : dayText(due - 1) });
  }
  if (!checkKey(key)) return fail('bad-key');
  const name = ClassName.safeParse(className);
  if (!name.success)
    return fail('invalid', undefined, {
      issues: fieldIssuesOf(name.error, className, 1).map((i) => ({ ...i, field: 'class.name' })),
    });
  return { ok: true, value: { classId, className: name.data, teacherKey: key, units } };
}
