import { test } from 'node:test';
import assert from 'node:assert/strict';
import HashMap from '../@ohos.util.HashMap';
import { throwsCode, throwsUnbound, throwsWithoutNew } from './helpers';

test('set, get, has and length', () => {
  const map = new HashMap<string, number>();
  assert.equal(map.isEmpty(), true);
  assert.equal(map.set('a', 1), map);
  map.set('b', 2);
  map.set('a', 3);
  assert.equal(map.length, 2);
  assert.equal(map.get('a'), 3);
  assert.equal(map.get('zz'), undefined);
  assert.equal(map.hasKey('b'), true);
  assert.equal(map.hasKey('c'), false);
  assert.equal(map.hasValue(2), true);
  assert.equal(map.hasValue(1), false);
});

test('remove, replace, setAll and clear', () => {
  const map = new HashMap<number, string>();
  map.set(1, 'one');
  map.set(2, 'two');
  assert.equal(map.remove(1), 'one');
  assert.equal(map.remove(1), undefined);
  assert.equal(map.replace(2, 'deux'), true);
  assert.equal(map.replace(3, 'trois'), false);
  assert.equal(map.hasKey(3), false);
  const other = new HashMap<number, string>();
  other.set(5, 'five');
  other.set(2, 'dos');
  map.setAll(other);
  assert.equal(map.get(2), 'dos');
  assert.equal(map.length, 2);
  throwsCode(() => map.setAll({} as HashMap<number, string>), 401);
  map.clear();
  assert.equal(map.length, 0);
});

test('iteration in insertion order: keys, values, entries, for..of and forEach', () => {
  const map = new HashMap<string, number>();
  map.set('x', 1);
  map.set('y', 2);
  assert.deepEqual([...map.keys()], ['x', 'y']);
  assert.deepEqual([...map.values()], [1, 2]);
  assert.deepEqual([...map.entries()], [['x', 1], ['y', 2]]);
  assert.deepEqual([...map], [['x', 1], ['y', 2]]);
  const seen: string[] = [];
  map.forEach((value, key) => seen.push(`${key}=${value}`));
  assert.deepEqual(seen, ['x=1', 'y=2']);
  throwsCode(() => map.forEach(undefined as unknown as () => void), 401);
});

test('object keys match by identity', () => {
  const map = new HashMap<object, number>();
  const key = { id: 1 };
  map.set(key, 1);
  assert.equal(map.get(key), 1);
  assert.equal(map.get({ id: 1 }), undefined);
});

test('detached methods and calls without new', () => {
  const map = new HashMap<string, number>();
  throwsUnbound(map.get, 'a');
  throwsUnbound(map.set, 'a', 1);
  throwsWithoutNew(HashMap);
});
