/**
 * Reads an older report as the current schema. A version-1 report gave every concept a
 * percentage, practised or not; read now, a concept without checked attempts is "not yet
 * assessed" (mastery null), and the confidence follows from the evidence count. Version 1 did
 * not record when a concept was last checked. A version-2 report lacks only version 3's optional
 * class, student ID and error examples. Runs after the signature check: the signature
 * covers the file as it was written.
 */
import { confidenceOf } from '../../../shared/api/calls/learner.ts';
import { REPORT_SCHEMA_VERSION } from './report-schema.ts';

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The report (or a class's stored copy of it) in the current schema; anything else as it was. A
 * current report is held to the same rule: an unsigned file can be edited, so a figure or a
 * confidence its evidence count does not support is read as that count says.
 */
export function migrateReport<T>(raw: T): T {
  if (!isObject(raw)) return raw;
  // 2 → 3 only added optional fields (class, student ID, error examples): absent, it is the same.
  if (raw.schemaVersion === 2) return withEvidenceOnly({ ...raw, schemaVersion: REPORT_SCHEMA_VERSION });
  if (raw.schemaVersion === REPORT_SCHEMA_VERSION) return withEvidenceOnly(raw);
  if (raw.schemaVersion !== 1) return raw;
  const tracks = Array.isArray(raw.tracks) ? raw.tracks : [];
  return {
    ...raw,
    schemaVersion: REPORT_SCHEMA_VERSION,
    tracks: tracks.map((t: unknown) =>
      isObject(t) && Array.isArray(t.concepts) ? { ...t, concepts: t.concepts.map(migrateConcept) } : t,
    ),
  } as T;
}

function migrateConcept(c: unknown): unknown {
  if (!isObject(c)) return c;
  const evidence = typeof c.evidence === 'number' ? c.evidence : 0;
  return {
    ...c,
    mastery: evidence > 0 ? c.mastery : null,
    lastSeen: null,
    confidence: confidenceOf(evidence),
  };
}

function withEvidenceOnly<T extends Json>(raw: T): T {
  if (!Array.isArray(raw.tracks)) return raw;
  const unsupported = (c: unknown) =>
    isObject(c) &&
    typeof c.evidence === 'number' &&
    (c.confidence !== confidenceOf(c.evidence) ||
      (c.evidence <= 0 && (c.mastery !== null || c.lastSeen !== null)));
  if (
    !raw.tracks.some((t: unknown) => isObject(t) && Array.isArray(t.concepts) && t.concepts.some(unsupported))
  )
    return raw;
  return {
    ...raw,
    tracks: raw.tracks.map((t: unknown) =>
      isObject(t) && Array.isArray(t.concepts)
        ? {
            ...t,
            concepts: t.concepts.map((c: unknown) =>
              unsupported(c) && isObject(c)
                ? {
                    ...c,
                    confidence: confidenceOf(c.evidence as number),
                    ...((c.evidence as number) <= 0 && { mastery: null, lastSeen: null }),
                  }
                : c,
            ),
          }
        : t,
    ),
  };
}
