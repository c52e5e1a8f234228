// The few globals the core uses that both Node 20 and browsers provide. The core is checked
// without the DOM and Node libraries (tsconfig.core.json), so they are named here, narrowed
// to what the core calls. Left out of tsconfig.json, which has both libraries.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare function atob(data: string): string;
declare var crypto: { getRandomValues<T extends Uint8Array>(array: T): T };
