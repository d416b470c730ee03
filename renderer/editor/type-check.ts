/**
 * The page's TypeScript type check for a Check (decision 0048): the code as submitted, checked
 * by Monaco's TypeScript worker (the one that marks type errors in the editor as the learner
 * types) with the settings the backend's checker uses. Read from a model of its own, so the
 * editor's model is left alone; with `moduleDetection: force` no two models share a scope.
 */
import type { TypeDiagnostic } from '../../shared/runner/javascript/type-check.ts';
import { withMonacoWords } from './monaco-words.ts';

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

/** How long a cold start of the worker may take (its script loads first) before the page gives up. */
const START_LIMIT_MS = 60_000;

type Monaco = (typeof import('./monaco.ts'))['monaco'];

/**
 * Monaco's TypeScript worker for `uri`, once it is up. The TypeScript mode registers itself a
 * moment after the first TypeScript model appears: until then getTypeScriptWorker rejects
 * ("TypeScript not registered!"), so it is asked again, not taken for a checker that is not there.
 */
async function workerFor(monaco: Monaco, uri: InstanceType<Monaco['Uri']>) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await (
        await monaco.typescript.getTypeScriptWorker()
      )(uri);
    } catch (err) {
      if (attempt >= 40) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** `work`'s value, or `fallback` once `ms` have passed. */
async function within<T>(ms: number, work: Promise<T>, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * The errors in one learner file (`total.ts`), as the editor shows them. `limitMs` bounds the
 * check itself, not the worker's start: a cold worker (the first Check of a TypeScript Parsons
 * step, a slow machine) is waited for, so its Check is not passed unchecked. Past either limit
 * the answer is "none found", and the backend's own check decides.
 */
export async function typeDiagnostics(
  file: string,
  code: string,
  limitMs = Number.POSITIVE_INFINITY,
): Promise<TypeDiagnostic[]> {
  const { monaco } = await withMonacoWords(() => import('./monaco.ts'));
  const uri = monaco.Uri.parse(`file:///lantern-check/${++checks}/${file}`);
  const model = monaco.editor.createModel(code, 'typescript', uri);
  try {
    const worker = await within(START_LIMIT_MS, workerFor(monaco, uri), null);
    if (!worker) return [];
    const name = uri.toString();
    const diagnose = async () => [
      ...(await worker.getSyntacticDiagnostics(name)),
      ...(await worker.getSemanticDiagnostics(name)),
    ];
    const found = await within(limitMs, diagnose(), []);
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
 * load them (a TypeScript Parsons step), so the first Check does not wait for them.
 */
export async function warmTypeChecker(): Promise<void> {
  await typeDiagnostics('warm.ts', 'export {};\n');
}
