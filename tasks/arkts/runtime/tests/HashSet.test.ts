import { test } from 'node:test';
import assert from 'node:assert/strict';
import HashSet from '../@ohos.util.HashSet';
import { throwsCode, throwsUnbound, throwsWithoutNew } from './helpers';

test('add reports whether the value was new', () => {
  const set = new HashSet<number>();
  assert.equal(set.add(1), true);
  assert.equal(set.add(1), false);
  set.add(2);
  assert.equal(set.length, 2);
  assert.equal(set.has(2), true);
  assert.equal(set.has(3), false);
  assert.equal(set.remove(2), true);
  assert.equal(set.remove(2), false);
  assert.equal(set.isEmpty(), false);
  set.clear();
  assert.equal(set.isEmpty(), true);
});

test('iteration: values, entries, for..of and forEach', () => {
  const set = new HashSet<string>();
  set.add('a');
  set.add('b');
  assert.deepEqual([...set], ['a', 'b']);
  assert.deepEqual([...set.values()], ['a', 'b']);
  assert.deepEqual([...set.entries()], [['a', 'a'], ['b', 'b']]);
  const seen: string[] = [];
  set.forEach((value, key) => seen.push(`${value}${key}`));
  assert.deepEqual(seen, ['aa', 'bb']);
  throwsCode(() => set.forEach(1 as unknown as () => void), 401);
});

test('detached methods and calls without new', () => {
  const set = new HashSet<string>();
  throwsUnbound(set.add, 'a');
  throwsWithoutNew(HashSet);
});
