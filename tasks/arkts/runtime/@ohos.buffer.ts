// Runtime of '@ohos.buffer': Buffer (a Uint8Array with the documented
// methods, so `buf[i]` and for…of work) and Blob. String codecs come from
// Node's Buffer; everything else is implemented here.
import { Buffer as NodeBuffer } from 'node:buffer';
import { BusinessError } from './@ohos.base';
import { OUT_OF_RANGE, describeValue, parameterError, typeError } from './internal/errors';

const GETTER_ONLY = 10200013;
const BAD_SWAP_SIZE = 10200009;
const UINT32_MAX = 4294967295;
const ENCODINGS = new Set([
  'ascii', 'utf8', 'utf-8', 'utf16le', 'ucs2', 'ucs-2', 'base64', 'base64url', 'latin1', 'binary', 'hex',
]);

type Bound = number | bigint | string;

function outOfRange(name: string, low: Bound, high: Bound, value: unknown): BusinessError {
  return new BusinessError(
    OUT_OF_RANGE,
    `The value of "${name}" is out of range. It must be >= ${low} and <= ${high}. Received value is: ${describeValue(value)}`,
  );
}

/** 401 unless `value` is a number; 10200001 unless it is an integer in [low, high]. */
function checkIndex(name: string, value: unknown, low: number, high: number): number {
  if (typeof value !== 'number') {
    throw typeError(name, 'number', value);
  }
  if (!Number.isInteger(value) || value < low || value > high) {
    throw outOfRange(name, low, high, value);
  }
  return value;
}

/** Like checkIndex, with `fallback` for an omitted (undefined) argument. */
function optionalIndex(name: string, value: unknown, fallback: number, low: number, high: number): number {
  return value === undefined ? fallback : checkIndex(name, value, low, high);
}

function checkEncoding(name: string, value: unknown): string {
  if (value === undefined) {
    return 'utf8';
  }
  if (typeof value !== 'string') {
    throw typeError(name, 'string', value);
  }
  const encoding = value.toLowerCase();
  if (!ENCODINGS.has(encoding)) {
    throw parameterError(`The type of "${name}" must be BufferEncoding. the encoding ${value} is unknown`);
  }
  return encoding;
}

function checkBytes(name: string, value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) {
    throw typeError(name, 'Buffer or Uint8Array', value);
  }
  return value;
}

/** A Node Buffer over the same memory, for the string codecs. */
function nodeView(bytes: Uint8Array): NodeBuffer {
  return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

function compareBytes(a: Uint8Array, b: Uint8Array): -1 | 0 | 1 {
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) {
    if (a[i] !== b[i]) {
      return a[i] < b[i] ? -1 : 1;
    }
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function checkSearchValue(value: unknown, byteOffset: unknown): void {
  if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Uint8Array)) {
    throw typeError('value', 'string, number, Buffer or Uint8Array', value);
  }
  if (byteOffset !== undefined && typeof byteOffset !== 'number') {
    throw typeError('byteOffset', 'number', byteOffset);
  }
}

function intBounds(byteLength: number, signed: boolean): [number, number] {
  const span = 2 ** (8 * byteLength);
  return signed ? [-span / 2, span / 2 - 1] : [0, span - 1];
}

function checkValue(value: unknown, low: number, high: number): number {
  if (typeof value !== 'number') {
    throw typeError('value', 'number', value);
  }
  if (!(value >= low && value <= high)) {
    throw outOfRange('value', low, high, value);
  }
  return Math.trunc(value);
}

function checkNumber(value: unknown): number {
  if (typeof value !== 'number') {
    throw typeError('value', 'number', value);
  }
  return value;
}

