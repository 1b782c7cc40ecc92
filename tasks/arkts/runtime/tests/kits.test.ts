import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArrayList, HashMap, JSON as json, TreeMap, taskpool, util } from '../@kit.ArkTS';
import { hilog } from '../@kit.PerformanceAnalysisKit';
import { BusinessError } from '../@kit.BasicServicesKit';

test('kits re-export the module runtimes', () => {
  const list = new ArrayList<number>();
  list.add(1);
  assert.equal(list[0], 1);
  assert.equal(new HashMap<string, number>().length, 0);
  assert.equal(new TreeMap<number, number>().isEmpty(), true);
  assert.equal(typeof util.format, 'function');
  assert.equal(typeof json.parse, 'function');
  assert.equal(typeof taskpool.execute, 'function');
  assert.equal(typeof hilog.info, 'function');
  try {
    list.removeByIndex(5);
    assert.fail('expected an error');
  } catch (error) {
    assert.ok(error instanceof BusinessError);
    assert.equal((error as BusinessError).code, 10200001);
  }
});
