// The part of Node.js's Buffer that @ohos.buffer uses for its string codecs.
declare module 'node:buffer' {
  export class Buffer extends Uint8Array {
    static from(data: string, encoding?: string): Buffer;
    static from(arrayBuffer: ArrayBufferLike, byteOffset?: number, length?: number): Buffer;
    static byteLength(text: string, encoding?: string): number;
    toString(encoding?: string, start?: number, end?: number): string;
    write(text: string, offset: number, length: number, encoding: string): number;
    indexOf(value: string | number | Uint8Array, byteOffset?: number, encoding?: string): number;
    lastIndexOf(value: string | number | Uint8Array, byteOffset?: number, encoding?: string): number;
  }
}
