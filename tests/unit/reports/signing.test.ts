import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  keyFingerprint,
  signReport,
  verifyReport,
} from '../../../electron/core/reports/signing.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const der = publicKey.export({ format: 'der', type: 'spki' });
const report = {
  learner: { name: '王芳' },
  summary: { exercisesCompleted: 3 },
  attempts: [{ status: 'pass' }],
};
/** What a teacher receives: the signed report after a trip through a file. */
const received = () => JSON.parse(JSON.stringify(signReport(report, privateKey, der)));

describe('report signatures', () => {
  it('verifies a report exactly as exported, whatever its key order in the file', () => {
    const file = received();
    expect(verifyReport(file)).toBe('verified');
    const reordered = {
      signature: file.signature,
      attempts: file.attempts,
      summary: file.summary,
      learner: file.learner,
    };
    expect(verifyReport(reordered)).toBe('verified');
  });

  it('calls a report with any changed value "edited after export"', () => {
    const deep = received();
    deep.attempts[0].status = 'fail';
    expect(verifyReport(deep)).toBe('edited after export');
    const added = received();
    added.summary.bonus = 1;
    expect(verifyReport(added)).toBe('edited after export');
  });

  it('calls a damaged or foreign signature "edited after export", and a missing one "unsigned"', () => {
    const damaged = received();
    damaged.signature.value = damaged.signature.value.replace(/^./, (c: string) => (c === 'A' ? 'B' : 'A'));
    expect(verifyReport(damaged)).toBe('edited after export');
    const otherKey = received();
    otherKey.signature.publicKey = generateKeyPairSync('ed25519')
      .publicKey.export({ format: 'der', type: 'spki' })
      .toString('base64');
    expect(verifyReport(otherKey)).toBe('edited after export');
    expect(verifyReport({ ...report })).toBe('unsigned');
  });

  it('writes canonical JSON: sorted keys, no whitespace, undefined left out', () => {
    expect(canonicalJson({ b: [1, undefined, { z: undefined, a: 'é' }], a: null })).toBe(
      '{"a":null,"b":[1,null,{"a":"é"}]}',
    );
  });

  it('gives a learner the same short fingerprint in every report', () => {
    expect(keyFingerprint(received().signature.publicKey)).toBe(keyFingerprint(der.toString('base64')));
    expect(keyFingerprint(der.toString('base64'))).toMatch(/^[0-9a-f]{16}$/);
  });
});
