/**
 * The Python side of the harness, run once per interpreter before any untrusted code: the .py
 * files in ./harness/ (guards and state snapshots, beginner-friendly errors, the visualiser's
 * tracer, trusted comparisons, failed assertions as codes, running programs and tests), joined
 * in order after the prelude.
 * Their last expression is the `run` function the host calls for every request. How results stay
 * honest is told at the top of harness/guards.py and in decision 0025.
 *
 * Both hosts read the files through one generated module (scripts/build-harness.ts, checked for
 * staleness and linted with ruff by `npm test`), so neither needs a loader for .py files.
 */
import { HARNESS_FILES } from './harness-files.generated.ts';
import { HARNESS_PRELUDE } from './harness-prelude.ts';

export { HARNESS_IMPORTS } from './harness-prelude.ts';

export const HARNESS_SOURCE = HARNESS_PRELUDE + HARNESS_FILES.map((file) => file.source).join('\n');
