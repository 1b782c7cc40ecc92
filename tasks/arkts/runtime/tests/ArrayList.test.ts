import { test } from 'node:test';
import assert from 'node:assert/strict';
import ArrayList from '../@ohos.util.ArrayList';
import { throwsCode, throwsUnbound, throwsWithoutNew } from './helpers';

function listOf(...values: number[]): ArrayList<number> {
  const list = new ArrayList<number>();
  values.forEach((v) => list.add(v));
  return list;
}

test('add, length, index access and iteration', () => {
  const list = listOf(3, 1, 2);
  assert.equal(list.length, 3);
  assert.equal(list[0], 3);
  list[1] = 10;
  assert.equal(list[1], 10);
  assert.deepEqual([...list], [3, 10, 2]);
  assert.deepEqual(list.convertToArray(), [3, 10, 2]);
  assert.equal(1 in list, true);
  assert.equal(5 in list, false);
});

test('index access outside the list throws 10200001', () => {
  const list = listOf(1, 2);
  throwsCode(() => list[2], 10200001);
  throwsCode(() => list[-1], 10200001);
  throwsCode(() => {
    list[5] = 1;
  }, 10200001);
});

test('insert, removeByIndex and their range errors', () => {
  const list = listOf(1, 2, 3);
  list.insert(9, 0);
  list.insert(8, 4);
  assert.deepEqual(list.convertToArray(), [9, 1, 2, 3, 8]);
  throwsCode(() => list.insert(0, 6), 10200001);
  throwsCode(() => list.insert(0, -1), 10200001);
  assert.equal(list.removeByIndex(0), 9);
  throwsCode(() => list.removeByIndex(4), 10200001);
  throwsCode(() => list.removeByIndex('a' as unknown as number), 401);
  throwsCode(() => new ArrayList<number>().removeByIndex(0), 10200001);
});

test('search and remove', () => {
  const list = listOf(1, 2, 1, 3);
  assert.equal(list.has(2), true);
  assert.equal(list.has(7), false);
  assert.equal(list.getIndexOf(1), 0);
  assert.equal(list.getLastIndexOf(1), 2);
  assert.equal(list.getIndexOf(9), -1);
  assert.equal(list.remove(1), true);
  assert.equal(list.remove(9), false);
  assert.deepEqual(list.convertToArray(), [2, 1, 3]);
});

test('removeByRange and subArrayList', () => {
  const list = listOf(0, 1, 2, 3, 4, 5);
  const sub = list.subArrayList(1, 4);
  assert.deepEqual(sub.convertToArray(), [1, 2, 3]);
  throwsCode(() => list.subArrayList(4, 2), 10200001);
  throwsCode(() => list.subArrayList(0, 7), 10200001);
  list.removeByRange(1, 3);
  assert.deepEqual(list.convertToArray(), [0, 3, 4, 5]);
  throwsCode(() => list.removeByRange(3, 1), 10200001);
});

test('forEach, replaceAllElements and sort', () => {
  const list = listOf(10, 9, 1);
  const seen: [number, number | undefined][] = [];
  list.forEach((value, index) => seen.push([value, index]));
  assert.deepEqual(seen, [[10, 0], [9, 1], [1, 2]]);
  list.replaceAllElements((value) => value * 2);
  assert.deepEqual(list.convertToArray(), [20, 18, 2]);
  list.sort((a, b) => a - b);
  assert.deepEqual(list.convertToArray(), [2, 18, 20]);
  list.sort();
  assert.deepEqual(list.convertToArray(), [18, 2, 20], 'default sort compares string forms');
  throwsCode(() => list.forEach(5 as unknown as () => void), 401);
});

test('clone, clear, isEmpty and capacity', () => {
  const list = listOf(1, 2);
  const copy = list.clone();
  copy.add(3);
  assert.equal(list.length, 2);
  assert.equal(copy.length, 3);
  assert.equal(list.getCapacity(), 10);
  list.increaseCapacityTo(20);
  assert.equal(list.getCapacity(), 20);
  list.trimToCurrentLength();
  assert.equal(list.getCapacity(), 2);
  list.clear();
  assert.equal(list.isEmpty(), true);
  assert.equal(list.length, 0);
});

test('detached methods and calls without new', () => {
  const list = listOf(1);
  throwsUnbound(list.add, 1);
  throwsUnbound(list.getIndexOf, 1);
  throwsWithoutNew(ArrayList);
  assert.ok(list instanceof ArrayList);
});
