import { test } from 'node:test';
import assert from 'node:assert/strict';
import Queue from '../@ohos.util.Queue';
import { throwsCode, throwsUnbound, throwsWithoutNew } from './helpers';

test('first in, first out', () => {
  const queue = new Queue<number>();
  assert.equal(queue.add(1), true);
  queue.add(2);
  queue.add(3);
  assert.equal(queue.length, 3);
  assert.equal(queue.getFirst(), 1);
  assert.equal(queue.pop(), 1);
  assert.equal(queue.pop(), 2);
  assert.deepEqual([...queue], [3]);
});

test('empty queue returns undefined', () => {
  const queue = new Queue<number>();
  assert.equal(queue.getFirst(), undefined);
  assert.equal(queue.pop(), undefined);
});

test('forEach passes value and index; a non-function is a 401', () => {
  const queue = new Queue<string>();
  queue.add('a');
  queue.add('b');
  const seen: string[] = [];
  queue.forEach((value, index) => seen.push(`${index}:${value}`));
  assert.deepEqual(seen, ['0:a', '1:b']);
  throwsCode(() => queue.forEach(null as unknown as () => void), 401);
});

test('detached methods and calls without new', () => {
  const queue = new Queue<number>();
  throwsUnbound(queue.pop);
  throwsWithoutNew(Queue);
});
