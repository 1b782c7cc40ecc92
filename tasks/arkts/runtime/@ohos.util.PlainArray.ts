// Runtime of '@ohos.util.PlainArray': values under integer keys, kept in
// ascending key order (positions of getKeyAt/getValueAt follow that order).
import { checkFunction, checkInteger, checkRange, requireNew } from './internal/errors';
import { naturalCompare } from './internal/ordered';
import { SortedPairs } from './internal/sorted';

class PlainArray<T> {
  private pairs = new SortedPairs<number, T>(naturalCompare);

  get length(): number {
    return this.pairs.size;
  }

  /** Adds the pair, replacing the value of an existing key. */
  add(key: number, value: T): void {
    checkInteger('key', key);
    this.pairs.set(key, value);
  }

  clear(): void {
    this.pairs.clear();
  }

  clone(): PlainArray<T> {
    const copy = new PlainArray<T>();
    copy.pairs = this.pairs.copy();
    return copy;
  }

  has(key: number): boolean {
    checkInteger('key', key);
    return this.pairs.indexOf(key) !== -1;
  }

  get(key: number): T {
    checkInteger('key', key);
    const at = this.pairs.indexOf(key);
    return (at === -1 ? undefined : this.pairs.vals[at]) as T;
  }

  getIndexOfKey(key: number): number {
    checkInteger('key', key);
    return this.pairs.indexOf(key);
  }

  getIndexOfValue(value: T): number {
    return this.pairs.vals.indexOf(value);
  }

  isEmpty(): boolean {
    return this.pairs.size === 0;
  }

  /** undefined when the index names no pair. */
  getKeyAt(index: number): number {
    checkInteger('index', index);
    return this.pairs.keys[index];
  }

  /** The removed value, or undefined when the key is absent. */
  remove(key: number): T {
    checkInteger('key', key);
    const at = this.pairs.indexOf(key);
    return (at === -1 ? undefined : this.pairs.removeAt(at)) as T;
  }

  /** The removed value, or undefined when the index names no pair. */
  removeAt(index: number): T {
    checkInteger('index', index);
    if (index < 0 || index >= this.pairs.size) {
      return undefined as T;
    }
    return this.pairs.removeAt(index);
  }

  /** Removes up to `size` pairs starting at `index`; returns how many went. */
  removeRangeFrom(index: number, size: number): number {
    checkRange('index', index, 0, this.pairs.size - 1);
    checkInteger('size', size);
    const count = Math.max(0, Math.min(size, this.pairs.size - index));
    this.pairs.keys.splice(index, count);
    this.pairs.vals.splice(index, count);
    return count;
  }

  setValueAt(index: number, value: T): void {
    checkRange('index', index, 0, this.pairs.size - 1);
    this.pairs.vals[index] = value;
  }

  /** "key:value" pairs joined by commas. */
  toString(): string {
    return this.pairs.keys.map((key, i) => `${key}:${String(this.pairs.vals[i])}`).join(',');
  }

  getValueAt(index: number): T {
    checkRange('index', index, 0, this.pairs.size - 1);
    return this.pairs.vals[index];
  }

  /** Calls back with (value, key) for every pair in key order. */
  forEach(callbackFn: (value: T, index?: number, PlainArray?: PlainArray<T>) => void, thisArg?: Object): void {
    checkFunction('callbackFn', callbackFn);
    const keys = this.pairs.keys.slice();
    const vals = this.pairs.vals.slice();
    for (let i = 0; i < keys.length; i++) {
      callbackFn.call(thisArg, vals[i], keys[i], this);
    }
  }

  [Symbol.iterator](): IterableIterator<[number, T]> {
    return this.pairs.keys.map((key, i): [number, T] => [key, this.pairs.vals[i]])[Symbol.iterator]();
  }
}

const PlainArrayClass = requireNew(PlainArray, 'PlainArray');
type PlainArrayClass<T> = PlainArray<T>;
export default PlainArrayClass;
