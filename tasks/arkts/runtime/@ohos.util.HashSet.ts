// Runtime of '@ohos.util.HashSet'. Values are matched like a JavaScript Set
// (SameValueZero; objects by identity); iteration follows insertion order.
import { checkFunction, requireNew } from './internal/errors';

class HashSet<T> {
  private table = new Set<T>();

  get length(): number {
    return this.table.size;
  }

  isEmpty(): boolean {
    return this.table.size === 0;
  }

  has(value: T): boolean {
    return this.table.has(value);
  }

  /** True when the value was added, false when it was already present. */
  add(value: T): boolean {
    if (this.table.has(value)) {
      return false;
    }
    this.table.add(value);
    return true;
  }

  remove(value: T): boolean {
    return this.table.delete(value);
  }

  clear(): void {
    this.table.clear();
  }

  forEach(callbackFn: (value?: T, key?: T, set?: HashSet<T>) => void, thisArg?: Object): void {
    checkFunction('callbackFn', callbackFn);
    for (const value of Array.from(this.table)) {
      callbackFn.call(thisArg, value, value, this);
    }
  }

  values(): IterableIterator<T> {
    return Array.from(this.table)[Symbol.iterator]();
  }

  entries(): IterableIterator<[T, T]> {
    return Array.from(this.table, (value): [T, T] => [value, value])[Symbol.iterator]();
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this.values();
  }
}

const HashSetClass = requireNew(HashSet, 'HashSet');
type HashSetClass<T> = HashSet<T>;
export default HashSetClass;
