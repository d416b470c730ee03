import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  classIdFrom,
  enrolmentCode,
  enrolmentFile,
  parseEnrolmentCode,
  parseEnrolmentFile,
  unitRef,
  type Enrolment,
} from '../../../electron/core/reports/enrolment.ts';

const pair = generateKeyPairSync('ed25519');
const teacherKey = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
const enrolment: Enrolment = {
  classId: classIdFrom(Buffer.from([1, 2, 3, 4, 5])),
  className: '7B Python · 七年级',
  teacherKey,
  units: [
    { track: 'python-basics', unit: 'strings', due: '2026-12-14' },
    { track: 'python-basics', unit: 'loops', due: null },
  ],
};
const file = enrolmentFile(enrolment, pair.privateKey);
const edit = (change: (f: Record<string, unknown>) => void) => {
  const f = JSON.parse(file) as Record<string, unknown>;
  change(f);
  return JSON.stringify(f);
};
const errorOf = (r: ReturnType<typeof parseEnrolmentFile>) => (r.ok ? 'ok' : r.error.code);

describe('the enrolment file', () => {
  it('reads back what the teacher wrote', () => {
    expect(parseEnrolmentFile(file)).toEqual({ ok: true, value: enrolment });
  });

  it('refuses files that are not an enrolment, each with its own reason', () => {
    expect(errorOf(parseEnrolmentFile(''))).toBe('empty');
    expect(errorOf(parseEnrolmentFile('{"format": '))).toBe('not-json');
    expect(parseEnrolmentFile('{"format": ')).toMatchObject({
      error: { code: 'not-json', line: 1, column: 12 },
    });
    expect(errorOf(parseEnrolmentFile('[1, 2]'))).toBe('not-enrolment');
    expect(errorOf(parseEnrolmentFile('null'))).toBe('not-enrolment');
    expect(errorOf(parseEnrolmentFile('{"format": "lantern-progress-report"}'))).toBe('not-enrolment');
    expect(errorOf(parseEnrolmentFile(edit((f) => (f.version = 9))))).toBe('newer-version');
    expect(errorOf(parseEnrolmentFile(' '.repeat(70_000) + file))).toBe('too-large');
  });

  it('names the field that fails, for a file with hostile or broken contents', () => {
    const extra = parseEnrolmentFile(file.replace('{', '{"__proto__": {"admin": true},'));
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const name = parseEnrolmentFile(edit((f) => ((f.class as { name: string }).name = 'abc\u202Eevil')));
    expect(name).toMatchObject({
      ok: false,
      error: { code: 'invalid', issues: [expect.objectContaining({ field: 'class.name' })] },
    });
    const unit = parseEnrolmentFile(edit((f) => ((f.units as { unit: string }[])[0]!.unit = '../../etc')));
    expect(unit).toMatchObject({
      ok: false,
      error: { code: 'invalid', issues: [expect.objectContaining({ field: 'units.0.unit' })] },
    });
    const day = parseEnrolmentFile(edit((f) => ((f.units as { due: string }[])[0]!.due = '2026-02-30')));
    expect(day).toMatchObject({
      ok: false,
      error: { code: 'invalid', issues: [expect.objectContaining({ field: 'units.0.due' })] },
    });
    const many = parseEnrolmentFile(
      edit(
        (f) => (f.units = Array.from({ length: 41 }, (_, i) => ({ track: 't', unit: `u${i}`, due: null }))),
      ),
    );
    expect(many).toMatchObject({
      ok: false,
      error: { code: 'invalid', issues: [{ field: 'units', code: 'too-many', max: 40 }] },
    });
  });

  it('refuses a file edited after the teacher made it, or carrying a key that is not one', () => {
    expect(errorOf(parseEnrolmentFile(edit((f) => ((f.class as { name: string }).name = '8A'))))).toBe(
      'bad-signature',
    );
    expect(errorOf(parseEnrolmentFile(edit((f) => (f.signature = 'AAAA'))))).toBe('bad-signature');
    const other = generateKeyPairSync('ed25519')
      .publicKey.export({ format: 'der', type: 'spki' })
      .toString('base64');
    expect(
      errorOf(parseEnrolmentFile(edit((f) => ((f.teacher as { publicKey: string }).publicKey = other)))),
    ).toBe('bad-signature');
    expect(
      errorOf(
        parseEnrolmentFile(edit((f) => ((f.teacher as { publicKey: string }).publicKey = 'bm90IGEga2V5'))),
      ),
    ).toBe('bad-key');
  });
});

describe('the enrolment code', () => {
  const code = enrolmentCode(enrolment);

  it('carries the class, the teacher key and the units (by hash) with their due dates', () => {
    expect(code).toMatch(/^LNT(-[0-9A-HJKMNP-TV-Z]{1,5})+$/);
    expect(parseEnrolmentCode(code)).toEqual({
      ok: true,
      value: {
        classId: enrolment.classId,
        className: enrolment.className,
        teacherKey,
        units: [
          { ref: unitRef('python-basics', 'strings'), due: '2026-12-14' },
          { ref: unitRef('python-basics', 'loops'), due: null },
        ],
      },
    });
  });

  it('forgives what people do when typing: case, spaces, O for 0, I and L for 1', () => {
    const typed = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(parseEnrolmentCode(typed)).toMatchObject({ ok: true, value: { classId: enrolment.classId } });
  });

  it('catches a mistyped, cut or foreign code', () => {
    const chars = code.split('');
    const at = chars.length - 7;
    chars[at] = chars[at] === 'X' ? 'Y' : 'X';
    expect(parseEnrolmentCode(chars.join(''))).toMatchObject({ ok: false, error: { code: 'code-damaged' } });
    expect(parseEnrolmentCode(code.slice(0, -6))).toMatchObject({
      ok: false,
      error: { code: 'code-damaged' },
    });
    expect(parseEnrolmentCode('LNT-HELLO-WORLD')).toMatchObject({
      ok: false,
      error: { code: 'code-damaged' },
    });
    expect(parseEnrolmentCode('LNT-ÄÖÜ')).toMatchObject({
      ok: false,
      error: { code: 'code-characters', detail: 'Ä' },
    });
    expect(parseEnrolmentCode('   ')).toMatchObject({ ok: false, error: { code: 'empty' } });
  });
});
