import { test } from 'node:test';
import assert from 'node:assert/strict';
import Vector from '../@ohos.util.Vector';
import { throwsCode, throwsUnbound } from './helpers';

function vectorOf(...values: number[]): Vector<number> {
  const vector = new Vector<number>();
  values.forEach((v) => vector.add(v));
  return vector;
}

test('add, insert, get, set and first/last', () => {
  const vector = vectorOf(1, 2, 4);
  vector.insert(3, 2);
  assert.deepEqual(vector.convertToArray(), [1, 2, 3, 4]);
  assert.equal(vector.get(2), 3);
  assert.equal(vector.set(0, 0), 0);
  assert.equal(vector.getFirstElement(), 0);
  assert.equal(vector.getLastElement(), 4);
  assert.equal(new Vector<number>().getFirstElement(), undefined);
  throwsCode(() => vector.get(4), 10200001);
  throwsCode(() => vector.removeByIndex(9), 10200001);
});

test('searching forward and backward from an index', () => {
  const vector = vectorOf(1, 2, 1, 2, 1);
  assert.equal(vector.getIndexFrom(1, 1), 2);
  assert.equal(vector.getLastIndexFrom(1, 3), 2);
  assert.equal(vector.getIndexFrom(9, 0), -1);
  assert.equal(vector.getIndexOf(2), 1);
  assert.equal(vector.getLastIndexOf(2), 3);
});

test('ranges, length, capacity and string form', () => {
  const vector = vectorOf(0, 1, 2, 3, 4);
  assert.deepEqual(vector.subVector(1, 3).convertToArray(), [1, 2]);
  vector.removeByRange(0, 2);
  assert.deepEqual(vector.convertToArray(), [2, 3, 4]);
  assert.equal(vector.toString(), '2,3,4');
  vector.setLength(2);
  assert.deepEqual(vector.convertToArray(), [2, 3]);
  assert.equal(vector.getCapacity(), 10);
  vector.trimToCurrentLength();
  assert.equal(vector.getCapacity(), 2);
  const target = [9, 9, 9];
  vector.copyToArray(target);
  assert.deepEqual(target, [2, 3, 9]);
});

test('sort, forEach, replaceAllElements and clone', () => {
  const vector = vectorOf(3, 10, 2);
  vector.sort();
  assert.deepEqual(vector.convertToArray(), [10, 2, 3]);
  vector.sort((a, b) => a - b);
  assert.deepEqual(vector.convertToArray(), [2, 3, 10]);
  vector.replaceAllElements((v) => v * 2);
  const copy = vector.clone();
  copy.clear();
  const seen: number[] = [];
  vector.forEach((v) => seen.push(v));
  assert.deepEqual(seen, [4, 6, 20]);
  assert.equal(copy.isEmpty(), true);
  throwsUnbound(vector.add, 1);
});
