import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import type { Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * Ships the Python runtime as plain files next to the renderer (`/pyodide/…`), so the app loads
 * it from its own origin and never from a CDN.
 */
function copyPyodide(): Plugin {
  return {
    name: 'lantern-copy-pyodide',
    apply: 'build',
    writeBundle(options) {
      const from = resolve(root, 'node_modules/pyodide');
      const to = resolve(options.dir ?? 'out/renderer', 'pyodide');
      if (!existsSync(from)) throw new Error('node_modules/pyodide is missing: run npm install');
      const keep = /\.(mjs|js|wasm|zip|json|tar|whl)$/;
      cpSync(from, to, {
        recursive: true,
        filter: (src) => !src.endsWith('.map') && (keep.test(src) || !src.includes('.')),
      });
    },
  };
}

/**
 * The JavaScript sandbox's QuickJS wasm, at `/runtimes/quickjs.wasm`: the sandbox worker's CSP
 * lets it fetch only from /pyodide/ and /runtimes/.
 */
function copyQuickJS(): Plugin {
  return {
    name: 'lantern-copy-quickjs',
    apply: 'build',
    writeBundle(options) {
      const from = resolve(
        root,
        'node_modules/@jitl/quickjs-wasmfile-release-sync/dist/emscripten-module.wasm',
      );
      const to = resolve(options.dir ?? 'out/renderer', 'runtimes');
      if (!existsSync(from)) throw new Error(`${from} is missing: run npm install`);
      mkdirSync(to, { recursive: true });
      cpSync(from, resolve(to, 'quickjs.wasm'));
    },
  };
}

/**
 * The Python runner's start-up snapshot at `/runtimes/python.snapshot`: Pyodide started once, in
 * a Node process of its own (electron/core/runner-host/python-snapshot.ts), with the runner's own
 * options, its memory saved (shared/runner/python/boot.ts). A runner restores it in a fraction of
 * a normal start; without it a runner starts normally.
 */
function pythonSnapshot(): Plugin {
  return {
    name: 'lantern-python-snapshot',
    apply: 'build',
    async writeBundle(options) {
      const { makePythonSnapshotFile } = await import('./electron/core/runner-host/python-snapshot.ts');
      const target = resolve(options.dir ?? 'out/renderer', 'runtimes', 'python.snapshot');
      rmSync(target, { force: true });
      if (!(await makePythonSnapshotFile(process.execPath, target)))
        this.warn('The Python start-up snapshot could not be made; runners will start Python normally.');
    },
  };
}

/**
 * Monaco's main entry registers about 80 languages and the CSS/HTML language services; Lantern's
 * editor shows only these. Every other language's registration becomes an empty module, so its
 * grammar, and the CSS and HTML services with their workers, never reach the bundle.
 */
const MONACO_LANGUAGES = ['python', 'javascript', 'typescript', 'json', 'yaml', 'markdown'];
function monacoOnlyOurLanguages(): Plugin {
  const registration = /monaco-editor\/esm\/vs\/languages\/(definitions|features)\/([\w-]+)\/register\.js$/;
  return {
    name: 'lantern-monaco-languages',
    enforce: 'pre',
    load(id) {
      const match = registration.exec(id.replaceAll('\\', '/'));
      if (match && !MONACO_LANGUAGES.includes(match[2] ?? '')) return 'export {};';
      return null;
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(root, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require packages: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/preload/index.ts'),
          sandbox: resolve(root, 'electron/preload/sandbox.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react(), monacoOnlyOurLanguages(), copyPyodide(), copyQuickJS(), pythonSnapshot()],
    worker: { format: 'es' },
    build: {
      outDir: 'out/renderer',
      chunkSizeWarningLimit: 6000,
      rollupOptions: {
        input: {
          index: resolve(root, 'renderer/index.html'),
          // The desktop app's hidden runner for the backend (electron/main/browser-sandbox.ts).
          sandbox: resolve(root, 'renderer/sandbox.html'),
        },
      },
    },
  },
});
