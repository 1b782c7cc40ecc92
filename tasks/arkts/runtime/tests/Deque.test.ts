import { test } from 'node:test';
import assert from 'node:assert/strict';
import Deque from '../@ohos.util.Deque';
import { throwsUnbound, throwsWithoutNew } from './helpers';

test('inserts at both ends and pops from both ends', () => {
  const deque = new Deque<number>();
  deque.insertEnd(2);
  deque.insertFront(1);
  deque.insertEnd(3);
  assert.equal(deque.length, 3);
  assert.equal(deque.getFirst(), 1);
  assert.equal(deque.getLast(), 3);
  assert.deepEqual([...deque], [1, 2, 3]);
  assert.equal(deque.has(2), true);
  assert.equal(deque.popFirst(), 1);
  assert.equal(deque.popLast(), 3);
  assert.equal(deque.length, 1);
});

test('empty deque reads and pops return undefined', () => {
  const deque = new Deque<string>();
  assert.equal(deque.getFirst(), undefined);
  assert.equal(deque.getLast(), undefined);
  assert.equal(deque.popFirst(), undefined);
  assert.equal(deque.popLast(), undefined);
  assert.equal(deque.length, 0);
});

test('grows past its initial buffer and keeps order', () => {
  const deque = new Deque<number>();
  for (let i = 0; i < 100; i++) {
    if (i % 2 === 0) {
      deque.insertEnd(i);
    } else {
      deque.insertFront(i);
    }
  }
  const values = [...deque];
  assert.equal(values.length, 100);
  assert.equal(values[0], 99);
  assert.equal(values[99], 98);
  const seen: number[] = [];
  deque.forEach((value, index) => {
    assert.equal(values[index as number], value);
    seen.push(value);
  });
  assert.equal(seen.length, 100);
});

test('detached methods and calls without new', () => {
  const deque = new Deque<number>();
  throwsUnbound(deque.insertFront, 1);
  throwsWithoutNew(Deque);
});
