// ESLint flat config. The import-boundary rules keep the layers of docs/ARCHITECTURE.md honest:
// a wrong import fails `npm test`, not a review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
// The packages renderer/ and shared/ may import: they run in a browser (or inside QuickJS) and
// bring no Node types. Every other package of package.json is refused there, so a new Node-only
// dependency is refused without anyone remembering to list it (native addons, file logging, the
// model SDKs with their keys, Playwright, the Node build of ruff, the build tools).
const browserPackages = new Set([
  '@jitl/quickjs-wasmfile-release-sync',
  '@vitest/expect',
  'acorn',
  'chai',
  'diff',
  'entities',
  'fflate',
  'i18next',
  'markdown-it',
  'monaco-editor',
  'papaparse',
  'pyodide',
  'quickjs-emscripten-core',
  'react',
  'react-dom',
  'react-i18next',
  'react-resizable-panels',
  'recharts',
  'sucrase',
  'unhomoglyph',
  'yaml',
  'zod',
]);
const manifest = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const nodeOnlyNames = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter(
  (name) => !browserPackages.has(name) && !name.startsWith('@types/'),
);
// A regex, not gitignore globs: the glob `typescript` would also match monaco-editor/…/typescript/….
const nodeOnlyPackages = {
  regex: `^(${nodeOnlyNames.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(/.*)?$`,
  message: 'A Node-only package: the backend uses it, and the renderer asks the backend.',
};

const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
});

// The renderer's own layers (docs/ARCHITECTURE.md, "The renderer's folders"): app/ routes to
// pages/; a page composes features; a feature is what one part of the app shows; the building
// blocks serve them all. Imports point down only, so a page never reaches into another page.
const rendererBase = [
  {
    group: ['**/electron/**', 'electron', 'electron/*'],
    message: 'The renderer talks to the backend only through window.lantern (shared/api).',
  },
  { group: nodeBuiltins, message: 'The renderer never touches Node.' },
  nodeOnlyPackages,
];
// Features every exercise view builds on (the workspace, the step view), and the rest.
const sharedFeatures = ['lesson', 'visualiser'];
const leafFeatures = ['practice', 'progress', 'teacher', 'settings', 'learn'];
const features = [...sharedFeatures, ...leafFeatures];
const blocks = ['components', 'editor', 'runner', 'i18n', 'api', 'workers', 'sandbox'];
const noPages = {
  group: ['**/pages/**', '**/pages'],
  message: 'Only app/ routes to a page: move what two pages share into a feature or components/.',
};
const rendererLayers = [
  {
    files: ['renderer/pages/*.{ts,tsx}'],
    rules: restrict([
      ...rendererBase,
      {
        group: ['./*', '../pages/*', '../pages', '**/pages/**'],
        message: 'A page does not import another page: share a feature instead.',
      },
    ]),
  },
  ...features.map((feature) => ({
    files: [`renderer/${feature}/**/*.{ts,tsx}`],
    rules: restrict([
      ...rendererBase,
      noPages,
      {
        group: leafFeatures.filter((f) => f !== feature).map((f) => `**/${f}/**`),
        message: `A feature does not reach into another one; share it through lesson/ or components/.`,
      },
    ]),
  })),
  {
    files: blocks.map((block) => `renderer/${block}/**/*.{ts,tsx}`),
    rules: restrict([
      ...rendererBase,
      noPages,
      {
        group: features.map((f) => `**/${f}/**`),
        message: 'A building block serves the features and knows none of them.',
      },
    ]),
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'coverage/**',
      'docs/schema/**',
      'tests/e2e/screenshots/**',
      // Learner programs exactly as a learner wrote them, mistakes included.
      'tests/golden/**/code.*',
      'tests/golden/**/tests.*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // CommonJS run as-is by Node (the type checker's worker thread).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(rendererBase),
    },
  },
  ...rendererLayers,
  {
    // A component is split along what the learner sees (a header, a pane, a list) before it
    // grows past a screen: issue 16. Hooks and helpers stay in their own files, and a hook is
    // split along what it does (the keys, the focus, drag and drop) under the same limit.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/web/**/*.ts', 'electron/cli/**/*.ts'],
    rules: restrict([
      {
        group: ['electron', 'electron/*'],
        message: 'electron/core, web and cli are plain Node: no Electron import.',
      },
      { group: ['**/renderer/**'], message: 'The backend does not import UI code.' },
      { group: ['**/electron/main/**', '**/main/**'], message: 'Only electron/main knows Electron.' },
    ]),
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: restrict([
      { group: nodeBuiltins, message: 'shared/ imports neither Node nor DOM APIs.' },
      nodeOnlyPackages,
      {
        group: ['electron', 'electron/*', '**/electron/**'],
        message: 'shared/ depends on nothing above it.',
      },
      {
        group: ['**/renderer/**'],
        message: 'shared/ depends on nothing above it (the catalogs are shared/i18n/locales).',
      },
    ]),
  },
  {
    // Pack fixtures are learner-facing exercise files: stubs keep their unused parameters and
    // specs use Jest's globals, as an Exercism exercise does; so do the attack corpus's.
    files: [
      'tests/fixtures/packs/**/*.js',
      'tests/fixtures/exercism/**/*.js',
      'tests/fixtures/attacks/**/*.js',
    ],
    languageOptions: { globals: { ...globals.jest } },
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    // Attacks are written as a learner trying to fool the harness would: swallowed errors, and
    // Vitest's `vi` as well as Jest's globals.
    files: ['tests/fixtures/attacks/**/*.js'],
    languageOptions: { globals: { vi: 'readonly' } },
    rules: { 'no-empty': 'off' },
  },
);
