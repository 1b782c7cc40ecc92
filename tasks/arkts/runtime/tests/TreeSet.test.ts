import { test } from 'node:test';
import assert from 'node:assert/strict';
import TreeSet from '../@ohos.util.TreeSet';
import { throwsCode, throwsUnbound, throwsWithoutNew } from './helpers';

test('values are unique and sorted', () => {
  const set = new TreeSet<number>();
  assert.equal(set.add(3), true);
  assert.equal(set.add(1), true);
  assert.equal(set.add(3), false);
  set.add(2);
  assert.deepEqual([...set], [1, 2, 3]);
  assert.deepEqual([...set.values()], [1, 2, 3]);
  assert.deepEqual([...set.entries()], [[1, 1], [2, 2], [3, 3]]);
  assert.equal(set.length, 3);
  assert.equal(set.getFirstValue(), 1);
  assert.equal(set.getLastValue(), 3);
  assert.equal(set.has(2), true);
  assert.equal(set.remove(2), true);
  assert.equal(set.remove(2), false);
});

test('neighbours, pops and comparator', () => {
  const set = new TreeSet<number>((a, b) => a < b);
  [1, 5, 3].forEach((v) => set.add(v));
  assert.deepEqual([...set], [5, 3, 1]);
  assert.equal(set.getLowerValue(3), 5);
  assert.equal(set.getHigherValue(3), 1);
  assert.equal(set.getHigherValue(1), undefined);
  assert.equal(set.popFirst(), 5);
  assert.equal(set.popLast(), 1);
  assert.deepEqual([...set], [3]);
  set.clear();
  assert.equal(set.popFirst(), undefined);
  assert.equal(set.popLast(), undefined);
  assert.equal(set.isEmpty(), true);
  throwsCode(() => set.getLowerValue(undefined as unknown as number), 401);
  throwsCode(() => set.add(null as unknown as number), 401);
});

test('forEach and errors', () => {
  const set = new TreeSet<string>();
  set.add('b');
  set.add('a');
  const seen: string[] = [];
  set.forEach((value, key) => seen.push(`${value}${key}`));
  assert.deepEqual(seen, ['aa', 'bb']);
  throwsCode(() => set.forEach({} as unknown as () => void), 401);
  throwsUnbound(set.add, 'c');
  throwsWithoutNew(TreeSet);
});
