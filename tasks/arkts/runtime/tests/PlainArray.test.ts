import { test } from 'node:test';
import assert from 'node:assert/strict';
import PlainArray from '../@ohos.util.PlainArray';
import { throwsCode, throwsUnbound, throwsWithoutNew } from './helpers';

function arrayOf(...pairs: [number, string][]): PlainArray<string> {
  const array = new PlainArray<string>();
  pairs.forEach(([k, v]) => array.add(k, v));
  return array;
}

test('pairs sorted by key, replaced on add', () => {
  const array = arrayOf([10, 'ten'], [2, 'two'], [7, 'seven']);
  array.add(2, 'TWO');
  assert.equal(array.length, 3);
  assert.equal(array.get(2), 'TWO');
  assert.equal(array.get(3), undefined);
  assert.equal(array.has(7), true);
  assert.equal(array.getKeyAt(0), 2);
  assert.equal(array.getValueAt(2), 'ten');
  assert.equal(array.getIndexOfKey(7), 1);
  assert.equal(array.getIndexOfKey(8), -1);
  assert.equal(array.getIndexOfValue('ten'), 2);
  assert.equal(array.toString(), '2:TWO,7:seven,10:ten');
  assert.deepEqual([...array], [[2, 'TWO'], [7, 'seven'], [10, 'ten']]);
  throwsCode(() => array.add('k' as unknown as number, 'x'), 401);
});

test('removals and index errors', () => {
  const array = arrayOf([1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']);
  assert.equal(array.remove(1), 'a');
  assert.equal(array.remove(1), undefined);
  assert.equal(array.removeAt(0), 'b');
  assert.equal(array.removeAt(9), undefined);
  assert.equal(array.removeRangeFrom(0, 5), 2);
  assert.equal(array.isEmpty(), true);
  throwsCode(() => array.removeRangeFrom(0, 1), 10200001);
  throwsCode(() => array.getValueAt(0), 10200001);
  throwsCode(() => array.setValueAt(0, 'x'), 10200001);
});

test('clone, setValueAt, forEach and clear', () => {
  const array = arrayOf([5, 'e'], [1, 'a']);
  const copy = array.clone();
  array.setValueAt(0, 'A');
  assert.equal(copy.get(1), 'a');
  const seen: string[] = [];
  array.forEach((value, key) => seen.push(`${key}${value}`));
  assert.deepEqual(seen, ['1A', '5e']);
  array.clear();
  assert.equal(array.length, 0);
  throwsUnbound(array.get, 1);
  throwsWithoutNew(PlainArray);
});
