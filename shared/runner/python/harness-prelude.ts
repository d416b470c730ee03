/**
 * The lines the Python harness (shared/runner/python/harness/*.py) starts with: the modules it
 * imports and the limits it shares with the TypeScript side, so each number is written once.
 */
import { TEST_OUTPUT_LIMIT, TEST_OUTPUT_NOTICE } from '../output.ts';
import {
  TRACE_MAX_CHARS,
  TRACE_MAX_ITEMS,
  TRACE_MAX_OBJECTS,
  TRACE_MAX_STEPS,
  TRACE_MAX_STRING,
} from '../trace/format.ts';

/** The modules the harness imports first (the Python snapshot has them loaded: boot.ts). */
export const HARNESS_IMPORTS =
  'sys, builtins, types, ast, io, operator, os, signal, unittest, unittest.case, unittest.util, unittest._log';

/** The harness files, in the order they are joined into one program. */
export const HARNESS_FILE_ORDER = [
  'guards.py',
  'errors.py',
  'tracer.py',
  'trusted.py',
  'assertions.py',
  'running.py',
] as const;

export const HARNESS_PRELUDE = [
  ...HARNESS_IMPORTS.split(', ').map((name) => `import ${name}`),
  `MAX_TEST_OUTPUT = ${TEST_OUTPUT_LIMIT}`,
  `TEST_OUTPUT_NOTICE = ${JSON.stringify(TEST_OUTPUT_NOTICE)}`,
  `TRACE_MAX_STEPS = ${TRACE_MAX_STEPS}`,
  `TRACE_MAX_CHARS = ${TRACE_MAX_CHARS}`,
  `TRACE_MAX_STRING = ${TRACE_MAX_STRING}`,
  `TRACE_MAX_ITEMS = ${TRACE_MAX_ITEMS}`,
  `TRACE_MAX_OBJECTS = ${TRACE_MAX_OBJECTS}`,
  '',
].join('\n');
