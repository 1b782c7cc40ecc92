import { test } from 'node:test';
import assert from 'node:assert/strict';
import json from '../@ohos.util.json';
import { throwsCode } from './helpers';

test('parse and stringify round trip', () => {
  const value = json.parse('{"name":"a","list":[1,2,{"x":null}]}') as Record<string, unknown>;
  assert.deepEqual(value, { name: 'a', list: [1, 2, { x: null }] });
  assert.equal(json.stringify(value), '{"name":"a","list":[1,2,{"x":null}]}');
  assert.equal(json.stringify({ a: 1, b: 2, c: 3 }, ['a', 'c']), '{"a":1,"c":3}');
  assert.equal(json.stringify([1], null, 2), '[\n  1\n]');
  assert.equal(
    json.stringify({ a: 1, b: 'x' }, (key: string, v: Object) => (key === 'a' ? (v as number) + 1 : v)),
    '{"a":2,"b":"x"}',
  );
});

test('parse with a reviver', () => {
  const value = json.parse('{"a":1,"b":2}', (key: string, v: Object) => (key === 'b' ? undefined : v));
  assert.deepEqual(value, { a: 1 });
});

test('BigInt modes', () => {
  const big = json.parse('{"n":12345678901234567890,"m":5}', undefined, {
    bigIntMode: json.BigIntMode.PARSE_AS_BIGINT,
  }) as Record<string, unknown>;
  assert.equal(big.n, 12345678901234567890n);
  assert.equal(big.m, 5);
  const all = json.parse('[1, 2.5, "s", true]', undefined, { bigIntMode: json.BigIntMode.ALWAYS_PARSE_AS_BIGINT });
  assert.deepEqual(all, [1n, 2.5, 's', true]);
  assert.equal(json.stringify({ n: 12345678901234567890n }), '{"n":12345678901234567890}');
});

test('has and remove', () => {
  const obj = json.parse('{"a":1,"b":2}') as object;
  assert.equal(json.has(obj, 'a'), true);
  assert.equal(json.has(obj, 'z'), false);
  json.remove(obj, 'a');
  assert.equal(json.has(obj, 'a'), false);
  throwsCode(() => json.has([] as unknown as object, 'a'), 401);
  throwsCode(() => json.remove(obj, 3 as unknown as string), 401);
});

test('errors are 401', () => {
  throwsCode(() => json.parse('{bad'), 401);
  throwsCode(() => json.parse(5 as unknown as string), 401);
});
