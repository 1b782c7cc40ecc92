// Runtime of '@ohos.util.LightWeightMap': key/value pairs in compact sorted
// arrays. Positions (getKeyAt, getValueAt, iteration) follow key order:
// numbers ascending, then strings, then other keys (see internal/sorted.ts).
import { checkFunction, checkInteger, checkRange, requireNew, typeError } from './internal/errors';
import { lightweightCompare, SortedPairs } from './internal/sorted';

const DEFAULT_CAPACITY = 8;

class LightWeightMap<K, V> {
  private pairs = new SortedPairs<K, V>(lightweightCompare);
  private capacity = DEFAULT_CAPACITY;

  get length(): number {
    return this.pairs.size;
  }

  hasAll(map: LightWeightMap<K, V>): boolean {
    if (!(map instanceof LightWeightMap)) {
      throw typeError('map', 'LightWeightMap', map);
    }
    for (let i = 0; i < map.pairs.size; i++) {
      const at = this.pairs.indexOf(map.pairs.keys[i]);
      if (at === -1 || this.pairs.vals[at] !== map.pairs.vals[i]) {
        return false;
      }
    }
    return true;
  }

  hasKey(key: K): boolean {
    return this.pairs.indexOf(key) !== -1;
  }

  hasValue(value: V): boolean {
    return this.pairs.vals.indexOf(value) !== -1;
  }

  increaseCapacityTo(minimumCapacity: number): void {
    checkInteger('minimumCapacity', minimumCapacity);
    this.capacity = Math.max(this.capacity, minimumCapacity);
  }

  entries(): IterableIterator<[K, V]> {
    return this.pairs.keys.map((key, i): [K, V] => [key, this.pairs.vals[i]])[Symbol.iterator]();
  }

  get(key: K): V {
    const at = this.pairs.indexOf(key);
    return (at === -1 ? undefined : this.pairs.vals[at]) as V;
  }

  getIndexOfKey(key: K): number {
    return this.pairs.indexOf(key);
  }

  getIndexOfValue(value: V): number {
    return this.pairs.vals.indexOf(value);
  }

  isEmpty(): boolean {
    return this.pairs.size === 0;
  }

  getKeyAt(index: number): K {
    checkRange('index', index, 0, this.pairs.size - 1);
    return this.pairs.keys[index];
  }

  keys(): IterableIterator<K> {
    return this.pairs.keys.slice()[Symbol.iterator]();
  }

  setAll(map: LightWeightMap<K, V>): void {
    if (!(map instanceof LightWeightMap)) {
      throw typeError('map', 'LightWeightMap', map);
    }
    for (let i = 0; i < map.pairs.size; i++) {
      this.pairs.set(map.pairs.keys[i], map.pairs.vals[i]);
    }
  }

  set(key: K, value: V): Object {
    this.pairs.set(key, value);
    this.capacity = Math.max(this.capacity, this.pairs.size);
    return this;
  }

  remove(key: K): V {
    const at = this.pairs.indexOf(key);
    return (at === -1 ? undefined : this.pairs.removeAt(at)) as V;
  }

  /** False when the index names no pair. */
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
    this.capacity = DEFAULT_CAPACITY;
  }

  setValueAt(index: number, newValue: V): boolean {
    checkRange('index', index, 0, this.pairs.size - 1);
    this.pairs.vals[index] = newValue;
    return true;
  }

  forEach(callbackFn: (value?: V, key?: K, map?: LightWeightMap<K, V>) => void, thisArg?: Object): void {
    checkFunction('callbackFn', callbackFn);
    const keys = this.pairs.keys.slice();
    const vals = this.pairs.vals.slice();
    for (let i = 0; i < keys.length; i++) {
      callbackFn.call(thisArg, vals[i], keys[i], this);
    }
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }

  /** "key:value" pairs joined by commas. */
  toString(): string {
    return this.pairs.keys.map((key, i) => `${String(key)}:${String(this.pairs.vals[i])}`).join(',');
  }

  getValueAt(index: number): V {
    checkRange('index', index, 0, this.pairs.size - 1);
    return this.pairs.vals[index];
  }

  values(): IterableIterator<V> {
    return this.pairs.vals.slice()[Symbol.iterator]();
  }
}

const LightWeightMapClass = requireNew(LightWeightMap, 'LightWeightMap');
type LightWeightMapClass<K, V> = LightWeightMap<K, V>;
export default LightWeightMapClass;
