// Runtime of '@ohos.util.Queue': first in, first out. Reading or popping an
// empty queue returns undefined.
import { checkFunction, requireNew } from './internal/errors';
import { Ring } from './internal/ring';

class Queue<T> {
  private items = new Ring<T>();

  get length(): number {
    return this.items.size;
  }

  add(element: T): boolean {
    this.items.pushBack(element);
    return true;
  }

  getFirst(): T {
    return this.items.size === 0 ? (undefined as T) : this.items.get(0);
  }

  pop(): T {
    return this.items.size === 0 ? (undefined as T) : this.items.popFront();
  }

  forEach(callbackFn: (value: T, index?: number, Queue?: Queue<T>) => void, thisArg?: Object): void {
    checkFunction('callbackFn', callbackFn);
    for (let i = 0; i < this.items.size; i++) {
      callbackFn.call(thisArg, this.items.get(i), i, this);
    }
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this.items.toArray()[Symbol.iterator]();
  }
}

const QueueClass = requireNew(Queue, 'Queue');
type QueueClass<T> = Queue<T>;
export default QueueClass;
