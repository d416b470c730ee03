/**
 * The page's TypeScript type check for a Check (decision 0048): the code as submitted, checked
 * by Monaco's TypeScript worker (the one that marks type errors in the editor as the learner
 * types) with the settings the backend's checker uses. Read from a model of its own, so the
 * editor's model is left alone; with `moduleDetection: force` no two models share a scope.
 */
import type { TypeDiagnostic } from '../../shared/runner/javascript/type-check.ts';

type MessageChain = string | { messageText: string; next?: MessageChain[] };

/** As the compiler's `flattenDiagnosticMessageText` does, less a line repeating the one above. */
function flatten(message: MessageChain, indent = 0, above?: string): string {
  if (typeof message === 'string') return message;
  const lines = message.messageText === above ? [] : [`${'  '.repeat(indent)}${message.messageText}`];
  const deeper = lines.length ? indent + 1 : indent;
  for (const next of message.next ?? []) lines.push(flatten(next, deeper, message.messageText));
  return lines.filter(Boolean).join('\n');
}

let checks = 0;

/** The errors in one learner file (`total.ts`), as the editor shows them. */
export async function typeDiagnostics(file: string, code: string): Promise<TypeDiagnostic[]> {
  const { monaco } = await import('./monaco.ts');
  const uri = monaco.Uri.parse(`file:///lantern-check/${++checks}/${file}`);
  const model = monaco.editor.createModel(code, 'typescript', uri);
  try {
    const worker = await (await monaco.typescript.getTypeScriptWorker())(uri);
    const name = uri.toString();
    const found = [
      ...(await worker.getSyntacticDiagnostics(name)),
      ...(await worker.getSemanticDiagnostics(name)),
    ];
    return found
      .filter((d) => d.category === 1 && d.start !== undefined)
      .map((d) => {
        const at = model.getPositionAt(d.start!);
        return { line: at.lineNumber, column: at.column, code: d.code, message: flatten(d.messageText) };
      });
  } finally {
    model.dispose();
  }
}

/**
 * Starts Monaco and its TypeScript worker ahead of the first Check, on a step with no editor to
 * load them (a TypeScript Parsons step): cold, they can take longer than the page waits for a
 * type check, and the tests would run on code the backend then refuses.
 */
export async function warmTypeChecker(): Promise<void> {
  await typeDiagnostics('warm.ts', 'export {};\n');
}
