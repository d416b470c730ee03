/**
 * Loads QuickJS (Bellard's QuickJS compiled to WebAssembly; its stack traces point at the failing expression, which quickjs-ng's did not) once per host. The wasm file ships in
 * node_modules: Node reads it from disk, the browser build serves it from the app's own origin
 * (the variant resolves it with `new URL('emscripten-module.wasm', import.meta.url)`, which the
 * bundler copies). Never a CDN.
 */
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';

let loading: Promise<QuickJSWASMModule> | null = null;

/** The shared QuickJS module; every run makes its own runtime (realm, heap, limits) in it. */
export function loadQuickJS(): Promise<QuickJSWASMModule> {
  loading ??= newQuickJSWASMModuleFromVariant(variant).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/**
 * Forgets the module after the wasm itself failed (a host stack overflow or an abort leaves
 * QuickJS's memory in an unknown state); the next run loads a fresh instance.
 */
export function discardQuickJS(): void {
  loading = null;
}
