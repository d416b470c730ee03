/**
 * Reads an older report as the current schema. A version-1 report gave every concept a
 * percentage, practised or not; read now, a concept without checked attempts is "not yet
 * assessed" (mastery null), and the confidence follows from the evidence count. Version 1 did
 * not record when a concept was last checked. Runs after the signature check: the signature
 * covers the file as it was written.
 */
import { confidenceOf } from '../../../shared/api/calls/learner.ts';
import { REPORT_SCHEMA_VERSION } from './report-schema.ts';

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The report (or a class's stored copy of it) in the current schema; anything else as it was. */
export function migrateReport<T>(raw: T): T {
  if (!isObject(raw) || raw.schemaVersion !== 1) return raw;
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
