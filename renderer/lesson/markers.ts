/**
 * Where a result's errors point in the learner's own code: one marker per line, for the editor's
 * squiggles and a Parsons program's marked rows alike. Errors in the test file are not marked.
 */
import type { EditorMarker } from '../editor/CodeEditor.tsx';
import type { LearnerError, RunResult } from '../../shared/runner/protocol.ts';

/**
 * `describe` says an error in the interface language (renderer/i18n/runner-text.ts
 * learnerErrorText); without it, as the language said it.
 */
export function markersOf(
  result: RunResult | null,
  fileStem: string,
  describe: (error: LearnerError) => string = (e) => `${e.type}: ${e.message}`,
): EditorMarker[] {
  const errors = [result?.error, ...(result?.tests.map((t) => t.error) ?? [])];
  const seen = new Set<number>();
  const markers: EditorMarker[] = [];
  for (const error of errors) {
    if (!error || error.line === undefined) continue;
    // Only errors in the learner's own file are marked in the editor.
    if (error.file && !error.file.startsWith(`${fileStem}.`)) continue;
    if (seen.has(error.line)) continue;
    seen.add(error.line);
    markers.push({
      line: error.line,
      ...(error.column !== undefined ? { column: error.column } : {}),
      message: describe(error),
    });
  }
  return markers;
}
