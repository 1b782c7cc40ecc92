import { test } from 'node:test';
import assert from 'node:assert/strict';
import LightWeightSet from '../@ohos.util.LightWeightSet';
import { throwsCode, throwsUnbound, throwsWithoutNew } from './helpers';

test('values are unique and positioned in order', () => {
  const set = new LightWeightSet<number>();
  assert.equal(set.add(5), true);
  assert.equal(set.add(1), true);
  assert.equal(set.add(5), false);
  set.add(3);
  assert.deepEqual(set.toArray(), [1, 3, 5]);
  assert.deepEqual([...set], [1, 3, 5]);
  assert.deepEqual([...set.entries()][0], [1, 1]);
  assert.equal(set.getValueAt(1), 3);
  assert.equal(set.getIndexOf(5), 2);
  assert.equal(set.getIndexOf(4), -1);
  assert.equal(set.toString(), '1,3,5');
  assert.equal(set.length, 3);
});

test('addAll, hasAll, equal and removals', () => {
  const a = new LightWeightSet<string>();
  const b = new LightWeightSet<string>();
  a.add('x');
  b.add('x');
  b.add('y');
  assert.equal(a.hasAll(b), false);
  assert.equal(a.addAll(b), true);
  assert.equal(a.addAll(b), false);
  assert.equal(a.hasAll(b), true);
  assert.equal(a.equal(b), true);
  assert.equal(a.equal(['x', 'y']), true);
  assert.equal(a.equal(['y']), false);
  assert.equal(a.remove('x'), 'x');
  assert.equal(a.remove('x'), undefined);
  assert.equal(a.removeAt(0), true);
  assert.equal(a.removeAt(0), false);
  assert.equal(a.isEmpty(), true);
  throwsCode(() => a.addAll({} as LightWeightSet<string>), 401);
  throwsCode(() => a.increaseCapacityTo(-1), 10200001);
});

test('forEach and errors', () => {
  const set = new LightWeightSet<number>();
  set.add(2);
  set.add(1);
  const seen: number[] = [];
  set.forEach((value) => seen.push(value as number));
  assert.deepEqual(seen, [1, 2]);
  set.clear();
  assert.equal(set.length, 0);
  throwsUnbound(set.add, 1);
  throwsWithoutNew(LightWeightSet);
});
