/**
 * Monaco, set up once: bundled with the app (no CDN), its language workers as local module
 * workers, Python / JavaScript / TypeScript languages, and themes that follow the app's.
 */
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker();
  },
};

// Learner files are single modules: check them as such, and show type errors in TypeScript.
const defaults = monaco.typescript;
defaults.typescriptDefaults.setCompilerOptions({
  target: defaults.ScriptTarget.ESNext,
  module: defaults.ModuleKind.ESNext,
  moduleResolution: defaults.ModuleResolutionKind.NodeJs,
  strict: true,
  allowNonTsExtensions: true,
  lib: ['es2022'],
});
defaults.javascriptDefaults.setCompilerOptions({
  target: defaults.ScriptTarget.ESNext,
  module: defaults.ModuleKind.ESNext,
  allowNonTsExtensions: true,
  lib: ['es2022'],
});
// The sandbox has console, prompt and timers; tell the checker so they are not "unknown names".
const sandboxGlobals = `
declare var console: { log(...a: any[]): void; error(...a: any[]): void; warn(...a: any[]): void; info(...a: any[]): void; table(...a: any[]): void };
declare function prompt(message?: string): string | null;
declare function setTimeout(fn: (...a: any[]) => void, ms?: number, ...a: any[]): number;
declare function clearTimeout(id?: number): void;
declare function setInterval(fn: (...a: any[]) => void, ms?: number, ...a: any[]): number;
declare function clearInterval(id?: number): void;
declare function queueMicrotask(fn: () => void): void;
`;
defaults.typescriptDefaults.addExtraLib(sandboxGlobals, 'file:///lantern-sandbox.d.ts');
defaults.javascriptDefaults.addExtraLib(sandboxGlobals, 'file:///lantern-sandbox.d.ts');

export { monaco };

export function monacoTheme(): 'vs' | 'vs-dark' {
  return document.documentElement.dataset.theme === 'dark' ? 'vs-dark' : 'vs';
}

export function monacoLanguage(language: string): string {
  return language === 'python' ? 'python' : language === 'typescript' ? 'typescript' : 'javascript';
}
