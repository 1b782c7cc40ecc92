// Runtime of '@ohos.util': string formatting, UUIDs, text encoding, Base64,
// rational numbers, the LRU cache, promisify and type checks.
import { format as nodeFormat, types as nodeTypes } from 'node:util';
import { BusinessError } from './@ohos.base';
import { decodeBase64, encodeBase64 } from './internal/base64';
import { checkFunction, INVALID_UUID, parameterError, typeError } from './internal/errors';

const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const hashes = new WeakMap<object, number>();

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) {
    [a, b] = [b, a % b];
  }
  return a;
}

function randomBytes(count: number): Uint8Array {
  const bytes = new Uint8Array(count);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

function checkBytes(name: string, value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) {
    throw typeError(name, 'Uint8Array', value);
  }
  return value;
}

namespace util {
  /**
   * Formats like printf: %s string, %d number, %i integer, %f float, %j JSON
   * ('[Circular]' for cycles), %o / %O object, %c ignored, %% a percent sign;
   * surplus arguments are appended separated by spaces.
   */
  export function format(format: string, ...args: Object[]): string {
    return nodeFormat(format, ...args);
  }

  /** Same as format (the older name). */
  export function printf(format: string, ...args: Object[]): string {
    return nodeFormat(format, ...args);
  }

  export function generateRandomUUID(entropyCache?: boolean): string {
    if (entropyCache !== undefined && typeof entropyCache !== 'boolean') {
      throw typeError('entropyCache', 'boolean', entropyCache);
    }
    return globalThis.crypto.randomUUID();
  }

  export function generateRandomBinaryUUID(entropyCache?: boolean): Uint8Array {
    if (entropyCache !== undefined && typeof entropyCache !== 'boolean') {
      throw typeError('entropyCache', 'boolean', entropyCache);
    }
    const bytes = randomBytes(16);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    return bytes;
  }

  /** The 16 bytes of a UUID written as 8-4-4-4-12 hex digits; 10200002 for anything else. */
  export function parseUUID(uuid: string): Uint8Array {
    if (typeof uuid !== 'string') {
      throw typeError('uuid', 'string', uuid);
    }
    if (!UUID_PATTERN.test(uuid)) {
      throw new BusinessError(INVALID_UUID, 'Syntax Error.Invalid uuid string');
    }
    const hex = uuid.replace(/-/g, '');
    const bytes = new Uint8Array(16);
    for (let i = 0; i < 16; i++) {
      bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    }
    return bytes;
  }

  /** A number that stays the same for the same object. */
  export function getHash(object: object): number {
    if ((typeof object !== 'object' && typeof object !== 'function') || object === null) {
      throw typeError('object', 'object', object);
    }
    let hash = hashes.get(object);
    if (hash === undefined) {
      hash = randomBytes(4).reduce((acc, byte) => (acc * 256 + byte) >>> 0, 0) & 0x7fffffff;
      hashes.set(object, hash);
    }
    return hash;
  }

  /** Turns an error-first callback function into one returning a Promise. */
  export function promisify(original: (err: Object, value: Object) => void): Function {
    checkFunction('original', original);
    return function (this: unknown, ...args: unknown[]): Promise<unknown> {
      return new Promise((resolve, reject) => {
        (original as Function).call(this, ...args, (err: unknown, value: unknown) => {
          if (err !== null && err !== undefined) {
            reject(err);
          } else {
            resolve(value);
          }
        });
      });
    };
  }

  /** Turns an async function into one taking an error-first callback last. */
  export function callbackWrapper(original: Function): (err: Object, value: Object) => void {
    checkFunction('original', original);
    return function (this: unknown, ...args: unknown[]): void {
      const callback = args.pop();
      checkFunction('callback', callback);
      const done = callback as (err: unknown, value?: unknown) => void;
      Promise.resolve(original.apply(this, args)).then(
        (value) => done(null, value),
        (error) => done(error === null || error === undefined ? new Error('Promise was rejected with a falsy value') : error),
      );
    } as unknown as (err: Object, value: Object) => void;
  }

  export interface TextDecoderOptions {
    fatal?: boolean;
    ignoreBOM?: boolean;
  }

  export interface DecodeWithStreamOptions {
    stream?: boolean;
  }

  export interface DecodeToStringOptions {
    stream?: boolean;
  }

  /** Decodes bytes in utf-8 (default), utf-16le, utf-16be, iso-8859-x, gbk and the other WHATWG encodings. */
  export class TextDecoder {
    private readonly inner: globalThis.TextDecoder;

