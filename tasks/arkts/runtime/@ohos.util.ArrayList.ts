// Runtime of '@ohos.util.ArrayList': an array-backed list with index access.
import { checkFunction, checkInteger, checkRange, rangeError, requireNew } from './internal/errors';
import { withIndexAccess } from './internal/indexed';

const DEFAULT_CAPACITY = 10;

class ArrayList<T> {
  [index: number]: T;
  private elements: T[] = [];
  private capacity = DEFAULT_CAPACITY;

  constructor() {
    return withIndexAccess(this);
  }

  get length(): number {
    return this.elements.length;
  }

  readAt(index: number): T {
    checkRange('index', index, 0, this.elements.length - 1);
    return this.elements[index];
  }

  writeAt(index: number, value: T): void {
    checkRange('index', index, 0, this.elements.length - 1);
    this.elements[index] = value;
  }

  private reserve(size: number): void {
    while (this.capacity < size) {
      this.capacity = Math.floor(this.capacity * 1.5) + 1;
    }
  }

  add(element: T): boolean {
    this.reserve(this.elements.length + 1);
    this.elements.push(element);
    return true;
  }

  insert(element: T, index: number): void {
    checkRange('index', index, 0, this.elements.length);
    this.reserve(this.elements.length + 1);
    this.elements.splice(index, 0, element);
  }

  has(element: T): boolean {
    return this.elements.indexOf(element) !== -1;
  }

  getIndexOf(element: T): number {
    return this.elements.indexOf(element);
  }

  getLastIndexOf(element: T): number {
    return this.elements.lastIndexOf(element);
  }

  removeByIndex(index: number): T {
    checkRange('index', index, 0, this.elements.length - 1);
    return this.elements.splice(index, 1)[0];
  }

  remove(element: T): boolean {
    const index = this.elements.indexOf(element);
    if (index === -1) {
      return false;
    }
    this.elements.splice(index, 1);
    return true;
  }

  removeByRange(fromIndex: number, toIndex: number): void {
    checkRange('fromIndex', fromIndex, 0, this.elements.length - 1);
    checkRange('toIndex', toIndex, fromIndex, this.elements.length);
    this.elements.splice(fromIndex, toIndex - fromIndex);
  }

  replaceAllElements(callbackFn: (value: T, index?: number, arrlist?: ArrayList<T>) => T, thisArg?: Object): void {
    checkFunction('callbackFn', callbackFn);
    for (let i = 0; i < this.elements.length; i++) {
      this.elements[i] = callbackFn.call(thisArg, this.elements[i], i, this);
    }
  }

  forEach(callbackFn: (value: T, index?: number, arrlist?: ArrayList<T>) => void, thisArg?: Object): void {
    checkFunction('callbackFn', callbackFn);
    for (let i = 0; i < this.elements.length; i++) {
      callbackFn.call(thisArg, this.elements[i], i, this);
    }
  }

  /** Without a comparator the elements are ordered by their string form, like Array.prototype.sort. */
  sort(comparator?: (firstValue: T, secondValue: T) => number): void {
    if (comparator !== undefined && comparator !== null) {
      checkFunction('comparator', comparator);
      this.elements.sort(comparator);
    } else {
      this.elements.sort();
    }
  }

  subArrayList(fromIndex: number, toIndex: number): ArrayList<T> {
    checkInteger('fromIndex', fromIndex);
    checkInteger('toIndex', toIndex);
    const last = this.elements.length - 1;
    if (fromIndex < 0 || fromIndex > last) {
      throw rangeError('fromIndex', 0, Math.max(0, Math.min(last, toIndex - 1)), fromIndex);
    }
    checkRange('toIndex', toIndex, fromIndex + 1, this.elements.length);
    const sub = new ArrayList<T>();
    for (const element of this.elements.slice(fromIndex, toIndex)) {
      sub.add(element);
    }
    return sub;
  }

  clear(): void {
    this.elements = [];
  }

  clone(): ArrayList<T> {
    const copy = new ArrayList<T>();
    copy.elements = this.elements.slice();
    copy.capacity = this.capacity;
    return copy;
  }

  getCapacity(): number {
    return this.capacity;
  }

  convertToArray(): Array<T> {
    return this.elements.slice();
  }

  isEmpty(): boolean {
    return this.elements.length === 0;
  }

  increaseCapacityTo(newCapacity: number): void {
    checkInteger('newCapacity', newCapacity);
    if (newCapacity >= this.elements.length) {
      this.capacity = newCapacity;
    }
  }

  trimToCurrentLength(): void {
    this.capacity = this.elements.length;
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this.elements.slice()[Symbol.iterator]();
  }
}

const ArrayListClass = requireNew(ArrayList, 'ArrayList');
type ArrayListClass<T> = ArrayList<T>;
export default ArrayListClass;
