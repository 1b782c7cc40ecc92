// Runtime of '@ohos.util.LinkedList': a double-ended sequence (stored in a
// circular buffer, so both ends and index access are O(1)).
import { checkFunction, checkInteger, checkRange, ELEMENT_NOT_FOUND, emptyError, requireNew } from './internal/errors';
import { BusinessError } from './@ohos.base';
import { Ring } from './internal/ring';

class LinkedList<T> {
  private items = new Ring<T>();

  get length(): number {
    return this.items.size;
  }

  add(element: T): boolean {
    this.items.pushBack(element);
    return true;
  }

  insert(index: number, element: T): void {
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

  addFirst(element: T): void {
    this.items.pushFront(element);
  }

  removeFirst(): T {
    if (this.items.size === 0) {
      throw emptyError();
    }
    return this.items.popFront();
  }

  removeLast(): T {
    if (this.items.size === 0) {
      throw emptyError();
    }
    return this.items.popBack();
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

  removeFirstFound(element: T): boolean {
    if (this.items.size === 0) {
      throw emptyError();
    }
    const index = this.items.indexOf(element);
    if (index === -1) {
      throw new BusinessError(ELEMENT_NOT_FOUND, 'The element does not exist in this container');
    }
    this.items.removeAt(index);
    return true;
  }

  removeLastFound(element: T): boolean {
    if (this.items.size === 0) {
      throw emptyError();
    }
    const index = this.items.lastIndexOf(element);
    if (index === -1) {
      throw new BusinessError(ELEMENT_NOT_FOUND, 'The element does not exist in this container');
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

  forEach(callbackFn: (value: T, index?: number, LinkedList?: LinkedList<T>) => void, thisArg?: Object): void {
    checkFunction('callbackFn', callbackFn);
    for (let i = 0; i < this.items.size; i++) {
      callbackFn.call(thisArg, this.items.get(i), i, this);
    }
  }

  clear(): void {
    this.items.clear();
  }

  clone(): LinkedList<T> {
    const copy = new LinkedList<T>();
    copy.items.fill(this.items.toArray());
    return copy;
  }

  convertToArray(): Array<T> {
    return this.items.toArray();
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this.items.toArray()[Symbol.iterator]();
  }
}

const LinkedListClass = requireNew(LinkedList, 'LinkedList');
type LinkedListClass<T> = LinkedList<T>;
export default LinkedListClass;
