import { test } from 'node:test';
import assert from 'node:assert/strict';
import Stack from '../@ohos.util.Stack';
import { throwsCode, throwsUnbound, throwsWithoutNew } from './helpers';

test('last in, first out', () => {
  const stack = new Stack<number>();
  assert.equal(stack.isEmpty(), true);
  assert.equal(stack.push(1), 1);
  stack.push(2);
  stack.push(3);
  assert.equal(stack.length, 3);
  assert.equal(stack.peek(), 3);
  assert.equal(stack.pop(), 3);
  assert.equal(stack.length, 2);
  assert.deepEqual([...stack], [1, 2], 'iteration goes bottom to top');
});

test('empty stack peek and pop return undefined', () => {
  const stack = new Stack<number>();
  assert.equal(stack.peek(), undefined);
  assert.equal(stack.pop(), undefined);
});

test('locate finds the position from the bottom', () => {
  const stack = new Stack<number>();
  [4, 2, 5, 2].forEach((v) => stack.push(v));
  assert.equal(stack.locate(2), 1);
  assert.equal(stack.locate(4), 0);
  assert.equal(stack.locate(9), -1);
});

test('forEach and errors', () => {
  const stack = new Stack<number>();
  stack.push(7);
  stack.push(8);
  const seen: number[] = [];
  stack.forEach((value, index) => seen.push(value * 10 + (index as number)));
  assert.deepEqual(seen, [70, 81]);
  throwsCode(() => stack.forEach('x' as unknown as () => void), 401);
  throwsUnbound(stack.push, 1);
  throwsWithoutNew(Stack);
});
