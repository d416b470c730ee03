// The type checker's worker thread (decision 0048), run by electron/core/runner-host/type-checker.ts.
// Plain CommonJS so that ESLint reads it as code; scripts/build-harness.ts copies it into
// type-checker-worker.generated.ts, which both hosts load as text (an `eval` worker needs no
// build step and works in the packaged app, where the compiler is a dependency like any other).
const { parentPort, workerData } = require('node:worker_threads');
const ts = require(workerData.typescript);
const path = require('node:path');
const options = {
  strict: workerData.strict,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: workerData.lib.map((l) => 'lib.' + l + '.d.ts'),
  types: [],
  noEmit: true,
  skipLibCheck: true,
  noResolve: true,
  allowJs: false,
  resolveJsonModule: false,
};
const GLOBALS = '/lantern/sandbox-globals.d.ts';
// The compiler reads nothing from disk but its own library's declarations: a learner's import or
// `/// <reference path>` of another file finds nothing (noResolve, and a host that knows only
// these), so no file's content can reach a message.
const LIB_DIR = path.dirname(require.resolve(workerData.typescript));
const isLib = (f) =>
  path.dirname(path.resolve(f)) === LIB_DIR && /^lib\.[a-z0-9.]+\.d\.ts$/.test(path.basename(f));
const libs = new Map();
const base = ts.createCompilerHost(options, true);
let old;
function check({ file, code }) {
  const learner = '/lantern/' + file;
  const texts = new Map([
    [learner, code],
    [GLOBALS, workerData.globals],
  ]);
  const host = {
    ...base,
    fileExists: (f) => texts.has(f) || (isLib(f) && base.fileExists(f)),
    readFile: (f) => (texts.has(f) ? texts.get(f) : isLib(f) ? base.readFile(f) : undefined),
    directoryExists: (d) => d === '/lantern' || path.resolve(d) === LIB_DIR,
    getDirectories: () => [],
    realpath: (f) => f,
    getSourceFile(f, language) {
      if (texts.has(f)) return ts.createSourceFile(f, texts.get(f), language, true);
      if (!isLib(f)) return undefined;
      let sf = libs.get(f);
      if (!sf) {
        sf = base.getSourceFile(f, language);
        if (sf) libs.set(f, sf);
      }
      return sf;
    },
  };
  const program = ts.createProgram([learner, GLOBALS], options, host, old);
  old = program;
  const sf = program.getSourceFile(learner);
  const found = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
  return found
    .filter((d) => d.category === ts.DiagnosticCategory.Error && d.file && d.start !== undefined)
    .map((d) => {
      const at = d.file.getLineAndCharacterOfPosition(d.start);
      return {
        line: at.line + 1,
        column: at.character + 1,
        code: d.code,
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      };
    });
}
// Load the compiler and the standard library's declarations before the first check is timed.
check({ file: 'warm.ts', code: 'export {};' });
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id, file, code }) => {
  try {
    parentPort.postMessage({ id, diagnostics: check({ file, code }) });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.stack) || error) });
  }
});
