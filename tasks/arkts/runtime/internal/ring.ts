// A growable circular buffer: O(1) at both ends and O(1) index access. Backs
// Deque, Queue, LinkedList and List.
export class Ring<T> {
  private slots: (T | undefined)[] = new Array<T | undefined>(8);
  private head = 0;
  size = 0;

  private grow(): void {
    const old = this.slots;
    const next = new Array<T | undefined>(old.length * 2);
    for (let i = 0; i < this.size; i++) {
      next[i] = old[(this.head + i) & (old.length - 1)];
    }
    this.slots = next;
    this.head = 0;
  }

  private slot(index: number): number {
    return (this.head + index) & (this.slots.length - 1);
  }

  get(index: number): T {
    return this.slots[this.slot(index)] as T;
  }

  set(index: number, value: T): void {
    this.slots[this.slot(index)] = value;
  }

  pushBack(value: T): void {
    if (this.size === this.slots.length) {
      this.grow();
    }
    this.slots[this.slot(this.size)] = value;
    this.size++;
  }

  pushFront(value: T): void {
    if (this.size === this.slots.length) {
      this.grow();
    }
    this.head = (this.head - 1) & (this.slots.length - 1);
    this.slots[this.head] = value;
    this.size++;
  }

  popFront(): T {
    const value = this.slots[this.head] as T;
    this.slots[this.head] = undefined;
    this.head = (this.head + 1) & (this.slots.length - 1);
    this.size--;
    return value;
  }

  popBack(): T {
    const at = this.slot(this.size - 1);
    const value = this.slots[at] as T;
    this.slots[at] = undefined;
    this.size--;
    return value;
  }

  /** Inserts before position `index` (0..size). */
  insert(index: number, value: T): void {
    if (index === 0) {
      this.pushFront(value);
      return;
    }
    this.pushBack(value);
    for (let i = this.size - 1; i > index; i--) {
      this.set(i, this.get(i - 1));
    }
    this.set(index, value);
  }

  removeAt(index: number): T {
    const value = this.get(index);
    if (index === 0) {
      this.popFront();
      return value;
    }
    for (let i = index; i < this.size - 1; i++) {
      this.set(i, this.get(i + 1));
    }
    this.popBack();
    return value;
  }

  indexOf(value: T): number {
    for (let i = 0; i < this.size; i++) {
      if (this.get(i) === value) {
        return i;
      }
    }
    return -1;
  }

  lastIndexOf(value: T): number {
    for (let i = this.size - 1; i >= 0; i--) {
      if (this.get(i) === value) {
        return i;
      }
    }
    return -1;
  }

  clear(): void {
    this.slots = new Array<T | undefined>(8);
    this.head = 0;
    this.size = 0;
  }

  toArray(): T[] {
    const out = new Array<T>(this.size);
    for (let i = 0; i < this.size; i++) {
      out[i] = this.get(i);
    }
    return out;
  }

  fill(values: T[]): void {
    this.clear();
    for (const value of values) {
      this.pushBack(value);
    }
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.size; i++) {
      yield this.get(i);
    }
  }
}
