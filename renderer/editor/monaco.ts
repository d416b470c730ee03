/**
 * Monaco, set up once: bundled with the app (no CDN), its language workers as local module
 * workers, Python / JavaScript / TypeScript languages, and themes that follow the app's.
 */
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import { SANDBOX_GLOBALS_DTS, TYPE_CHECK_SETTINGS } from '../../shared/runner/javascript/type-check.ts';

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker();
  },
};

// Learner files are single modules: check them as such, and show type errors in TypeScript with
// the settings the backend's checker uses (shared/runner/javascript/type-check.ts, decision 0048).
const defaults = monaco.typescript;
defaults.typescriptDefaults.setCompilerOptions({
  // ES2022, as the backend's checker: at ESNext the page passed code the backend refuses (a
  // regular expression's `v` flag needs ES2024). Monaco's enum has no name for 9.
  target: 9 as typeof defaults.ScriptTarget.ESNext,
  module: defaults.ModuleKind.ESNext,
  moduleResolution: defaults.ModuleResolutionKind.NodeJs,
  strict: TYPE_CHECK_SETTINGS.strict,
  allowNonTsExtensions: true,
  lib: [...TYPE_CHECK_SETTINGS.lib],
  // Every file is its own module, so the editor's model and a Check's copy never share a scope.
  moduleDetection: 3,
});
defaults.javascriptDefaults.setCompilerOptions({
  target: defaults.ScriptTarget.ESNext,
  module: defaults.ModuleKind.ESNext,
  allowNonTsExtensions: true,
  lib: ['es2022'],
});
// The sandbox has console, prompt and timers; tell the checker so they are not "unknown names".
defaults.typescriptDefaults.addExtraLib(SANDBOX_GLOBALS_DTS, 'file:///lantern-sandbox.d.ts');
defaults.javascriptDefaults.addExtraLib(SANDBOX_GLOBALS_DTS, 'file:///lantern-sandbox.d.ts');

export { monaco };

/*
 * Monaco's own themes with the token colours that fall under WCAG AA (4.5:1) on the app's code
 * background (--surface-2, where lesson samples are coloured) replaced by darker or lighter ones
 * of the same hue. Monaco has one theme at a time, so the editor and the samples always agree.
 */
monaco.editor.defineTheme('lantern-light', {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'comment', foreground: '1a6b1a' },
    { token: 'number', foreground: '0b6e4f' },
    { token: 'type', foreground: '1f6c85' },
    { token: 'string.escape', foreground: '9e0000' },
    { token: 'attribute.name', foreground: 'b00000' },
  ],
  colors: {},
});
monaco.editor.defineTheme('lantern-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'comment', foreground: '7fae6a' },
    { token: 'regexp', foreground: 'e08a8a' },
    { token: 'delimiter.html', foreground: 'a0a0a0' },
  ],
  colors: {},
});

export function monacoTheme(): 'lantern-light' | 'lantern-dark' {
  return document.documentElement.dataset.theme === 'dark' ? 'lantern-dark' : 'lantern-light';
}

export function monacoLanguage(language: string): string {
  return language === 'python' ? 'python' : language === 'typescript' ? 'typescript' : 'javascript';
}

// Lesson samples are coloured with Monaco's current theme even when no editor is on the page, so
// the theme follows the app's from the moment Monaco loads, not from the first editor made.
monaco.editor.setTheme(monacoTheme());
new MutationObserver(() => monaco.editor.setTheme(monacoTheme())).observe(document.documentElement, {
  attributes: true,
  attributeFilter: ['data-theme'],
});
