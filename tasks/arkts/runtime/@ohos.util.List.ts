// Runtime of '@ohos.util.List': a singly linked sequence (stored in a
// circular buffer; only the documented List operations are exposed).
import { checkFunction, checkInteger, checkRange, requireNew } from './internal/errors';
import { Ring } from './internal/ring';

class List<T> {
  private items = new Ring<T>();

  get length(): number {
    return this.items.size;
  }

  add(element: T): boolean {
    this.items.pushBack(element);
    return true;
  }

  insert(element: T, index: number): void {
    checkRange('index', index, 0, this.items.size);
    this.items.insert(index, element);
  }

  /** undefined for an index outside the list. */
  get(index: number): T {
    checkInteger('index', index);
    if (index < 0 || index >= this.items.size) {
      return undefined as T;
    }
    return this.items.get(index);
  }

  has(element: T): boolean {
    return this.items.indexOf(element) !== -1;
  }

  getIndexOf(element: T): number {
    return this.items.indexOf(element);
  }

  removeByIndex(index: number): T {
    checkRange('index', index, 0, this.items.size - 1);
    return this.items.removeAt(index);
  }

  remove(element: T): boolean {
    const index = this.items.indexOf(element);
    if (index === -1) {
      return false;
    }
    this.items.removeAt(index);
    return true;
  }

  getLastIndexOf(element: T): number {
    return this.items.lastIndexOf(element);
  }

  getFirst(): T {
    return this.items.size === 0 ? (undefined as T) : this.items.get(0);
  }

  getLast(): T {
    return this.items.size === 0 ? (undefined as T) : this.items.get(this.items.size - 1);
  }

  set(index: number, element: T): T {
    checkRange('index', index, 0, this.items.size - 1);
    this.items.set(index, element);
    return element;
  }

  /** True when `obj` is a List holding the same elements (===) in the same order. */
  equal(obj: Object): boolean {
    if (!(obj instanceof List)) {
      return false;
    }
    const other = obj as List<T>;
    if (other.items.size !== this.items.size) {
      return false;
    }
    for (let i = 0; i < this.items.size; i++) {
      if (other.items.get(i) !== this.items.get(i)) {
        return false;
      }
    }
    return true;
  }

  forEach(callbackFn: (value: T, index?: number, List?: List<T>) => void, thisArg?: Object): void {
    checkFunction('callbackFn', callbackFn);
    for (let i = 0; i < this.items.size; i++) {
      callbackFn.call(thisArg, this.items.get(i), i, this);
    }
  }

  sort(comparator: (firstValue: T, secondValue: T) => number): void {
    checkFunction('comparator', comparator);
    this.items.fill(this.items.toArray().sort(comparator));
  }

  clear(): void {
    this.items.clear();
  }

  getSubList(fromIndex: number, toIndex: number): List<T> {
    checkRange('fromIndex', fromIndex, 0, this.items.size - 1);
    checkRange('toIndex', toIndex, fromIndex, this.items.size);
    const sub = new List<T>();
    sub.items.fill(this.items.toArray().slice(fromIndex, toIndex));
    return sub;
  }

  replaceAllElements(callbackFn: (value: T, index?: number, list?: List<T>) => T, thisArg?: Object): void {
    checkFunction('callbackFn', callbackFn);
    for (let i = 0; i < this.items.size; i++) {
      this.items.set(i, callbackFn.call(thisArg, this.items.get(i), i, this));
    }
  }

  convertToArray(): Array<T> {
    return this.items.toArray();
  }

  isEmpty(): boolean {
    return this.items.size === 0;
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this.items.toArray()[Symbol.iterator]();
  }
}

const ListClass = requireNew(List, 'List');
type ListClass<T> = List<T>;
export default ListClass;
