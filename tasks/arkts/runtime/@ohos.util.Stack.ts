// Runtime of '@ohos.util.Stack': last in, first out. peek/pop on an empty
// stack return undefined; forEach and iteration go from bottom to top.
import { checkFunction, requireNew } from './internal/errors';

class Stack<T> {
  private elements: T[] = [];

  get length(): number {
    return this.elements.length;
  }

  isEmpty(): boolean {
    return this.elements.length === 0;
  }

  peek(): T {
    return this.elements[this.elements.length - 1];
  }

  pop(): T {
    return this.elements.pop() as T;
  }

  push(item: T): T {
    this.elements.push(item);
    return item;
  }

  /** Position of the element counted from the bottom of the stack (0 is the bottom), or -1. */
  locate(element: T): number {
    return this.elements.indexOf(element);
  }

  forEach(callbackFn: (value: T, index?: number, stack?: Stack<T>) => void, thisArg?: Object): void {
    checkFunction('callbackFn', callbackFn);
    for (let i = 0; i < this.elements.length; i++) {
      callbackFn.call(thisArg, this.elements[i], i, this);
    }
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this.elements.slice()[Symbol.iterator]();
  }
}

const StackClass = requireNew(Stack, 'Stack');
type StackClass<T> = Stack<T>;
export default StackClass;
