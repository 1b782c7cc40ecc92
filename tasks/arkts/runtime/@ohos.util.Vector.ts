// Runtime of '@ohos.util.Vector' (deprecated since API 9, still importable):
// an array-backed list whose capacity doubles when full.
import { checkFunction, checkInteger, checkRange, requireNew, typeError } from './internal/errors';

const DEFAULT_CAPACITY = 10;

class Vector<T> {
  private elements: T[] = [];
  private capacity = DEFAULT_CAPACITY;

  get length(): number {
    return this.elements.length;
  }

  private reserve(size: number): void {
    while (this.capacity < size) {
      this.capacity = Math.max(1, this.capacity * 2);
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

  get(index: number): T {
    checkRange('index', index, 0, this.elements.length - 1);
    return this.elements[index];
  }

  getIndexOf(element: T): number {
    return this.elements.indexOf(element);
  }

  getFirstElement(): T {
    return this.elements[0];
  }

  getLastElement(): T {
    return this.elements[this.elements.length - 1];
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

  set(index: number, element: T): T {
    checkRange('index', index, 0, this.elements.length - 1);
    this.elements[index] = element;
    return element;
  }

  getLastIndexOf(element: T): number {
    return this.elements.lastIndexOf(element);
  }

  getLastIndexFrom(element: T, index: number): number {
    checkInteger('index', index);
    if (index < 0) {
      return -1;
    }
    return this.elements.lastIndexOf(element, index);
  }

  getIndexFrom(element: T, index: number): number {
    checkInteger('index', index);
    return this.elements.indexOf(element, Math.max(0, index));
  }

  removeByRange(fromIndex: number, toIndex: number): void {
    checkRange('fromIndex', fromIndex, 0, this.elements.length - 1);
    checkRange('toIndex', toIndex, fromIndex, this.elements.length);
    this.elements.splice(fromIndex, toIndex - fromIndex);
  }

  replaceAllElements(callbackFn: (value: T, index?: number, vector?: Vector<T>) => T, thisArg?: Object): void {
    checkFunction('callbackFn', callbackFn);
    for (let i = 0; i < this.elements.length; i++) {
      this.elements[i] = callbackFn.call(thisArg, this.elements[i], i, this);
    }
  }

  forEach(callbackFn: (value: T, index?: number, vector?: Vector<T>) => void, thisArg?: Object): void {
    checkFunction('callbackFn', callbackFn);
    for (let i = 0; i < this.elements.length; i++) {
      callbackFn.call(thisArg, this.elements[i], i, this);
    }
  }

  /** Without a comparator the elements are ordered by their string form ("ASCII sorting"). */
  sort(comparator?: (firstValue: T, secondValue: T) => number): void {
    if (comparator !== undefined && comparator !== null) {
      checkFunction('comparator', comparator);
      this.elements.sort(comparator);
    } else {
      this.elements.sort();
    }
  }

  subVector(fromIndex: number, toIndex: number): Vector<T> {
    checkRange('fromIndex', fromIndex, 0, this.elements.length - 1);
    checkRange('toIndex', toIndex, fromIndex, this.elements.length);
    const sub = new Vector<T>();
    sub.elements = this.elements.slice(fromIndex, toIndex);
    sub.reserve(sub.elements.length);
    return sub;
  }

  clear(): void {
    this.elements = [];
  }

  clone(): Vector<T> {
    const copy = new Vector<T>();
    copy.elements = this.elements.slice();
    copy.capacity = this.capacity;
    return copy;
  }

  /** Shrinking drops the tail; growing pads with undefined. */
  setLength(newSize: number): void {
    checkRange('newSize', newSize, 0, Number.MAX_SAFE_INTEGER);
    this.elements.length = newSize;
    this.reserve(newSize);
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

  /** Comma-separated string forms of the elements. */
  toString(): string {
    return this.elements.map((element) => String(element)).join(',');
  }

  trimToCurrentLength(): void {
    this.capacity = this.elements.length;
  }

  /** Overwrites array[i] with element i of this vector (the array grows if it is shorter). */
  copyToArray(array: Array<T>): void {
    if (!Array.isArray(array)) {
      throw typeError('array', 'Array', array);
    }
    for (let i = 0; i < this.elements.length; i++) {
      array[i] = this.elements[i];
    }
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this.elements.slice()[Symbol.iterator]();
  }
}

const VectorClass = requireNew(Vector, 'Vector');
type VectorClass<T> = Vector<T>;
export default VectorClass;
