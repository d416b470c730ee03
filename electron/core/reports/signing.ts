/**
 * Tamper evidence for exported reports: an Ed25519 signature over the report's canonical JSON,
 * with the public key inside the file. It shows a report was not edited after export by anyone
 * without the profile's key; it does not prove who the learner is (see docs/report-schema.md).
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export type ReportVerification = 'verified' | 'edited after export' | 'unsigned';

/**
 * Canonical JSON (RFC 8785 for the values a report holds): object keys sorted by UTF-16 code
 * units, no whitespace, strings and numbers as JSON.stringify writes them, undefined omitted.
 */
export function canonicalJson(value: unknown): string {
  // Plain loops and string appends: a report holds thousands of attempts, and an import checks
  // hundreds of reports, so this is the hot path of a class import.
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i) out += ',';
      const v: unknown = value[i];
      out += v === undefined ? 'null' : canonicalJson(v);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(k)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

function withoutSignature(report: Record<string, unknown>): Record<string, unknown> {
  const { signature: _signature, ...rest } = report;
  return rest;
}

export function signReport<T extends object>(report: T, privateKey: KeyObject, publicKeyDer: Buffer) {
  const payload = Buffer.from(canonicalJson(withoutSignature(report as Record<string, unknown>)), 'utf8');
  return {
    ...report,
    signature: {
      algorithm: 'Ed25519' as const,
      publicKey: publicKeyDer.toString('base64'),
      value: sign(null, payload, privateKey).toString('base64'),
    },
  };
}

/** Checks a parsed report file (the raw JSON value, before any schema parsing drops fields). */
export function verifyReport(raw: unknown): ReportVerification {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return 'unsigned';
  const signature = (raw as { signature?: unknown }).signature;
  if (signature === undefined) return 'unsigned';
  const { algorithm, publicKey, value } = (signature ?? {}) as Record<string, unknown>;
  if (algorithm !== 'Ed25519' || typeof publicKey !== 'string' || typeof value !== 'string')
    return 'edited after export';
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    const payload = Buffer.from(canonicalJson(withoutSignature(raw as Record<string, unknown>)), 'utf8');
    return verify(null, payload, key, Buffer.from(value, 'base64')) ? 'verified' : 'edited after export';
  } catch {
    return 'edited after export';
  }
}

/** A short, stable identifier of a public key, shown to teachers and used to recognise a learner. */
export function keyFingerprint(publicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 16);
}
