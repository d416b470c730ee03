/**
 * A memory cap for the Python runtime: WebAssembly memory may not grow past `maxBytes`. Pyodide
 * (Emscripten's growMemory) treats a refused grow as "out of memory", so malloc fails and the
 * learner's program gets Python's own MemoryError, in the browser worker as in the Node child,
 * instead of a tab or a process that the operating system ends.
 */
const WASM_PAGE = 65_536;

/** The Python runtime's memory cap: well under what a 32-bit WebAssembly memory can reach. */
export const PYTHON_MEMORY_LIMIT_BYTES = 768 * 1024 * 1024;

let installed: number | undefined;

/** Installs the cap for every WebAssembly memory made in this realm from now on (once). */
export function capWasmMemory(maxBytes: number): void {
  if (installed !== undefined) return;
  installed = maxBytes;
  const grow = WebAssembly.Memory.prototype.grow;
  WebAssembly.Memory.prototype.grow = function capped(this: WebAssembly.Memory, delta: number): number {
    if (this.buffer.byteLength + delta * WASM_PAGE > maxBytes)
      throw new RangeError(`WebAssembly memory may not grow past ${maxBytes} bytes`);
    return grow.call(this, delta);
  };
}
