/**
 * The globals shared/ may use besides WebAssembly (wasm.d.ts): those every host of its code has
 * (a page, a worker, Node, the desktop app's sandbox window). shared/ is type-checked without DOM
 * or Node types (tsconfig.shared.json), so a stray `document` or `Buffer` fails the type-check;
 * what is truly universal is declared here, as narrowly as it is used.
 */
declare global {
  class TextDecoder {
    constructor(label?: string, options?: { fatal?: boolean });
    decode(input?: ArrayBuffer | ArrayBufferView, options?: { stream?: boolean }): string;
  }
  const performance: { now(): number };
  function setTimeout(callback: (...args: never[]) => void, ms?: number, ...args: unknown[]): unknown;
  function clearTimeout(handle: unknown): void;
  // `var`, so that it is also a property of globalThis, as in every host.
  var navigator: { language?: string } | undefined;
  var crypto: { getRandomValues<T extends Uint8Array>(array: T): T };
}

export {};
