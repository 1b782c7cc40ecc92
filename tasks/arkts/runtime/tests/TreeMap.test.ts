import { test } from 'node:test';
import assert from 'node:assert/strict';
import TreeMap from '../@ohos.util.TreeMap';
import { throwsCode, throwsUnbound, throwsWithoutNew } from './helpers';

test('keys are kept in natural order', () => {
  const map = new TreeMap<number, string>();
  [5, 1, 9, 3].forEach((k) => map.set(k, `v${k}`));
  assert.deepEqual([...map.keys()], [1, 3, 5, 9]);
  assert.deepEqual([...map.values()], ['v1', 'v3', 'v5', 'v9']);
  assert.deepEqual([...map][0], [1, 'v1']);
  assert.equal(map.getFirstKey(), 1);
  assert.equal(map.getLastKey(), 9);
  assert.equal(map.length, 4);
  const strings = new TreeMap<string, number>();
  ['pear', 'apple', 'fig'].forEach((k, i) => strings.set(k, i));
  assert.deepEqual([...strings.keys()], ['apple', 'fig', 'pear']);
});

test('a boolean comparator orders keys (true: first sorts after second)', () => {
  const descending = new TreeMap<number, number>((a, b) => a < b);
  [2, 7, 4].forEach((k) => descending.set(k, k));
  assert.deepEqual([...descending.keys()], [7, 4, 2]);
  const ascending = new TreeMap<number, number>((a, b) => a > b);
  [2, 7, 4].forEach((k) => ascending.set(k, k));
  assert.deepEqual([...ascending.keys()], [2, 4, 7]);
  throwsCode(() => new TreeMap<number, number>(3 as unknown as (a: number, b: number) => boolean), 401);
});

test('a numeric comparator is used by its sign', () => {
  const map = new TreeMap<number, number>(((a: number, b: number) => b - a) as unknown as (a: number, b: number) => boolean);
  [1, 3, 2].forEach((k) => map.set(k, k));
  assert.deepEqual([...map.keys()], [3, 2, 1]);
});

test('neighbouring keys', () => {
  const map = new TreeMap<number, number>();
  [10, 20, 30].forEach((k) => map.set(k, k));
  assert.equal(map.getLowerKey(20), 10);
  assert.equal(map.getHigherKey(20), 30);
  assert.equal(map.getLowerKey(25), 20);
  assert.equal(map.getHigherKey(25), 30);
  assert.equal(map.getLowerKey(10), undefined);
  assert.equal(map.getHigherKey(30), undefined);
  assert.equal(new TreeMap<number, number>().getFirstKey(), undefined);
});

test('get, remove, replace, hasValue, setAll and clear', () => {
  const map = new TreeMap<string, number>();
  map.set('b', 2);
  map.set('a', 1);
  assert.equal(map.get('a'), 1);
  assert.equal(map.get('z'), undefined);
  assert.equal(map.hasKey('b'), true);
  assert.equal(map.hasValue(2), true);
  assert.equal(map.hasValue(5), false);
  assert.equal(map.replace('a', 10), true);
  assert.equal(map.replace('q', 10), false);
  assert.equal(map.remove('b'), 2);
  assert.equal(map.remove('b'), undefined);
  const other = new TreeMap<string, number>();
  other.set('c', 3);
  map.setAll(other);
  assert.deepEqual([...map.entries()], [['a', 10], ['c', 3]]);
  throwsCode(() => map.setAll(new Map() as unknown as TreeMap<string, number>), 401);
  const seen: string[] = [];
  map.forEach((value, key) => seen.push(`${key}${value}`));
  assert.deepEqual(seen, ['a10', 'c3']);
  map.clear();
  assert.equal(map.isEmpty(), true);
});

test('stays sorted through many inserts and removals', () => {
  const map = new TreeMap<number, number>();
  const reference = new Map<number, number>();
  let seed = 7;
  for (let i = 0; i < 5000; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const key = seed % 3000;
    if (seed % 3 === 0) {
      map.remove(key);
      reference.delete(key);
    } else {
      map.set(key, i);
      reference.set(key, i);
    }
  }
  const expected = [...reference.keys()].sort((a, b) => a - b);
  assert.deepEqual([...map.keys()], expected);
  assert.equal(map.length, expected.length);
  for (const key of expected) {
    assert.equal(map.get(key), reference.get(key));
  }
  for (let probe = -1; probe < 3001; probe += 37) {
    const lower = expected.filter((k) => k < probe).pop();
    const higher = expected.find((k) => k > probe);
    assert.equal(map.getLowerKey(probe), lower);
    assert.equal(map.getHigherKey(probe), higher);
  }
});

test('detached methods and calls without new', () => {
  const map = new TreeMap<number, number>();
  throwsUnbound(map.getFirstKey);
  throwsWithoutNew(TreeMap);
});
