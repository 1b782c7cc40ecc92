// Runtime of '@ohos.util.Deque': a double-ended queue on a circular buffer.
// Reading or popping an empty deque returns undefined (no error is documented).
import { checkFunction, requireNew } from './internal/errors';
import { Ring } from './internal/ring';

class Deque<T> {
  private items = new Ring<T>();

  get length(): number {
    return this.items.size;
  }

  insertFront(element: T): void {
    this.items.pushFront(element);
  }

  insertEnd(element: T): void {
    this.items.pushBack(element);
  }

  has(element: T): boolean {
    return this.items.indexOf(element) !== -1;
  }

  getFirst(): T {
    return this.items.size === 0 ? (undefined as T) : this.items.get(0);
  }

  getLast(): T {
    return this.items.size === 0 ? (undefined as T) : this.items.get(this.items.size - 1);
  }

  popFirst(): T {
    return this.items.size === 0 ? (undefined as T) : this.items.popFront();
  }

  popLast(): T {
    return this.items.size === 0 ? (undefined as T) : this.items.popBack();
  }

  forEach(callbackFn: (value: T, index?: number, deque?: Deque<T>) => void, thisArg?: Object): void {
    checkFunction('callbackFn', callbackFn);
    for (let i = 0; i < this.items.size; i++) {
      callbackFn.call(thisArg, this.items.get(i), i, this);
    }
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this.items.toArray()[Symbol.iterator]();
  }
}

const DequeClass = requireNew(Deque, 'Deque');
type DequeClass<T> = Deque<T>;
export default DequeClass;
