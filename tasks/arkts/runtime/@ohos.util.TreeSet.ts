// Runtime of '@ohos.util.TreeSet': unique values kept sorted by the
// comparator given to the constructor (natural order by default).
// getLowerValue/getHigherValue return the neighbour strictly before/after.
import { checkFunction, requireNew, typeError } from './internal/errors';
import { fromUserComparator, naturalCompare, OrderedStore } from './internal/ordered';

class TreeSet<T> {
  private store: OrderedStore<T, T>;

  constructor(comparator?: (firstValue: T, secondValue: T) => boolean) {
    if (comparator !== undefined && comparator !== null) {
      checkFunction('comparator', comparator);
      this.store = new OrderedStore<T, T>(fromUserComparator(comparator));
    } else {
      this.store = new OrderedStore<T, T>(naturalCompare);
    }
  }

  get length(): number {
    return this.store.size;
  }

  isEmpty(): boolean {
    return this.store.size === 0;
  }

  has(value: T): boolean {
    return this.store.has(value);
  }

  /** True when the value was added, false when an equal value was present. */
  add(value: T): boolean {
    if (value === undefined || value === null) {
      throw typeError('value', 'not null', value);
    }
    if (this.store.has(value)) {
      return false;
    }
    this.store.set(value, value);
    return true;
  }

  remove(value: T): boolean {
    return this.store.delete(value)[0];
  }

  clear(): void {
    this.store.clear();
  }

  getFirstValue(): T {
    return this.store.first()?.[0] as T;
  }

  getLastValue(): T {
    return this.store.last()?.[0] as T;
  }

  getLowerValue(key: T): T {
    if (key === undefined || key === null) {
      throw typeError('key', 'not null', key);
    }
    return this.store.lower(key) as T;
  }

  getHigherValue(key: T): T {
    if (key === undefined || key === null) {
      throw typeError('key', 'not null', key);
    }
    return this.store.higher(key) as T;
  }

  popFirst(): T {
    return this.store.popFirst()?.[0] as T;
  }

  popLast(): T {
    return this.store.popLast()?.[0] as T;
  }

  forEach(callbackFn: (value?: T, key?: T, set?: TreeSet<T>) => void, thisArg?: Object): void {
    checkFunction('callbackFn', callbackFn);
    for (const value of this.store.keys()) {
      callbackFn.call(thisArg, value, value, this);
    }
  }

  values(): IterableIterator<T> {
    return this.store.keys()[Symbol.iterator]();
  }

  entries(): IterableIterator<[T, T]> {
    return this.store.keys().map((value): [T, T] => [value, value])[Symbol.iterator]();
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this.values();
  }
}

const TreeSetClass = requireNew(TreeSet, 'TreeSet');
type TreeSetClass<T> = TreeSet<T>;
export default TreeSetClass;
