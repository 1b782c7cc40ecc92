// Runtime of '@ohos.util.TreeMap': keys kept sorted by the comparator given to
// the constructor (natural order by default). getLowerKey/getHigherKey return
// the neighbouring key strictly before/after the given one in that order.
import { checkFunction, requireNew, typeError } from './internal/errors';
import { fromUserComparator, naturalCompare, OrderedStore } from './internal/ordered';

class TreeMap<K, V> {
  private store: OrderedStore<K, V>;

  constructor(comparator?: (firstValue: K, secondValue: K) => boolean) {
    if (comparator !== undefined && comparator !== null) {
      checkFunction('comparator', comparator);
      this.store = new OrderedStore<K, V>(fromUserComparator(comparator));
    } else {
      this.store = new OrderedStore<K, V>(naturalCompare);
    }
  }

  get length(): number {
    return this.store.size;
  }

  isEmpty(): boolean {
    return this.store.size === 0;
  }

  hasKey(key: K): boolean {
    return this.store.has(key);
  }

  hasValue(value: V): boolean {
    return this.store.values().indexOf(value) !== -1;
  }

  get(key: K): V {
    return this.store.get(key) as V;
  }

  getFirstKey(): K {
    return this.store.first()?.[0] as K;
  }

  getLastKey(): K {
    return this.store.last()?.[0] as K;
  }

  setAll(map: TreeMap<K, V>): void {
    if (!(map instanceof TreeMap)) {
      throw typeError('map', 'TreeMap', map);
    }
    for (const [key, value] of map.store.entries()) {
      this.store.set(key, value);
    }
  }

  set(key: K, value: V): Object {
    if (key === undefined || key === null) {
      throw typeError('key', 'not null', key);
    }
    this.store.set(key, value);
    return this;
  }

  remove(key: K): V {
    return this.store.delete(key)[1] as V;
  }

  clear(): void {
    this.store.clear();
  }

  getLowerKey(key: K): K {
    return this.store.lower(key) as K;
  }

  getHigherKey(key: K): K {
    return this.store.higher(key) as K;
  }

  keys(): IterableIterator<K> {
    return this.store.keys()[Symbol.iterator]();
  }

  values(): IterableIterator<V> {
    return this.store.values()[Symbol.iterator]();
  }

  replace(key: K, newValue: V): boolean {
    if (!this.store.has(key)) {
      return false;
    }
    this.store.set(key, newValue);
    return true;
  }

  forEach(callbackFn: (value?: V, key?: K, map?: TreeMap<K, V>) => void, thisArg?: Object): void {
    checkFunction('callbackFn', callbackFn);
    for (const [key, value] of this.store.entries()) {
      callbackFn.call(thisArg, value, key, this);
    }
  }

  entries(): IterableIterator<[K, V]> {
    return this.store.entries()[Symbol.iterator]();
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }
}

const TreeMapClass = requireNew(TreeMap, 'TreeMap');
type TreeMapClass<K, V> = TreeMap<K, V>;
export default TreeMapClass;
