/**
 * Pyodide's Node filesystem glue reads process.binding('constants'), which Node's permission
 * model refuses; answer that one question and nothing else. Used by the sandbox child and by the
 * snapshot maker, so the snapshot is made in the world the child restores it in.
 */
import { constants as fsConstants } from 'node:fs';

export function answerConstantsBinding(proc: NodeJS.Process): void {
  (proc as unknown as { binding: (name: string) => unknown }).binding = (name: string) => {
    if (name === 'constants') return { fs: fsConstants };
    throw new Error(`process.binding('${name}') is not available in the sandbox`);
  };
}
