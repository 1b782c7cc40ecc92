import { test } from 'node:test';
import assert from 'node:assert/strict';
import LightWeightMap from '../@ohos.util.LightWeightMap';
import { throwsCode, throwsUnbound, throwsWithoutNew } from './helpers';

function mapOf(...pairs: [number, string][]): LightWeightMap<number, string> {
  const map = new LightWeightMap<number, string>();
  pairs.forEach(([k, v]) => map.set(k, v));
  return map;
}

test('pairs are positioned in key order', () => {
  const map = mapOf([3, 'c'], [1, 'a'], [2, 'b']);
  assert.equal(map.length, 3);
  assert.equal(map.getKeyAt(0), 1);
  assert.equal(map.getValueAt(2), 'c');
  assert.equal(map.getIndexOfKey(2), 1);
  assert.equal(map.getIndexOfKey(9), -1);
  assert.equal(map.getIndexOfValue('c'), 2);
  assert.deepEqual([...map], [[1, 'a'], [2, 'b'], [3, 'c']]);
  assert.deepEqual([...map.keys()], [1, 2, 3]);
  assert.deepEqual([...map.values()], ['a', 'b', 'c']);
  assert.equal(map.toString(), '1:a,2:b,3:c');
});

test('index-based access throws 10200001 out of range', () => {
  const map = mapOf([1, 'a']);
  throwsCode(() => map.getKeyAt(1), 10200001);
  throwsCode(() => map.getValueAt(-1), 10200001);
  throwsCode(() => map.setValueAt(5, 'x'), 10200001);
  throwsCode(() => map.getKeyAt('0' as unknown as number), 401);
  assert.equal(map.setValueAt(0, 'z'), true);
  assert.equal(map.get(1), 'z');
  assert.equal(map.removeAt(3), false);
  assert.equal(map.removeAt(0), true);
  assert.equal(map.isEmpty(), true);
});

test('has, remove, setAll, hasAll and forEach', () => {
  const map = mapOf([1, 'a'], [2, 'b']);
  assert.equal(map.hasKey(1), true);
  assert.equal(map.hasValue('b'), true);
  assert.equal(map.hasValue('q'), false);
  assert.equal(map.get(7), undefined);
  const other = mapOf([2, 'b']);
  assert.equal(map.hasAll(other), true);
  other.set(3, 'c');
  assert.equal(map.hasAll(other), false);
  map.setAll(other);
  assert.equal(map.hasAll(other), true);
  assert.equal(map.remove(1), 'a');
  assert.equal(map.remove(1), undefined);
  const seen: string[] = [];
  map.forEach((value, key) => seen.push(`${key}${value}`));
  assert.deepEqual(seen, ['2b', '3c']);
  throwsCode(() => map.setAll([] as unknown as LightWeightMap<number, string>), 401);
  map.clear();
  assert.equal(map.length, 0);
  throwsUnbound(map.get, 1);
  throwsWithoutNew(LightWeightMap);
});
