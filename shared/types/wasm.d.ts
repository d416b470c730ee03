/**
 * The part of the WebAssembly JS API that Lantern's runners use. TypeScript declares WebAssembly
 * only with the DOM library, which shared/ and electron/ are checked without
 * (tsconfig.shared.json, tsconfig.electron.json), though every host they run in has it.
 */
declare global {
  namespace WebAssembly {
    interface MemoryDescriptor {
      initial: number;
      maximum?: number;
      shared?: boolean;
    }
    class Memory {
      constructor(descriptor: MemoryDescriptor);
      readonly buffer: ArrayBuffer;
      grow(delta: number): number;
    }
    class Module {
      constructor(bytes: ArrayBuffer | ArrayBufferView);
    }
  }
}

export {};
