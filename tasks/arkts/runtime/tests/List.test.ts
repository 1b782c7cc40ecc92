import { test } from 'node:test';
import assert from 'node:assert/strict';
import List from '../@ohos.util.List';
import { throwsCode, throwsUnbound, throwsWithoutNew } from './helpers';

function listOf(...values: number[]): List<number> {
  const list = new List<number>();
  values.forEach((v) => list.add(v));
  return list;
}

test('add, insert, get and set', () => {
  const list = listOf(1, 3);
  list.insert(2, 1);
  assert.deepEqual(list.convertToArray(), [1, 2, 3]);
  assert.equal(list.get(2), 3);
  assert.equal(list.get(3), undefined);
  assert.equal(list.set(0, 10), 10);
  assert.equal(list.getFirst(), 10);
  assert.equal(list.getLast(), 3);
  throwsCode(() => list.insert(0, 4), 10200001);
  throwsCode(() => list.set(3, 0), 10200001);
  throwsCode(() => list.removeByIndex(-1), 10200001);
});

test('equal compares element by element', () => {
  assert.equal(listOf(1, 2).equal(listOf(1, 2)), true);
  assert.equal(listOf(1, 2).equal(listOf(2, 1)), false);
  assert.equal(listOf(1).equal([1]), false);
});

test('sort, getSubList and replaceAllElements', () => {
  const list = listOf(5, 1, 4, 2);
  list.sort((a, b) => a - b);
  assert.deepEqual(list.convertToArray(), [1, 2, 4, 5]);
  list.sort((a, b) => b - a);
  assert.deepEqual(list.convertToArray(), [5, 4, 2, 1]);
  assert.deepEqual(list.getSubList(1, 3).convertToArray(), [4, 2]);
  throwsCode(() => list.getSubList(2, 9), 10200001);
  list.replaceAllElements((value, index) => value + (index as number));
  assert.deepEqual([...list], [5, 5, 4, 4]);
  throwsCode(() => list.sort(undefined as unknown as (a: number, b: number) => number), 401);
});

test('remove, indexes, empty list and errors', () => {
  const list = listOf(1, 2, 1);
  assert.equal(list.getIndexOf(1), 0);
  assert.equal(list.getLastIndexOf(1), 2);
  assert.equal(list.removeByIndex(1), 2);
  assert.equal(list.remove(1), true);
  assert.deepEqual(list.convertToArray(), [1]);
  list.clear();
  assert.equal(list.isEmpty(), true);
  assert.equal(list.getFirst(), undefined);
  throwsUnbound(list.get, 0);
  throwsWithoutNew(List);
});
