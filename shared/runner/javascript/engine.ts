/**
 * Loads QuickJS (Bellard's QuickJS compiled to WebAssembly) once per host. We use it rather than
 * quickjs-ng because its stack traces point at the failing expression, so an error marker lands
 * on the learner's line. The wasm file ships in node_modules: Node reads it from disk; the browser
 * worker is served it from the app's own origin under /runtimes/ (the only place its CSP lets it
 * fetch from), set with `setQuickJSWasmLocation`. Never a CDN.
 */
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';

/** 512 MB in 64 KiB pages: the runtime's 256 MB heap limit plus room for fragmentation. */
const WASM_MEMORY_MAX_PAGES = 8192;

let loading: Promise<QuickJSWASMModule> | null = null;
let wasmLocation: string | undefined;
let compiledWasm: WebAssembly.Module | undefined;

/**
 * A host that will lose its way to the wasm file gives the compiled module up front: the Node
 * sandbox child removes `process` and `fetch` before running learner code, and must still be
 * able to load a fresh QuickJS after discarding a broken one.
 */
export function setQuickJSWasmModule(module: WebAssembly.Module): void {
  compiledWasm = module;
}

/** The browser worker names where its wasm is served; call before the first load. */
export function setQuickJSWasmLocation(url: string): void {
  wasmLocation = url;
}

/** The shared QuickJS module; every run makes its own runtime (realm, heap, limits) in it. */
export function loadQuickJS(): Promise<QuickJSWASMModule> {
  // A linear memory with a ceiling: without one, a string or array flood grows the wasm heap to
  // 2 GB and takes half a minute to hit the runtime's 256 MB limit (fragmentation); with it,
  // QuickJS reports "out of memory" within seconds and the module stays usable.
  if (loading) return loading;
  const wasmMemory = new WebAssembly.Memory({ initial: 256, maximum: WASM_MEMORY_MAX_PAGES });
  const chosen = newVariant(variant, {
    wasmMemory,
    ...(compiledWasm ? { wasmModule: compiledWasm } : wasmLocation ? { wasmLocation } : {}),
  });
  loading = newQuickJSWASMModuleFromVariant(chosen).catch((error: unknown) => {
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
