import { test } from 'node:test';
import assert from 'node:assert/strict';
import LinkedList from '../@ohos.util.LinkedList';
import { throwsCode, throwsUnbound, throwsWithoutNew } from './helpers';

function listOf(...values: number[]): LinkedList<number> {
  const list = new LinkedList<number>();
  values.forEach((v) => list.add(v));
  return list;
}

test('add, addFirst, insert and get', () => {
  const list = listOf(2, 3);
  list.addFirst(1);
  list.insert(3, 4);
  list.insert(1, 9);
  assert.deepEqual(list.convertToArray(), [1, 9, 2, 3, 4]);
  assert.equal(list.length, 5);
  assert.equal(list.get(1), 9);
  assert.equal(list.get(10), undefined);
  assert.equal(list.getFirst(), 1);
  assert.equal(list.getLast(), 4);
  throwsCode(() => list.insert(6, 0), 10200001);
  throwsCode(() => list.get('1' as unknown as number), 401);
});

test('removeFirst/removeLast throw 10200010 on an empty list', () => {
  const list = listOf(1, 2);
  assert.equal(list.removeFirst(), 1);
  assert.equal(list.removeLast(), 2);
  throwsCode(() => list.removeFirst(), 10200010);
  throwsCode(() => list.removeLast(), 10200010);
  assert.equal(list.getFirst(), undefined);
  assert.equal(list.getLast(), undefined);
});

test('removeFirstFound and removeLastFound', () => {
  const list = listOf(1, 2, 1, 3, 1);
  assert.equal(list.removeFirstFound(1), true);
  assert.deepEqual(list.convertToArray(), [2, 1, 3, 1]);
  assert.equal(list.removeLastFound(1), true);
  assert.deepEqual(list.convertToArray(), [2, 1, 3]);
  throwsCode(() => list.removeFirstFound(7), 10200017);
  throwsCode(() => new LinkedList<number>().removeLastFound(1), 10200010);
});

test('removeByIndex, set, remove and search', () => {
  const list = listOf(5, 6, 7, 6);
  assert.equal(list.removeByIndex(0), 5);
  throwsCode(() => list.removeByIndex(3), 10200001);
  assert.equal(list.set(0, 60), 60);
  throwsCode(() => list.set(3, 1), 10200001);
  assert.equal(list.getIndexOf(6), 2);
  assert.equal(list.getLastIndexOf(6), 2);
  assert.equal(list.has(60), true);
  assert.equal(list.remove(60), true);
  assert.equal(list.remove(60), false);
  assert.deepEqual([...list], [7, 6]);
});

test('forEach, clone and clear', () => {
  const list = listOf(1, 2, 3);
  const seen: number[] = [];
  list.forEach((value, index) => seen.push(value + (index as number)));
  assert.deepEqual(seen, [1, 3, 5]);
  const copy = list.clone();
  copy.add(4);
  assert.equal(list.length, 3);
  list.clear();
  assert.equal(list.length, 0);
  assert.equal(copy.length, 4);
  throwsUnbound(list.add, 1);
  throwsWithoutNew(LinkedList);
});