    constructor(encoding?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) {
      if (encoding !== undefined && typeof encoding !== 'string') {
        throw typeError('encoding', 'string', encoding);
      }
      try {
        this.inner = new globalThis.TextDecoder(encoding ?? 'utf-8', {
          fatal: options?.fatal ?? false,
          ignoreBOM: options?.ignoreBOM ?? false,
        });
      } catch {
        throw parameterError(`Wrong encoding format, the current '${encoding}' format is not support.`);
      }
    }

    static create(encoding?: string, options?: TextDecoderOptions): TextDecoder {
      return new TextDecoder(encoding, options);
    }

    get encoding(): string {
      return this.inner.encoding;
    }

    get fatal(): boolean {
      return this.inner.fatal;
    }

    get ignoreBOM(): boolean {
      return this.inner.ignoreBOM;
    }

    decode(input: Uint8Array, options?: { stream?: false }): string {
      return this.decodeToString(input, options);
    }

    decodeWithStream(input: Uint8Array, options?: DecodeWithStreamOptions): string {
      return this.decodeToString(input, options);
    }

    decodeToString(input: Uint8Array, options?: DecodeToStringOptions): string {
      checkBytes('input', input);
      try {
        return this.inner.decode(input, { stream: options?.stream ?? false });
      } catch {
        throw parameterError('The input is not valid for the decoder encoding.');
      }
    }
  }

  export interface EncodeIntoUint8ArrayInfo {
    read: number;
    written: number;
  }

  /** Encodes strings as UTF-8. */
  export class TextEncoder {
    readonly encoding = 'utf-8';
    private readonly inner = new globalThis.TextEncoder();

    constructor(encoding?: string) {
      if (encoding !== undefined && typeof encoding !== 'string') {
        throw typeError('encoding', 'string', encoding);
      }
      if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) {
        throw parameterError(`Wrong encoding format, the current '${encoding}' format is not support.`);
      }
    }

    static create(encoding?: string): TextEncoder {
      return new TextEncoder(encoding);
    }

    encode(input?: string): Uint8Array {
      return this.inner.encode(input ?? '');
    }

    encodeInto(input?: string): Uint8Array;
    encodeInto(input: string, dest: Uint8Array): { read: number; written: number };
    encodeInto(input?: string, dest?: Uint8Array): Uint8Array | { read: number; written: number } {
      if (dest === undefined) {
        return this.inner.encode(input ?? '');
      }
      return this.encodeIntoUint8Array(input ?? '', dest);
    }

