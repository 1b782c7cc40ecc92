// Sorted parallel arrays with binary search: the storage of LightWeightMap,
// LightWeightSet and PlainArray, whose positions (getKeyAt, getValueAt) follow
// key order.
import { Compare } from './ordered';

const objectIds = new WeakMap<object, number>();
let nextObjectId = 0;

function objectId(value: object): number {
  let id = objectIds.get(value);
  if (id === undefined) {
    id = nextObjectId++;
    objectIds.set(value, id);
  }
  return id;
}

function typeRank(value: unknown): number {
  switch (typeof value) {
    case 'number':
      return 0;
    case 'bigint':
      return 1;
    case 'string':
      return 2;
    case 'boolean':
      return 3;
    case 'undefined':
      return 4;
    case 'object':
      return value === null ? 5 : 6;
    default:
      return 6;
  }
}

/**
 * Key order of the lightweight containers: numbers ascending, then strings by
 * code unit, then other primitives; objects come last in first-seen order.
 */
export function lightweightCompare<K>(a: K, b: K): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) {
    return ra - rb;
  }
  if (ra === 6) {
    return objectId(a as object) - objectId(b as object);
  }
  if (a < b) {
    return -1;
  }
  if (a > b) {
    return 1;
  }
  return 0;
}

export class SortedPairs<K, V> {
  keys: K[] = [];
  vals: V[] = [];

  constructor(private readonly compare: Compare<K>) {}

  get size(): number {
    return this.keys.length;
  }

  /** First position whose key is >= key. */
  lowerBound(key: K): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.compare(this.keys[mid], key) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  indexOf(key: K): number {
    const p = this.lowerBound(key);
    return p < this.keys.length && this.compare(this.keys[p], key) === 0 ? p : -1;
  }

  /** Stores the pair; returns true when the key was new. */
  set(key: K, value: V): boolean {
    const p = this.lowerBound(key);
    if (p < this.keys.length && this.compare(this.keys[p], key) === 0) {
      this.vals[p] = value;
      return false;
    }
    this.keys.splice(p, 0, key);
    this.vals.splice(p, 0, value);
    return true;
  }

  removeAt(index: number): V {
    this.keys.splice(index, 1);
    return this.vals.splice(index, 1)[0];
  }

  clear(): void {
    this.keys = [];
    this.vals = [];
  }

  copy(): SortedPairs<K, V> {
    const other = new SortedPairs<K, V>(this.compare);
    other.keys = this.keys.slice();
    other.vals = this.vals.slice();
    return other;
  }
}