function checkBigValue(value: unknown, low: bigint, high: bigint): bigint {
  if (typeof value !== 'bigint') {
    throw typeError('value', 'bigint', value);
  }
  if (value < low || value > high) {
    throw outOfRange('value', low, high, value);
  }
  return value;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

namespace buffer {
  export type BufferEncoding =
    | 'ascii' | 'utf8' | 'utf-8' | 'utf16le' | 'ucs2' | 'ucs-2' | 'base64' | 'base64url' | 'latin1' | 'binary' | 'hex';

  export interface TypedArray extends Int8Array {}

  /** Binary data: a Uint8Array with the documented Buffer methods. */
  export class Buffer extends Uint8Array {
    /** A DataView over `size` bytes at `offset`, after checking the offset (401 / 10200001). */
    private at(offset: unknown, size: number): DataView {
      checkIndex('offset', offset, 0, this.length - size);
      return new DataView(this.buffer, this.byteOffset, this.length);
    }

    private checkWidth(offset: unknown, byteLength: unknown): number {
      checkIndex('byteLength', byteLength, 1, 6);
      return checkIndex('offset', offset, 0, this.length - (byteLength as number));
    }

    fill(value: string | Buffer | Uint8Array | number, offset?: number, end?: number, encoding?: BufferEncoding): this {
      const start = optionalIndex('offset', offset, 0, 0, this.length);
      const stop = optionalIndex('end', end, this.length, 0, this.length);
      let pattern: Uint8Array;
      if (typeof value === 'number') {
        return super.fill(value & 255, start, stop);
      } else if (typeof value === 'string') {
        pattern = NodeBuffer.from(value, checkEncoding('encoding', encoding));
      } else if (value instanceof Uint8Array) {
        pattern = value.slice();
      } else {
        throw typeError('value', 'string, number, Buffer or Uint8Array', value);
      }
      if (pattern.length === 0) {
        return super.fill(0, start, stop);
      }
      for (let i = start; i < stop; i++) {
        this[i] = pattern[(i - start) % pattern.length];
      }
      return this;
    }

    compare(target: Buffer | Uint8Array, targetStart?: number, targetEnd?: number, sourceStart?: number,
      sourceEnd?: number): -1 | 0 | 1 {
      checkBytes('target', target);
      const tStart = optionalIndex('targetStart', targetStart, 0, 0, target.length);
      const tEnd = optionalIndex('targetEnd', targetEnd, target.length, 0, target.length);
      const sStart = optionalIndex('sourceStart', sourceStart, 0, 0, this.length);
      const sEnd = optionalIndex('sourceEnd', sourceEnd, this.length, 0, this.length);
      return compareBytes(Uint8Array.prototype.subarray.call(this, sStart, sEnd), target.subarray(tStart, tEnd));
    }

    /** Copies bytes into `target` (overlap-safe); returns how many were copied. */
    copy(target: Buffer | Uint8Array, targetStart?: number, sourceStart?: number, sourceEnd?: number): number {
      checkBytes('target', target);
      const tStart = optionalIndex('targetStart', targetStart, 0, 0, Number.MAX_SAFE_INTEGER);
      const sStart = optionalIndex('sourceStart', sourceStart, 0, 0, Number.MAX_SAFE_INTEGER);
      const sEnd = Math.min(optionalIndex('sourceEnd', sourceEnd, this.length, 0, Number.MAX_SAFE_INTEGER), this.length);
      const count = Math.min(sEnd - sStart, target.length - tStart);
      if (count <= 0) {
        return 0;
      }
      target.set(Uint8Array.prototype.subarray.call(this, sStart, sStart + count), tStart);
      return count;
    }

    equals(otherBuffer: Uint8Array | Buffer): boolean {
      return compareBytes(this, checkBytes('otherBuffer', otherBuffer)) === 0;
    }

    includes(value: string | number | Buffer | Uint8Array, byteOffset?: number, encoding?: BufferEncoding): boolean {
      return this.indexOf(value, byteOffset, encoding) !== -1;
    }

    /** First index of `value` from `byteOffset` (negative counts from the end), or -1. */
    indexOf(value: string | number | Buffer | Uint8Array, byteOffset?: number, encoding?: BufferEncoding): number {
      checkSearchValue(value, byteOffset);
      return nodeView(this).indexOf(value, byteOffset ?? 0, checkEncoding('encoding', encoding));
    }

    /** Last index of `value` at or before `byteOffset` (default: the end), or -1. */
    lastIndexOf(value: string | number | Buffer | Uint8Array, byteOffset?: number, encoding?: BufferEncoding): number {
      checkSearchValue(value, byteOffset);
      return nodeView(this).lastIndexOf(value, byteOffset ?? this.length, checkEncoding('encoding', encoding));
    }

    readBigInt64BE(offset: number = 0): bigint {
      return this.at(offset, 8).getBigInt64(offset);
    }

    readBigInt64LE(offset: number = 0): bigint {
      return this.at(offset, 8).getBigInt64(offset, true);
    }

    readBigUInt64BE(offset: number = 0): bigint {
      return this.at(offset, 8).getBigUint64(offset);
    }

    readBigUInt64LE(offset: number = 0): bigint {
      return this.at(offset, 8).getBigUint64(offset, true);
    }

    readDoubleBE(offset: number = 0): number {
      return this.at(offset, 8).getFloat64(offset);
    }

    readDoubleLE(offset: number = 0): number {
      return this.at(offset, 8).getFloat64(offset, true);
    }

    readFloatBE(offset: number = 0): number {
      return this.at(offset, 4).getFloat32(offset);
    }

    readFloatLE(offset: number = 0): number {
      return this.at(offset, 4).getFloat32(offset, true);
    }

    readInt8(offset: number = 0): number {
      return this.at(offset, 1).getInt8(offset);
    }

    readInt16BE(offset: number = 0): number {
      return this.at(offset, 2).getInt16(offset);
    }

    readInt16LE(offset: number = 0): number {
      return this.at(offset, 2).getInt16(offset, true);
    }

    readInt32BE(offset: number = 0): number {
      return this.at(offset, 4).getInt32(offset);
    }

    readInt32LE(offset: number = 0): number {
      return this.at(offset, 4).getInt32(offset, true);
    }

    readIntBE(offset: number, byteLength: number): number {
      return this.signed(this.readUIntBE(offset, byteLength), byteLength);
    }

    readIntLE(offset: number, byteLength: number): number {
      return this.signed(this.readUIntLE(offset, byteLength), byteLength);
    }

    readUInt8(offset: number = 0): number {
      return this.at(offset, 1).getUint8(offset);
    }

    readUInt16BE(offset: number = 0): number {
      return this.at(offset, 2).getUint16(offset);
    }

    readUInt16LE(offset: number = 0): number {
      return this.at(offset, 2).getUint16(offset, true);
    }

    readUInt32BE(offset: number = 0): number {
      return this.at(offset, 4).getUint32(offset);
    }

    readUInt32LE(offset: number = 0): number {
      return this.at(offset, 4).getUint32(offset, true);
    }

    readUIntBE(offset: number, byteLength: number): number {
      const start = this.checkWidth(offset, byteLength);
      let result = 0;
      for (let i = 0; i < byteLength; i++) {
        result = result * 256 + this[start + i];
      }
      return result;
    }

    readUIntLE(offset: number, byteLength: number): number {
      const start = this.checkWidth(offset, byteLength);
      let result = 0;
      for (let i = byteLength - 1; i >= 0; i--) {
        result = result * 256 + this[start + i];
      }
      return result;
    }

    private signed(unsigned: number, byteLength: number): number {
      const span = 2 ** (8 * byteLength);
      return unsigned >= span / 2 ? unsigned - span : unsigned;
    }

    /** A view of the same memory from `start` to `end` (not inclusive). */
    subarray(start?: number, end?: number): Buffer {
      return super.subarray(start, end) as Buffer;
    }

    swap16(): Buffer {
      return this.swap(2);
    }

    swap32(): Buffer {
      return this.swap(4);
    }

    swap64(): Buffer {
      return this.swap(8);
    }

    private swap(width: number): Buffer {
      if (this.length % width !== 0) {
        throw new BusinessError(BAD_SWAP_SIZE, `The buffer size must be a multiple of ${width * 8}-bits`);
      }
      for (let at = 0; at < this.length; at += width) {
        for (let i = 0, j = width - 1; i < j; i++, j--) {
          const byte = this[at + i];
          this[at + i] = this[at + j];
          this[at + j] = byte;
        }
      }
      return this;
    }

    toJSON(): Object {
      return { type: 'Buffer', data: Array.from(this) };
    }

    /** Decodes bytes `start` to `end` (clamped to the buffer) with `encoding`. */
    toString(encoding?: string, start?: number, end?: number): string {
      const name = checkEncoding('encoding', encoding);
      if (start !== undefined && typeof start !== 'number') {
        throw typeError('start', 'number', start);
      }
      if (end !== undefined && typeof end !== 'number') {
        throw typeError('end', 'number', end);
      }
      const from = Math.max(0, Math.trunc(start ?? 0) || 0);
      const to = Math.min(this.length, end === undefined ? this.length : Math.trunc(end) || 0);
      return from >= to ? '' : nodeView(this).toString(name, from, to);
    }

    /** Encodes `str` at `offset`, at most `length` bytes and never a partial character; returns bytes written. */
    write(str: string, offset?: number, length?: number, encoding?: string): number {
      if (typeof str !== 'string') {
        throw typeError('str', 'string', str);
      }
      const start = optionalIndex('offset', offset, 0, 0, this.length);
      const limit = Math.min(optionalIndex('length', length, this.length, 0, this.length), this.length - start);
      return nodeView(this).write(str, start, limit, checkEncoding('encoding', encoding));
    }

    writeBigInt64BE(value: bigint, offset: number = 0): number {
      this.at(offset, 8).setBigInt64(offset, checkBigValue(value, INT64_MIN, INT64_MAX));
      return offset + 8;
    }

    writeBigInt64LE(value: bigint, offset: number = 0): number {
      this.at(offset, 8).setBigInt64(offset, checkBigValue(value, INT64_MIN, INT64_MAX), true);
      return offset + 8;
    }

    writeBigUInt64BE(value: bigint, offset: number = 0): number {
      this.at(offset, 8).setBigUint64(offset, checkBigValue(value, 0n, UINT64_MAX));
      return offset + 8;
    }

    writeBigUInt64LE(value: bigint, offset: number = 0): number {
      this.at(offset, 8).setBigUint64(offset, checkBigValue(value, 0n, UINT64_MAX), true);
      return offset + 8;
    }

    writeDoubleBE(value: number, offset: number = 0): number {
      this.at(offset, 8).setFloat64(offset, checkNumber(value));
      return offset + 8;
    }

    writeDoubleLE(value: number, offset: number = 0): number {
      this.at(offset, 8).setFloat64(offset, checkNumber(value), true);
      return offset + 8;
    }

    writeFloatBE(value: number, offset: number = 0): number {
      this.at(offset, 4).setFloat32(offset, checkNumber(value));
      return offset + 4;
    }

    writeFloatLE(value: number, offset: number = 0): number {
      this.at(offset, 4).setFloat32(offset, checkNumber(value), true);
      return offset + 4;
    }

    writeInt8(value: number, offset: number = 0): number {
      this.at(offset, 1).setInt8(offset, checkValue(value, -128, 127));
      return offset + 1;
    }

    writeInt16BE(value: number, offset: number = 0): number {
      this.at(offset, 2).setInt16(offset, checkValue(value, -32768, 32767));
      return offset + 2;
    }

    writeInt16LE(value: number, offset: number = 0): number {
      this.at(offset, 2).setInt16(offset, checkValue(value, -32768, 32767), true);
      return offset + 2;
    }

    writeInt32BE(value: number, offset: number = 0): number {
      this.at(offset, 4).setInt32(offset, checkValue(value, -2147483648, 2147483647));
      return offset + 4;
    }

    writeInt32LE(value: number, offset: number = 0): number {
      this.at(offset, 4).setInt32(offset, checkValue(value, -2147483648, 2147483647), true);
      return offset + 4;
    }

    writeIntBE(value: number, offset: number, byteLength: number): number {
      return this.writeWide(value, offset, byteLength, true, false);
    }

    writeIntLE(value: number, offset: number, byteLength: number): number {
      return this.writeWide(value, offset, byteLength, true, true);
    }

    writeUInt8(value: number, offset: number = 0): number {
      this.at(offset, 1).setUint8(offset, checkValue(value, 0, 255));
      return offset + 1;
    }

    writeUInt16BE(value: number, offset: number = 0): number {
      this.at(offset, 2).setUint16(offset, checkValue(value, 0, 65535));
      return offset + 2;
    }

    writeUInt16LE(value: number, offset: number = 0): number {
      this.at(offset, 2).setUint16(offset, checkValue(value, 0, 65535), true);
      return offset + 2;
    }

    writeUInt32BE(value: number, offset: number = 0): number {
      this.at(offset, 4).setUint32(offset, checkValue(value, 0, 4294967295));
      return offset + 4;
    }

    writeUInt32LE(value: number, offset: number = 0): number {
      this.at(offset, 4).setUint32(offset, checkValue(value, 0, 4294967295), true);
      return offset + 4;
    }

    writeUIntBE(value: number, offset: number, byteLength: number): number {
      return this.writeWide(value, offset, byteLength, false, false);
    }

    writeUIntLE(value: number, offset: number, byteLength: number): number {
      return this.writeWide(value, offset, byteLength, false, true);
    }

    private writeWide(value: number, offset: number, byteLength: number, signed: boolean, little: boolean): number {
      const start = this.checkWidth(offset, byteLength);
      const [low, high] = intBounds(byteLength, signed);
      let rest = checkValue(value, low, high);
      if (rest < 0) {
        rest += 2 ** (8 * byteLength);
      }
      for (let i = 0; i < byteLength; i++) {
        this[little ? start + i : start + byteLength - 1 - i] = rest % 256;
        rest = Math.floor(rest / 256);
      }
      return start + byteLength;
    }
  }

  /** Immutable bytes with a content type. */
  export class Blob {
    size: number;
    type: string;
    private readonly bytes: Uint8Array;

    /** `sources`: strings (UTF-8), ArrayBuffers, typed arrays, DataViews or Blobs; `options.type`: the content type. */
    constructor(sources: string[] | ArrayBuffer[] | TypedArray[] | DataView[] | Blob[], options?: Object) {
      if (!Array.isArray(sources)) {
        throw typeError('sources', 'string[], ArrayBuffer[], TypedArray[], DataView[] or Blob[]', sources);
      }
      if (options !== undefined && (options === null || typeof options !== 'object')) {
        throw typeError('options', 'Object', options);
      }
      const parts = (sources as unknown[]).map((source): Uint8Array => {
        if (typeof source === 'string') {
          return new TextEncoder().encode(source);
        }
        if (source instanceof ArrayBuffer || source instanceof SharedArrayBuffer) {
          return new Uint8Array(source);
        }
        if (ArrayBuffer.isView(source)) {
          return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
        }
        if (source instanceof Blob) {
          return source.bytes;
        }
        throw typeError('sources', 'string[], ArrayBuffer[], TypedArray[], DataView[] or Blob[]', source);
      });
      this.bytes = joinBytes(parts);
      this.size = this.bytes.length;
      const type = (options as { type?: unknown } | undefined)?.type;
      this.type = type === undefined ? '' : String(type);
    }

    arrayBuffer(): Promise<ArrayBuffer> {
      return Promise.resolve(this.bytes.slice().buffer);
    }

    /** Bytes `start` to `end` (negative values count from the end) as a new Blob. */
    slice(start?: number, end?: number, type?: string): Blob {
      const clamp = (at: number | undefined, fallback: number): number => {
        if (at === undefined) {
          return fallback;
        }
        if (typeof at !== 'number') {
          throw typeError('start/end', 'number', at);
        }
        const whole = Math.trunc(at) || 0;
        return whole < 0 ? Math.max(this.size + whole, 0) : Math.min(whole, this.size);
      };
      const from = clamp(start, 0);
      const to = clamp(end, this.size);
      return new Blob([this.bytes.slice(from, Math.max(from, to))], { type: type ?? '' });
    }

    text(): Promise<string> {
      return Promise.resolve(new TextDecoder().decode(this.bytes));
    }
  }

  function joinBytes(parts: Uint8Array[], total?: number): Buffer {
    const out = new Buffer(total ?? parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts) {
      if (at >= out.length) {
        break;
      }
      const piece = part.subarray(0, out.length - at);
      out.set(piece, at);
      at += piece.length;
    }
    return out;
  }

  function checkSize(size: unknown): number {
    if (typeof size !== 'number') {
      throw typeError('size', 'number', size);
    }
    if (!Number.isInteger(size) || size < 0 || size > UINT32_MAX) {
      throw parameterError(`The value of "size" must be an integer >= 0 and <= ${UINT32_MAX}. Received value is: ${size}`);
    }
    return size;
  }

  /** A zero-filled Buffer of `size` bytes, then filled with `fill` when given. */
  export function alloc(size: number, fill?: string | Buffer | number, encoding?: BufferEncoding): Buffer {
    const created = new Buffer(checkSize(size));
    if (fill !== undefined) {
      created.fill(fill, 0, created.length, encoding);
    }
    return created;
  }

  export function allocUninitializedFromPool(size: number): Buffer {
    return new Buffer(checkSize(size));
  }

  export function allocUninitialized(size: number): Buffer {
    return new Buffer(checkSize(size));
  }

  export function byteLength(
    string: string | Buffer | TypedArray | DataView | ArrayBuffer | SharedArrayBuffer,
    encoding?: BufferEncoding,
  ): number {
    if (typeof string === 'string') {
      return NodeBuffer.byteLength(string, checkEncoding('encoding', encoding));
    }
    if (ArrayBuffer.isView(string) || string instanceof ArrayBuffer || string instanceof SharedArrayBuffer) {
      return string.byteLength;
    }
    throw typeError('string', 'string, Buffer, TypedArray, DataView, ArrayBuffer or SharedArrayBuffer', string);
  }

  /** The buffers of `list` one after another, cut or zero-padded to `totalLength` when given. */
  export function concat(list: Buffer[] | Uint8Array[], totalLength?: number): Buffer {
    if (!Array.isArray(list)) {
      throw typeError('list', 'Array', list);
    }
    (list as unknown[]).forEach((item, index) => checkBytes(`list[${index}]`, item));
    if (totalLength !== undefined) {
      checkIndex('length', totalLength, 0, UINT32_MAX);
    }
    return joinBytes(list, totalLength);
  }

  export function from(array: number[]): Buffer;
  export function from(arrayBuffer: ArrayBuffer | SharedArrayBuffer, byteOffset?: number, length?: number): Buffer;
  export function from(buffer: Buffer | Uint8Array): Buffer;
  export function from(object: Object, offsetOrEncoding: number | string, length: number): Buffer;
  export function from(string: String, encoding?: BufferEncoding): Buffer;
  export function from(value: unknown, offsetOrEncoding?: number | string, length?: number): Buffer {
    if (typeof value === 'string') {
      const encoding = checkEncoding('encoding', offsetOrEncoding);
      return copyOf(NodeBuffer.from(value, encoding));
    }
    if (value instanceof ArrayBuffer || value instanceof SharedArrayBuffer) {
      const start = optionalIndex('byteOffset', offsetOrEncoding, 0, 0, value.byteLength);
      const count = optionalIndex('length', length, value.byteLength - start, 0, value.byteLength - start);
      return new Buffer(value, start, count);
    }
    if (value instanceof Uint8Array) {
      return copyOf(value);
    }
    if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))) {
      return truncatedBytes(value as ArrayLike<unknown>);
    }
    if (value !== null && typeof value === 'object') {
      const primitive = (value as Object).valueOf();
      if (primitive !== value) {
        return from(primitive, offsetOrEncoding as string, length as number);
      }
      const toPrimitive = (value as { [Symbol.toPrimitive]?: unknown })[Symbol.toPrimitive];
      if (typeof toPrimitive === 'function') {
        return from(toPrimitive.call(value, 'string'), offsetOrEncoding as string, length as number);
      }
      const json = value as { type?: unknown; data?: unknown };
      if (json.type === 'Buffer' && Array.isArray(json.data)) {
        return truncatedBytes(json.data);
      }
    }
    throw typeError('value', 'string, Buffer, ArrayBuffer, Array or Array-like Object', value);
  }

  function copyOf(bytes: Uint8Array): Buffer {
    const created = new Buffer(bytes.length);
    created.set(bytes);
    return created;
  }

  /** Each entry as a byte: numbers are truncated into 0..255, anything else becomes 0. */
  function truncatedBytes(items: ArrayLike<unknown>): Buffer {
    const created = new Buffer(items.length);
    for (let i = 0; i < items.length; i++) {
      created[i] = Number(items[i]) & 255;
    }
    return created;
  }

  export function isBuffer(obj: Object): boolean {
    return obj instanceof Buffer;
  }

  /** True for the encodings of BufferEncoding, in any letter case. */
  export function isEncoding(encoding: string): boolean {
    return typeof encoding === 'string' && ENCODINGS.has(encoding.toLowerCase());
  }

  export function compare(buf1: Buffer | Uint8Array, buf2: Buffer | Uint8Array): -1 | 0 | 1 {
    return compareBytes(checkBytes('buf1', buf1), checkBytes('buf2', buf2));
  }

  /** Decodes `source` as `fromEnc` and encodes the text as `toEnc`. */
  export function transcode(source: Buffer | Uint8Array, fromEnc: string, toEnc: string): Buffer {
    const text = nodeView(checkBytes('source', source)).toString(checkEncoding('fromEnc', fromEnc));
    return copyOf(NodeBuffer.from(text, checkEncoding('toEnc', toEnc)));
  }
}

// length, buffer and byteOffset are read-only; assigning one throws 10200013.
const typedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;
for (const [property, label] of [['length', 'Length'], ['buffer', 'Buffer'], ['byteOffset', 'ByteOffset']]) {
  const getter = Object.getOwnPropertyDescriptor(typedArrayPrototype, property)?.get as (this: Uint8Array) => unknown;
  Object.defineProperty(buffer.Buffer.prototype, property, {
    configurable: true,
    get(this: Uint8Array): unknown {
      return getter.call(this);
    },
    set(): never {
      throw new BusinessError(GETTER_ONLY, `${label} cannot be set for the buffer that has only a getter`);
    },
  });
}

export default buffer;