    encodeIntoUint8Array(input: string, dest: Uint8Array): EncodeIntoUint8ArrayInfo {
      if (typeof input !== 'string') {
        throw typeError('input', 'string', input);
      }
      checkBytes('dest', dest);
      const result = this.inner.encodeInto(input, dest);
      return { read: result.read ?? 0, written: result.written ?? 0 };
    }
  }

  /**
   * A fraction kept in lowest terms with the sign on the numerator. A zero
   * denominator gives Infinity/-Infinity, and 0/0 is NaN.
   */
  export class RationalNumber {
    private mNum = 0;
    private mDen = 1;

    constructor(numerator?: number, denominator?: number) {
      if (numerator === undefined && denominator === undefined) {
        return;
      }
      this.assign(numerator as number, denominator as number);
    }

    private assign(numerator: number, denominator: number): void {
      let num = Math.trunc(numerator);
      let den = Math.trunc(denominator);
      if (den === 0) {
        this.mNum = num > 0 ? 1 : num < 0 ? -1 : 0;
        this.mDen = 0;
        return;
      }
      if (den < 0) {
        num = -num;
        den = -den;
      }
      const divisor = gcd(num, den) || 1;
      this.mNum = num / divisor;
      this.mDen = den / divisor;
    }

    static parseRationalNumber(numerator: number, denominator: number): RationalNumber {
      if (typeof numerator !== 'number') {
        throw typeError('numerator', 'number', numerator);
      }
      if (typeof denominator !== 'number') {
        throw typeError('denominator', 'number', denominator);
      }
      return new RationalNumber(numerator, denominator);
    }

    /** Parses "a/b" or "a:b". */
    static createRationalFromString(rationalString: string): RationalNumber {
      if (typeof rationalString !== 'string') {
        throw typeError('rationalString', 'string', rationalString);
      }
      const parts = rationalString.trim().split(/[/:]/);
      const numerator = Number(parts[0]);
      const denominator = parts.length > 1 ? Number(parts[1]) : 1;
      if (parts.length > 2 || Number.isNaN(numerator) || Number.isNaN(denominator)) {
        throw parameterError(`The rationalString "${rationalString}" is not a rational number.`);
      }
      return new RationalNumber(numerator, denominator);
    }

    /** 1, 0 or -1 as this is greater than, equal to or less than `another`; NaN is greater than everything. */
    compareTo(another: RationalNumber): number {
      return this.compare(another);
    }

    compare(another: RationalNumber): number {
      if (!(another instanceof RationalNumber)) {
        throw typeError('another', 'RationalNumber', another);
      }
      if (this.isNaN() || another.isNaN()) {
        return this.isNaN() && another.isNaN() ? 0 : this.isNaN() ? 1 : -1;
      }
      const left = this.valueOf();
      const right = another.valueOf();
      if (!Number.isFinite(left) || !Number.isFinite(right)) {
        return left === right ? 0 : left > right ? 1 : -1;
      }
      const diff = this.mNum * another.mDen - another.mNum * this.mDen;
      return diff > 0 ? 1 : diff < 0 ? -1 : 0;
    }

    equals(obj: Object): boolean {
      return obj instanceof RationalNumber && obj.mNum === this.mNum && obj.mDen === this.mDen;
    }

    valueOf(): number {
      if (this.mDen === 0) {
        return this.mNum === 0 ? NaN : this.mNum > 0 ? Infinity : -Infinity;
      }
      return this.mNum / this.mDen;
    }

    static getCommonDivisor(number1: number, number2: number): number {
      return RationalNumber.getCommonFactor(number1, number2);
    }

    static getCommonFactor(number1: number, number2: number): number {
      if (!Number.isInteger(number1)) {
        throw typeError('number1', 'integer', number1);
      }
      if (!Number.isInteger(number2)) {
        throw typeError('number2', 'integer', number2);
      }
      return gcd(number1, number2);
    }

    getDenominator(): number {
      return this.mDen;
    }

    getNumerator(): number {
      return this.mNum;
    }

    isFinite(): boolean {
      return this.mDen !== 0;
    }

    isNaN(): boolean {
      return this.mNum === 0 && this.mDen === 0;
    }

    isZero(): boolean {
      return this.mNum === 0 && this.mDen !== 0;
    }

    /** "NaN", "Infinity", "-Infinity", or "numerator/denominator". */
    toString(): string {
      if (this.mDen === 0) {
        return String(this.valueOf());
      }
      return `${this.mNum}/${this.mDen}`;
    }
  }

  /**
   * A cache holding at most `capacity` entries (default 64); adding past the
   * capacity evicts the least recently used entry. keys()/values()/entries()
   * list entries from least to most recently used.
   */
  export class LRUCache<K, V> {
    private cache = new Map<K, V>();
    private capacity: number;
    private putCount = 0;
    private createCount = 0;
    private evictionCount = 0;
    private hitCount = 0;
    private missCount = 0;

    constructor(capacity?: number) {
      if (capacity !== undefined) {
        LRUCache.checkCapacity(capacity);
      }
      this.capacity = capacity ?? 64;
    }

    private static checkCapacity(capacity: number): void {
      if (typeof capacity !== 'number' || !Number.isInteger(capacity) || capacity <= 0) {
        throw parameterError(`The value of "capacity" must be a positive integer. Received value is: ${String(capacity)}`);
      }
    }

    get length(): number {
      return this.cache.size;
    }

    updateCapacity(newCapacity: number): void {
      LRUCache.checkCapacity(newCapacity);
      this.capacity = newCapacity;
      this.trim();
    }

    private trim(): void {
      while (this.cache.size > this.capacity) {
        const [key, value] = this.cache.entries().next().value as [K, V];
        this.cache.delete(key);
        this.evictionCount++;
        this.afterRemoval(true, key, value, undefined as V);
      }
    }

    /** "LRUCache[ maxSize = N, hits = H, misses = M, hitRate = R% ]". */
    toString(): string {
      const lookups = this.hitCount + this.missCount;
      const rate = lookups === 0 ? 0 : Math.floor((this.hitCount * 100) / lookups);
      return `LRUCache[ maxSize = ${this.capacity}, hits = ${this.hitCount}, misses = ${this.missCount}, hitRate = ${rate}% ]`;
    }

    getCapacity(): number {
      return this.capacity;
    }

    clear(): void {
      const entries = [...this.cache];
      this.cache.clear();
      for (const [key, value] of entries) {
        this.afterRemoval(false, key, value, undefined as V);
      }
    }

    getCreateCount(): number {
      return this.createCount;
    }

    getMissCount(): number {
      return this.missCount;
    }

    getRemovalCount(): number {
      return this.evictionCount;
    }

    getMatchCount(): number {
      return this.hitCount;
    }

    getPutCount(): number {
      return this.putCount;
    }

    isEmpty(): boolean {
      return this.cache.size === 0;
    }

    /** The value (now most recently used); on a miss, createDefault's value when it gives one. */
    get(key: K): V | undefined {
      if (key === undefined || key === null) {
        throw typeError('key', 'not null', key);
      }
      if (this.cache.has(key)) {
        const value = this.cache.get(key) as V;
        this.cache.delete(key);
        this.cache.set(key, value);
        this.hitCount++;
        return value;
      }
      this.missCount++;
      const created = this.createDefault(key);
      if (created === undefined) {
        return undefined;
      }
      this.createCount++;
      this.put(key, created);
      return created;
    }

    /** Stores the pair as most recently used and returns the value. */
    put(key: K, value: V): V {
      if (key === undefined || key === null || value === undefined || value === null) {
        throw parameterError('The key and value of put must not be null or undefined.');
      }
      this.putCount++;
      const had = this.cache.has(key);
      const previous = this.cache.get(key);
      this.cache.delete(key);
      this.cache.set(key, value);
      if (had) {
        this.afterRemoval(false, key, previous as V, value);
      }
      this.trim();
      return value;
    }

    values(): V[] {
      return [...this.cache.values()];
    }

    keys(): K[] {
      return [...this.cache.keys()];
    }

    remove(key: K): V | undefined {
      if (key === undefined || key === null) {
        throw typeError('key', 'not null', key);
      }
      if (!this.cache.has(key)) {
        return undefined;
      }
      const value = this.cache.get(key) as V;
      this.cache.delete(key);
      this.afterRemoval(false, key, value, undefined as V);
      return value;
    }

    /** Hook called after an entry leaves or is replaced; does nothing unless overridden. */
    afterRemoval(isEvict: boolean, key: K, value: V, newValue: V): void {
      void isEvict;
      void key;
      void value;
      void newValue;
    }

    contains(key: K): boolean {
      if (key === undefined || key === null) {
        throw typeError('key', 'not null', key);
      }
      return this.cache.has(key);
    }

    /** Hook computing a value for a missed key; returns undefined unless overridden. */
    createDefault(key: K): V {
      void key;
      return undefined as V;
    }

    entries(): IterableIterator<[K, V]> {
      return [...this.cache][Symbol.iterator]();
    }

    [Symbol.iterator](): IterableIterator<[K, V]> {
      return this.entries();
    }
  }

  /** The older name of LRUCache. */
  export class LruBuffer<K, V> extends LRUCache<K, V> {}

  export enum Type {
    BASIC = 0,
    MIME = 1,
    BASIC_URL_SAFE = 2,
    MIME_URL_SAFE = 3,
  }

  function checkType(options: unknown): Type {
    if (options === undefined) {
      return Type.BASIC;
    }
    if (options !== Type.BASIC && options !== Type.MIME && options !== Type.BASIC_URL_SAFE && options !== Type.MIME_URL_SAFE) {
      throw typeError('options', 'util.Type', options);
    }
    return options as Type;
  }

  function decodeInput(src: Uint8Array | string): Uint8Array {
    let text: string;
    if (typeof src === 'string') {
      text = src;
    } else if (src instanceof Uint8Array) {
      text = Array.from(src, (byte) => String.fromCharCode(byte)).join('');
    } else {
      throw typeError('src', 'Uint8Array or string', src);
    }
    const bytes = decodeBase64(text);
    if (bytes === undefined) {
      throw parameterError('The input string is not a valid Base64 string.');
    }
    return bytes;
  }

  /** Base64 encoding and decoding, synchronously or as Promises. */
  export class Base64Helper {
    encodeSync(src: Uint8Array, options?: Type): Uint8Array {
      return new globalThis.TextEncoder().encode(this.encodeToStringSync(src, options));
    }

    encodeToStringSync(src: Uint8Array, options?: Type): string {
      return encodeBase64(checkBytes('src', src), checkType(options) as number);
    }

    /** Accepts either alphabet, with or without padding and line breaks. */
    decodeSync(src: Uint8Array | string, options?: Type): Uint8Array {
      checkType(options);
      return decodeInput(src);
    }

    encode(src: Uint8Array, options?: Type): Promise<Uint8Array> {
      return new Promise((resolve) => resolve(this.encodeSync(src, options)));
    }

    encodeToString(src: Uint8Array, options?: Type): Promise<string> {
      return new Promise((resolve) => resolve(this.encodeToStringSync(src, options)));
    }

    decode(src: Uint8Array | string, options?: Type): Promise<Uint8Array> {
      return new Promise((resolve) => resolve(this.decodeSync(src, options)));
    }
  }

  /** The older name of Base64Helper (basic alphabet only). */
  export class Base64 extends Base64Helper {}

  /** Checks on the kind of a value, as JavaScript engines report it. */
  export class types {
    isAnyArrayBuffer(value: Object): boolean { return nodeTypes.isAnyArrayBuffer(value); }
    isArrayBufferView(value: Object): boolean { return nodeTypes.isArrayBufferView(value); }
    isArgumentsObject(value: Object): boolean { return nodeTypes.isArgumentsObject(value); }
    isArrayBuffer(value: Object): boolean { return nodeTypes.isArrayBuffer(value); }
    isAsyncFunction(value: Object): boolean { return nodeTypes.isAsyncFunction(value); }
    isBigInt64Array(value: Object): boolean { return nodeTypes.isBigInt64Array(value); }
    isBigUint64Array(value: Object): boolean { return nodeTypes.isBigUint64Array(value); }
    isBooleanObject(value: Object): boolean { return nodeTypes.isBooleanObject(value); }
    isBoxedPrimitive(value: Object): boolean { return nodeTypes.isBoxedPrimitive(value); }
    isDataView(value: Object): boolean { return nodeTypes.isDataView(value); }
    isDate(value: Object): boolean { return nodeTypes.isDate(value); }
    isExternal(value: Object): boolean { return nodeTypes.isExternal(value); }
    isFloat32Array(value: Object): boolean { return nodeTypes.isFloat32Array(value); }
    isFloat64Array(value: Object): boolean { return nodeTypes.isFloat64Array(value); }
    isGeneratorFunction(value: Object): boolean { return nodeTypes.isGeneratorFunction(value); }
    isGeneratorObject(value: Object): boolean { return nodeTypes.isGeneratorObject(value); }
    isInt8Array(value: Object): boolean { return nodeTypes.isInt8Array(value); }
    isInt16Array(value: Object): boolean { return nodeTypes.isInt16Array(value); }
    isInt32Array(value: Object): boolean { return nodeTypes.isInt32Array(value); }
    isMap(value: Object): boolean { return nodeTypes.isMap(value); }
    isMapIterator(value: Object): boolean { return nodeTypes.isMapIterator(value); }
    isModuleNamespaceObject(value: Object): boolean { return nodeTypes.isModuleNamespaceObject(value); }
    isNativeError(value: Object): boolean { return nodeTypes.isNativeError(value); }
    isNumberObject(value: Object): boolean { return nodeTypes.isNumberObject(value); }
    isPromise(value: Object): boolean { return nodeTypes.isPromise(value); }
    isProxy(value: Object): boolean { return nodeTypes.isProxy(value); }
    isRegExp(value: Object): boolean { return nodeTypes.isRegExp(value); }
    isSet(value: Object): boolean { return nodeTypes.isSet(value); }
    isSetIterator(value: Object): boolean { return nodeTypes.isSetIterator(value); }
    isSharedArrayBuffer(value: Object): boolean { return nodeTypes.isSharedArrayBuffer(value); }
    isStringObject(value: Object): boolean { return nodeTypes.isStringObject(value); }
    isSymbolObject(value: Object): boolean { return nodeTypes.isSymbolObject(value); }
    isTypedArray(value: Object): boolean { return nodeTypes.isTypedArray(value); }
    isUint8Array(value: Object): boolean { return nodeTypes.isUint8Array(value); }
    isUint8ClampedArray(value: Object): boolean { return nodeTypes.isUint8ClampedArray(value); }
    isUint16Array(value: Object): boolean { return nodeTypes.isUint16Array(value); }
    isUint32Array(value: Object): boolean { return nodeTypes.isUint32Array(value); }
    isWeakMap(value: Object): boolean { return nodeTypes.isWeakMap(value); }
    isWeakSet(value: Object): boolean { return nodeTypes.isWeakSet(value); }
  }
}

export default util;
