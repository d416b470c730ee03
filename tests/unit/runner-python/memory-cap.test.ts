/**
 * The Python runtime's memory cap (shared/runner/memory-cap.ts): WebAssembly memory grows as usual
 * up to the cap and is refused past it, which Pyodide turns into Python's MemoryError (the browser
 * e2e and the escape corpus show that part with real programs).
 */
import { describe, expect, test } from 'vitest';
import { capWasmMemory, PYTHON_MEMORY_LIMIT_BYTES } from '../../../shared/runner/memory-cap.ts';

const PAGE = 65_536;

describe('the WebAssembly memory cap', () => {
  test('lets memory grow up to the cap and refuses to grow past it, keeping what it had', () => {
    capWasmMemory(PYTHON_MEMORY_LIMIT_BYTES);
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 65_536 });
    expect(memory.grow(15)).toBe(1);
    expect(memory.buffer.byteLength).toBe(16 * PAGE);
    expect(() => memory.grow(PYTHON_MEMORY_LIMIT_BYTES / PAGE)).toThrow(/may not grow past 805306368 bytes/);
    expect(memory.buffer.byteLength).toBe(16 * PAGE);
    // Exactly up to the cap is allowed.
    expect(() => memory.grow(PYTHON_MEMORY_LIMIT_BYTES / PAGE - 16)).not.toThrow();
    expect(memory.buffer.byteLength).toBe(PYTHON_MEMORY_LIMIT_BYTES);
  });
});
