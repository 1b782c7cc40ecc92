// Runtime of '@ohos.util.HashMap'. Keys are matched like a JavaScript Map
// (SameValueZero; objects by identity). Iteration follows insertion order,
// which the declaration states for entries().
import { checkFunction, requireNew, typeError } from './internal/errors';

class HashMap<K, V> {
  private table = new Map<K, V>();

  get length(): number {
    return this.table.size;
  }

  isEmpty(): boolean {
    return this.table.size === 0;
  }

  hasKey(key: K): boolean {
    return this.table.has(key);
  }

  hasValue(value: V): boolean {
    for (const stored of this.table.values()) {
      if (stored === value) {
        return true;
      }
    }
    return false;
  }

  get(key: K): V {
    return this.table.get(key) as V;
  }

  setAll(map: HashMap<K, V>): void {
    if (!(map instanceof HashMap)) {
      throw typeError('map', 'HashMap', map);
    }
    for (const [key, value] of map.table) {
      this.table.set(key, value);
    }
  }

  set(key: K, value: V): Object {
    this.table.set(key, value);
    return this;
  }

  /** The removed value, or undefined when the key is absent. */
  remove(key: K): V {
    const value = this.table.get(key);
    this.table.delete(key);
    return value as V;
  }

  clear(): void {
    this.table.clear();
  }

  keys(): IterableIterator<K> {
    return Array.from(this.table.keys())[Symbol.iterator]();
  }

  values(): IterableIterator<V> {
    return Array.from(this.table.values())[Symbol.iterator]();
  }

  replace(key: K, newValue: V): boolean {
    if (!this.table.has(key)) {
      return false;
    }
    this.table.set(key, newValue);
    return true;
  }

  forEach(callbackFn: (value?: V, key?: K, map?: HashMap<K, V>) => void, thisArg?: Object): void {
    checkFunction('callbackFn', callbackFn);
    for (const [key, value] of Array.from(this.table)) {
      callbackFn.call(thisArg, value, key, this);
    }
  }

  entries(): IterableIterator<[K, V]> {
    return Array.from(this.table)[Symbol.iterator]();
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }
}

const HashMapClass = requireNew(HashMap, 'HashMap');
type HashMapClass<K, V> = HashMap<K, V>;
export default HashMapClass;
