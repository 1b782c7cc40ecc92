// Runtime of '@ohos.util.LightWeightSet': unique values in a compact sorted
// array. Positions (getValueAt, iteration) follow the order of
// internal/sorted.ts: numbers ascending, then strings, then other values.
import { checkFunction, checkInteger, requireNew, typeError } from './internal/errors';
import { lightweightCompare, SortedPairs } from './internal/sorted';
import { BusinessError } from './@ohos.base';

class LightWeightSet<T> {
  private pairs = new SortedPairs<T, T>(lightweightCompare);

  get length(): number {
    return this.pairs.size;
  }

  /** True when the value was added, false when it was already present. */
  add(obj: T): boolean {
    return this.pairs.set(obj, obj);
  }

  /** True when at least one value was new. */
  addAll(set: LightWeightSet<T>): boolean {
    if (!(set instanceof LightWeightSet)) {
      throw typeError('set', 'LightWeightSet', set);
    }
    let changed = false;
    for (const value of set.pairs.keys) {
      changed = this.pairs.set(value, value) || changed;
    }
    return changed;
  }

  hasAll(set: LightWeightSet<T>): boolean {
    if (!(set instanceof LightWeightSet)) {
      throw typeError('set', 'LightWeightSet', set);
    }
    return set.pairs.keys.every((value) => this.pairs.indexOf(value) !== -1);
  }

  has(key: T): boolean {
    return this.pairs.indexOf(key) !== -1;
  }

  /** True for a LightWeightSet or an array holding the same values in the same order. */
  equal(obj: Object): boolean {
    let values: unknown[];
    if (obj instanceof LightWeightSet) {
      values = (obj as LightWeightSet<T>).pairs.keys;
    } else if (Array.isArray(obj)) {
      values = obj;
    } else {
      return false;
    }
    const own = this.pairs.keys;
    return values.length === own.length && values.every((value, i) => value === own[i]);
  }

  increaseCapacityTo(minimumCapacity: number): void {
    checkInteger('minimumCapacity', minimumCapacity);
    if (minimumCapacity < 0) {
      throw new BusinessError(10200001, `The value of "minimumCapacity" is out of range. Received value is: ${minimumCapacity}`);
    }
  }

  getIndexOf(key: T): number {
    return this.pairs.indexOf(key);
  }

  /** The removed value, or undefined when absent. */
  remove(key: T): T {
    const at = this.pairs.indexOf(key);
    return (at === -1 ? undefined : this.pairs.removeAt(at)) as T;
  }

  removeAt(index: number): boolean {
    checkInteger('index', index);
    if (index < 0 || index >= this.pairs.size) {
      return false;
    }
    this.pairs.removeAt(index);
    return true;
  }

  clear(): void {
    this.pairs.clear();
  }

  forEach(callbackFn: (value?: T, key?: T, set?: LightWeightSet<T>) => void, thisArg?: Object): void {
    checkFunction('callbackFn', callbackFn);
    for (const value of this.pairs.keys.slice()) {
      callbackFn.call(thisArg, value, value, this);
    }
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this.values();
  }

  /** Values joined by commas. */
  toString(): string {
    return this.pairs.keys.map((value) => String(value)).join(',');
  }

  toArray(): Array<T> {
    return this.pairs.keys.slice();
  }

  /** undefined when the index names no value. */
  getValueAt(index: number): T {
    checkInteger('index', index);
    return this.pairs.keys[index];
  }

  values(): IterableIterator<T> {
    return this.pairs.keys.slice()[Symbol.iterator]();
  }

  entries(): IterableIterator<[T, T]> {
    return this.pairs.keys.map((value): [T, T] => [value, value])[Symbol.iterator]();
  }

  isEmpty(): boolean {
    return this.pairs.size === 0;
  }
}

const LightWeightSetClass = requireNew(LightWeightSet, 'LightWeightSet');
type LightWeightSetClass<T> = LightWeightSet<T>;
export default LightWeightSetClass;
