import { test } from 'node:test';
import assert from 'node:assert/strict';
import util from '../@ohos.util';
import { throwsCode } from './helpers';

test('format and printf', () => {
  assert.equal(util.format('%s is %d years', 'Ann', 42), 'Ann is 42 years');
  assert.equal(util.format('%i|%f|%j', 3.9, '2.5', { a: 1 }), '3|2.5|{"a":1}');
  assert.equal(util.format('100%% %s', 'done'), '100% done');
  assert.equal(util.format('%s', 'a', 'b', 3), 'a b 3');
  assert.equal(util.printf('%d-%d', 1, 2), '1-2');
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assert.equal(util.format('%j', cyclic), '[Circular]');
});

test('UUIDs', () => {
  const uuid = util.generateRandomUUID();
  assert.match(uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(util.generateRandomUUID(false), uuid);
  const binary = util.generateRandomBinaryUUID();
  assert.equal(binary.length, 16);
  assert.equal(binary[6] >> 4, 4);
  const parsed = util.parseUUID('84bdf796-66cc-4655-9b89-d6218d100f9c');
  assert.equal(parsed.length, 16);
  assert.equal(parsed[0], 0x84);
  assert.equal(parsed[15], 0x9c);
  throwsCode(() => util.parseUUID('not-a-uuid'), 10200002);
});

test('TextEncoder and TextDecoder', () => {
  const encoder = new util.TextEncoder();
  assert.equal(encoder.encoding, 'utf-8');
  const bytes = encoder.encodeInto('hé');
  assert.deepEqual([...bytes], [0x68, 0xc3, 0xa9]);
  const dest = new Uint8Array(2);
  assert.deepEqual(encoder.encodeIntoUint8Array('hé', dest), { read: 1, written: 1 });
  const decoder = util.TextDecoder.create('utf-8', { ignoreBOM: true });
  assert.equal(decoder.decodeToString(bytes), 'hé');
  assert.equal(decoder.encoding, 'utf-8');
  const utf16 = new util.TextDecoder('utf-16le');
  assert.equal(utf16.decodeToString(new Uint8Array([0x41, 0x00, 0x42, 0x00])), 'AB');
  const streaming = new util.TextDecoder();
  assert.equal(streaming.decodeToString(new Uint8Array([0xe2, 0x82]), { stream: true }), '');
  assert.equal(streaming.decodeToString(new Uint8Array([0xac])), '€');
  throwsCode(() => new util.TextDecoder('no-such-encoding'), 401);
  throwsCode(() => decoder.decodeToString('abc' as unknown as Uint8Array), 401);
});

test('Base64Helper in all four variants', async () => {
  const helper = new util.Base64Helper();
  const data = new Uint8Array([0xfb, 0xff, 0x41, 0x42]);
  assert.equal(helper.encodeToStringSync(data), '+/9BQg==');
  assert.equal(helper.encodeToStringSync(data, util.Type.BASIC_URL_SAFE), '-_9BQg');
  assert.deepEqual([...helper.encodeSync(new Uint8Array([65]))], [...new TextEncoder().encode('QQ==')]);
  assert.deepEqual([...helper.decodeSync('+/9BQg==')], [...data]);
  assert.deepEqual([...helper.decodeSync('-_9BQg', util.Type.BASIC_URL_SAFE)], [...data]);
  const long = new Uint8Array(60).fill(7);
  const mime = helper.encodeToStringSync(long, util.Type.MIME);
  assert.equal(mime.split('\r\n')[0].length, 76);
  assert.deepEqual([...helper.decodeSync(mime, util.Type.MIME)], [...long]);
  assert.equal(await helper.encodeToString(data), '+/9BQg==');
  assert.deepEqual([...(await helper.decode('QUI='))], [65, 66]);
  throwsCode(() => helper.decodeSync('@@@'), 401);
  throwsCode(() => helper.encodeToStringSync('x' as unknown as Uint8Array), 401);
});

test('RationalNumber', () => {
  const half = new util.RationalNumber(2, 4);
  assert.equal(half.getNumerator(), 1);
  assert.equal(half.getDenominator(), 2);
  assert.equal(half.toString(), '1/2');
  assert.equal(half.valueOf(), 0.5);
  const neg = util.RationalNumber.parseRationalNumber(3, -9);
  assert.equal(neg.toString(), '-1/3');
  assert.equal(half.compare(neg), 1);
  assert.equal(neg.compare(half), -1);
  assert.equal(half.compare(util.RationalNumber.createRationalFromString('3:6')), 0);
  assert.equal(half.equals(util.RationalNumber.createRationalFromString('1/2')), true);
  assert.equal(util.RationalNumber.getCommonDivisor(12, 18), 6);
  assert.equal(util.RationalNumber.getCommonFactor(7, 5), 1);
  assert.equal(new util.RationalNumber(0, 0).isNaN(), true);
  assert.equal(new util.RationalNumber(5, 0).isFinite(), false);
  assert.equal(new util.RationalNumber(5, 0).toString(), 'Infinity');
  assert.equal(new util.RationalNumber(0, 3).isZero(), true);
  throwsCode(() => util.RationalNumber.parseRationalNumber('1' as unknown as number, 2), 401);
  throwsCode(() => util.RationalNumber.createRationalFromString('a/b'), 401);
});

test('LRUCache evicts the least recently used entry', () => {
  const cache = new util.LRUCache<string, number>(2);
  assert.equal(cache.getCapacity(), 2);
  cache.put('a', 1);
  cache.put('b', 2);
  assert.equal(cache.get('a'), 1);
  cache.put('c', 3);
  assert.equal(cache.contains('b'), false);
  assert.deepEqual(cache.keys(), ['a', 'c']);
  assert.deepEqual(cache.values(), [1, 3]);
  assert.equal(cache.length, 2);
  assert.equal(cache.get('zz'), undefined);
  assert.equal(cache.getMatchCount(), 1);
  assert.equal(cache.getMissCount(), 1);
  assert.equal(cache.getPutCount(), 3);
  assert.equal(cache.getRemovalCount(), 1);
  assert.equal(cache.toString(), 'LRUCache[ maxSize = 2, hits = 1, misses = 1, hitRate = 50% ]');
  assert.equal(cache.remove('a'), 1);
  assert.equal(cache.remove('a'), undefined);
  cache.updateCapacity(1);
  cache.put('d', 4);
  assert.deepEqual([...cache], [['d', 4]]);
  cache.clear();
  assert.equal(cache.isEmpty(), true);
  assert.equal(new util.LRUCache<number, number>().getCapacity(), 64);
  throwsCode(() => new util.LRUCache<number, number>(0), 401);
  throwsCode(() => cache.updateCapacity(-3), 401);
});

test('LRUCache hooks: createDefault and afterRemoval', () => {
  const removed: string[] = [];
  class Squares extends util.LRUCache<number, number> {
    createDefault(key: number): number {
      return key * key;
    }
    afterRemoval(isEvict: boolean, key: number, value: number, newValue: number): void {
      removed.push(`${isEvict}:${key}:${value}:${newValue}`);
    }
  }
  const cache = new Squares(1);
  assert.equal(cache.get(3), 9);
  assert.equal(cache.getCreateCount(), 1);
  cache.put(3, 10);
  cache.put(4, 16);
  assert.deepEqual(removed, ['false:3:9:10', 'true:3:10:undefined']);
});

test('promisify, callbackWrapper, getHash and types', async () => {
  const legacy = (a: number, b: number, done: (err: unknown, value?: number) => void): void => done(null, a + b);
  const promised = util.promisify(legacy as unknown as (err: Object, value: Object) => void) as (a: number, b: number) => Promise<number>;
  assert.equal(await promised(2, 3), 5);
  const wrapped = util.callbackWrapper(async (x: number) => x * 2) as unknown as (x: number, cb: (e: unknown, v: unknown) => void) => void;
  const value = await new Promise((resolve) => wrapped(4, (_e, v) => resolve(v)));
  assert.equal(value, 8);
  const object = {};
  assert.equal(util.getHash(object), util.getHash(object));
  const types = new util.types();
  assert.equal(types.isDate(new Date()), true);
  assert.equal(types.isMap(new Set()), false);
  assert.equal(types.isUint8Array(new Uint8Array(1)), true);
});
