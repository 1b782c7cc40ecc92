// A sorted key/value store for TreeMap and TreeSet: keys live in sorted
// chunks of bounded size, so lookups are O(log n) and inserts/removals move
// at most one chunk's worth of elements.

export type Compare<K> = (a: K, b: K) => number;

const MAX_CHUNK = 512;

interface Chunk<K, V> {
  keys: K[];
  vals: V[];
}

/** Natural order: numbers numerically, strings by code unit, otherwise by < and >. */
export function naturalCompare<K>(a: K, b: K): number {
  if (a < b) {
    return -1;
  }
  if (a > b) {
    return 1;
  }
  return 0;
}

/**
 * Turns an SDK comparator into a three-way compare. The SDK types it as
 * returning boolean: `true` means the first value sorts after the second
 * (like a positive number). A numeric result is used by its sign.
 */
export function fromUserComparator<K>(comparator: (a: K, b: K) => unknown): Compare<K> {
  return (a: K, b: K): number => {
    const result = comparator(a, b);
    if (typeof result === 'number') {
      return result > 0 ? 1 : result < 0 ? -1 : 0;
    }
    if (result) {
      return 1;
    }
    return comparator(b, a) ? -1 : 0;
  };
}

export class OrderedStore<K, V> {
  private chunks: Chunk<K, V>[] = [];
  size = 0;

  constructor(readonly compare: Compare<K>) {}

  /** Index of the first chunk whose last key is >= key (chunks.length if none). */
  private chunkFor(key: K): number {
    let low = 0;
    let high = this.chunks.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const keys = this.chunks[mid].keys;
      if (this.compare(keys[keys.length - 1], key) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** First position in `keys` whose key is >= key. */
  private lowerBound(keys: K[], key: K): number {
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.compare(keys[mid], key) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private locate(key: K): [number, number] | undefined {
    const c = this.chunkFor(key);
    if (c === this.chunks.length) {
      return undefined;
    }
    const keys = this.chunks[c].keys;
    const p = this.lowerBound(keys, key);
    return this.compare(keys[p], key) === 0 ? [c, p] : undefined;
  }

  has(key: K): boolean {
    return this.locate(key) !== undefined;
  }

  get(key: K): V | undefined {
    const at = this.locate(key);
    return at === undefined ? undefined : this.chunks[at[0]].vals[at[1]];
  }

  /** Stores the pair; returns true when the key was new. */
  set(key: K, value: V): boolean {
    if (this.chunks.length === 0) {
      this.chunks.push({ keys: [key], vals: [value] });
      this.size = 1;
      return true;
    }
    let c = this.chunkFor(key);
    if (c === this.chunks.length) {
      c--;
    }
    const chunk = this.chunks[c];
    const p = this.lowerBound(chunk.keys, key);
    if (p < chunk.keys.length && this.compare(chunk.keys[p], key) === 0) {
      chunk.vals[p] = value;
      return false;
    }
    chunk.keys.splice(p, 0, key);
    chunk.vals.splice(p, 0, value);
    this.size++;
    if (chunk.keys.length > MAX_CHUNK) {
      const half = chunk.keys.length >> 1;
      this.chunks.splice(c + 1, 0, { keys: chunk.keys.splice(half), vals: chunk.vals.splice(half) });
    }
    return true;
  }

  /** Removes the key; returns [removed, value]. */
  delete(key: K): [boolean, V | undefined] {
    const at = this.locate(key);
    if (at === undefined) {
      return [false, undefined];
    }
    return [true, this.removeAt(at[0], at[1])[1]];
  }

  private removeAt(c: number, p: number): [K, V] {
    const chunk = this.chunks[c];
    const key = chunk.keys.splice(p, 1)[0];
    const value = chunk.vals.splice(p, 1)[0];
    if (chunk.keys.length === 0) {
      this.chunks.splice(c, 1);
    }
    this.size--;
    return [key, value];
  }

  first(): [K, V] | undefined {
    if (this.size === 0) {
      return undefined;
    }
    const chunk = this.chunks[0];
    return [chunk.keys[0], chunk.vals[0]];
  }

  last(): [K, V] | undefined {
    if (this.size === 0) {
      return undefined;
    }
    const chunk = this.chunks[this.chunks.length - 1];
    const p = chunk.keys.length - 1;
    return [chunk.keys[p], chunk.vals[p]];
  }

  popFirst(): [K, V] | undefined {
    return this.size === 0 ? undefined : this.removeAt(0, 0);
  }

  popLast(): [K, V] | undefined {
    if (this.size === 0) {
      return undefined;
    }
    const c = this.chunks.length - 1;
    return this.removeAt(c, this.chunks[c].keys.length - 1);
  }

  /** Greatest key strictly smaller than `key`. */
  lower(key: K): K | undefined {
    const c = this.chunkFor(key);
    if (c < this.chunks.length) {
      const p = this.lowerBound(this.chunks[c].keys, key);
      if (p > 0) {
        return this.chunks[c].keys[p - 1];
      }
    }
    if (c === 0) {
      return undefined;
    }
    const keys = this.chunks[c - 1].keys;
    return keys[keys.length - 1];
  }

  /** Least key strictly greater than `key`. */
  higher(key: K): K | undefined {
    let c = this.chunkFor(key);
    while (c < this.chunks.length) {
      const keys = this.chunks[c].keys;
      let p = this.lowerBound(keys, key);
      if (p < keys.length && this.compare(keys[p], key) === 0) {
        p++;
      }
      if (p < keys.length) {
        return keys[p];
      }
      c++;
    }
    return undefined;
  }

  clear(): void {
    this.chunks = [];
    this.size = 0;
  }

  keys(): K[] {
    const out: K[] = [];
    for (const chunk of this.chunks) {
      for (const key of chunk.keys) {
        out.push(key);
      }
    }
    return out;
  }

  values(): V[] {
    const out: V[] = [];
    for (const chunk of this.chunks) {
      for (const value of chunk.vals) {
        out.push(value);
      }
    }
    return out;
  }

  entries(): [K, V][] {
    const out: [K, V][] = [];
    for (const chunk of this.chunks) {
      for (let i = 0; i < chunk.keys.length; i++) {
        out.push([chunk.keys[i], chunk.vals[i]]);
      }
    }
    return out;
  }
}
