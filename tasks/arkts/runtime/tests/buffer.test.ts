import { test } from 'node:test';
import assert from 'node:assert/strict';
import buffer from '../@ohos.buffer';
import { BusinessError } from '../@ohos.base';
import { throwsCode } from './helpers';
import { buffer as kitBuffer } from '../@kit.ArkTS';

function bytes(buf: buffer.Buffer): number[] {
  return Array.from(buf.values());
}

test('alloc zero-fills, or fills with a number, string or buffer pattern', () => {
  assert.deepEqual(bytes(buffer.alloc(3)), [0, 0, 0]);
  assert.deepEqual(bytes(buffer.alloc(3, 257)), [1, 1, 1]);
  assert.equal(buffer.alloc(5, 'ab').toString(), 'ababa');
  assert.deepEqual(bytes(buffer.alloc(4, 'a1b2', 'hex')), [0xa1, 0xb2, 0xa1, 0xb2]);
  assert.deepEqual(bytes(buffer.alloc(3, buffer.from([7, 8]))), [7, 8, 7]);
  assert.equal(buffer.allocUninitialized(4).length, 4);
  assert.equal(buffer.allocUninitializedFromPool(6).length, 6);
  throwsCode(() => buffer.alloc('3' as unknown as number), 401);
  throwsCode(() => buffer.alloc(-1), 401);
  throwsCode(() => buffer.allocUninitialized(1.5), 401);
});

test('from arrays, strings, array buffers, buffers and objects', () => {
  assert.deepEqual(bytes(buffer.from([1, 256, -1, 300])), [1, 0, 255, 44]);
  assert.deepEqual(bytes(buffer.from('héllo')), [104, 195, 169, 108, 108, 111]);
  assert.equal(buffer.from('aGVsbG8=', 'base64').toString(), 'hello');
  assert.equal(buffer.from('aGk_', 'base64url').toString('hex'), '68693f');
  assert.deepEqual(bytes(buffer.from('ab', 'utf16le')), [97, 0, 98, 0]);
  assert.deepEqual(bytes(buffer.from('\u00ff', 'latin1')), [255]);

  const source = new ArrayBuffer(8);
  const view = buffer.from(source, 2, 4);
  assert.equal(view.length, 4);
  assert.equal(view.byteOffset, 2);
  new Uint8Array(source)[3] = 9;
  assert.equal(view[1], 9, 'an ArrayBuffer is viewed, not copied');
  assert.equal(buffer.from(source, 5).length, 3);
  throwsCode(() => buffer.from(source, 9), 10200001);
  throwsCode(() => buffer.from(source, 2, 7), 10200001);

  const original = buffer.from([1, 2, 3]);
  const copy = buffer.from(original);
  copy[0] = 42;
  assert.equal(original[0], 1, 'a buffer is copied');
  assert.deepEqual(bytes(buffer.from(new Uint8Array([4, 5]))), [4, 5]);

  assert.equal(buffer.from(new String('text') as Object, 'utf8', 4).toString(), 'text');
  const primitive = { [Symbol.toPrimitive]: (): string => 'prim' };
  assert.equal(buffer.from(primitive, 'utf8', 4).toString(), 'prim');
  assert.deepEqual(bytes(buffer.from(buffer.from([5, 6]).toJSON())), [5, 6]);

  throwsCode(() => buffer.from(5 as unknown as number[]), 401);
  throwsCode(() => buffer.from('x', 'klingon' as buffer.BufferEncoding), 401);
});

test('byteLength, concat, isBuffer, isEncoding, compare, transcode', () => {
  assert.equal(buffer.byteLength('héllo'), 6);
  assert.equal(buffer.byteLength('aGVsbG8=', 'base64'), 5);
  assert.equal(buffer.byteLength('abcd', 'hex'), 2);
  assert.equal(buffer.byteLength(new ArrayBuffer(7)), 7);
  assert.equal(buffer.byteLength(new Uint16Array(3)), 6);
  throwsCode(() => buffer.byteLength(5 as unknown as string), 401);

  const joined = buffer.concat([buffer.from('ab'), new Uint8Array([99])]);
  assert.equal(joined.toString(), 'abc');
  assert.equal(buffer.concat([buffer.from('abc'), buffer.from('def')], 4).toString(), 'abcd');
  assert.deepEqual(bytes(buffer.concat([buffer.from([1])], 3)), [1, 0, 0]);
  throwsCode(() => buffer.concat([buffer.from('a')], -1), 10200001);
  throwsCode(() => buffer.concat(['a'] as unknown as Uint8Array[]), 401);

  assert.equal(buffer.isBuffer(buffer.alloc(1)), true);
  assert.equal(buffer.isBuffer(new Uint8Array(1)), false);
  assert.equal(buffer.isBuffer('abc'), false);
  for (const name of ['utf8', 'utf-8', 'ucs2', 'ucs-2', 'utf16le', 'base64', 'base64url', 'latin1', 'binary', 'ascii', 'hex']) {
    assert.equal(buffer.isEncoding(name), true, name);
  }
  assert.equal(buffer.isEncoding('gbk'), false);

  assert.equal(buffer.compare(buffer.from('abc'), buffer.from('abd')), -1);
  assert.equal(buffer.compare(buffer.from('b'), buffer.from('abc')), 1);
  assert.equal(buffer.compare(buffer.from('ab'), new Uint8Array([97, 98])), 0);
  assert.equal(buffer.compare(buffer.from('ab'), buffer.from('abc')), -1);
  throwsCode(() => buffer.compare('a' as unknown as Uint8Array, buffer.from('a')), 401);

  assert.deepEqual(bytes(buffer.transcode(buffer.from('€'), 'utf8', 'ucs2')), [0xac, 0x20]);
  assert.equal(buffer.transcode(buffer.from('hi', 'ucs2'), 'ucs2', 'utf8').toString(), 'hi');
});

test('length, buffer and byteOffset are read-only', () => {
  const buf = buffer.from('abc');
  assert.equal(buf.length, 3);
  assert.ok(buf.buffer instanceof ArrayBuffer);
  assert.equal(buf.byteOffset, 0);
  throwsCode(() => {
    buf.length = 1;
  }, 10200013);
  throwsCode(() => {
    buf.buffer = new ArrayBuffer(1);
  }, 10200013);
  throwsCode(() => {
    buf.byteOffset = 1;
  }, 10200013);
  assert.equal(buf.length, 3);
});

test('fill ranges, patterns and errors', () => {
  const buf = buffer.alloc(6);
  assert.equal(buf.fill('x', 1, 3), buf);
  assert.equal(buf.toString('latin1'), '\0xx\0\0\0');
  buf.fill(buffer.from([1, 2]), 2);
  assert.deepEqual(bytes(buf), [0, 120, 1, 2, 1, 2]);
  buf.fill('ffee', 0, 3, 'hex');
  assert.deepEqual(bytes(buf), [0xff, 0xee, 0xff, 2, 1, 2]);
  buf.fill(0);
  assert.deepEqual(bytes(buf), [0, 0, 0, 0, 0, 0]);
  throwsCode(() => buf.fill(1, 7), 10200001);
  throwsCode(() => buf.fill(1, 0, 7), 10200001);
  throwsCode(() => buf.fill(1, -1), 10200001);
  throwsCode(() => buf.fill({} as unknown as number), 401);
  throwsCode(() => buf.fill(1, '1' as unknown as number), 401);
});

test('compare, equals and copy', () => {
  const buf = buffer.from('abcdef');
  assert.equal(buf.compare(buffer.from('abcdef')), 0);
  assert.equal(buf.compare(buffer.from('b')), -1);
  assert.equal(buf.compare(buffer.from('aaa')), 1);
  assert.equal(buf.compare(buffer.from('xxcdx'), 2, 4, 2, 4), 0);
  throwsCode(() => buf.compare(buffer.from('a'), 0, 2), 10200001);
  throwsCode(() => buf.compare(buffer.from('a'), 0, 1, 0, 7), 10200001);
  throwsCode(() => buf.compare('abc' as unknown as Uint8Array), 401);

  assert.equal(buf.equals(buffer.from('abcdef')), true);
  assert.equal(buf.equals(new Uint8Array([97])), false);
  throwsCode(() => buf.equals('abcdef' as unknown as Uint8Array), 401);

  const target = buffer.alloc(4, '.');
  assert.equal(buf.copy(target, 1, 2), 3);
  assert.equal(target.toString(), '.cde');
  assert.equal(buf.copy(target, 0, 0, 100), 4, 'sourceEnd beyond the source is clamped');
  assert.equal(buf.copy(target, 4), 0);
  const overlap = buffer.from('123456');
  overlap.copy(overlap, 2, 0, 4);
  assert.equal(overlap.toString(), '121234');
  throwsCode(() => buf.copy(target, -1), 10200001);
  throwsCode(() => buf.copy(target, 0, -1), 10200001);
  throwsCode(() => buf.copy('x' as unknown as Uint8Array), 401);
});

test('includes, indexOf and lastIndexOf', () => {
  const buf = buffer.from('this is a buffer is');
  assert.equal(buf.indexOf('is'), 2);
  assert.equal(buf.indexOf('is', 3), 5);
  assert.equal(buf.indexOf(buffer.from('a buffer')), 8);
  assert.equal(buf.indexOf(105), 2);
  assert.equal(buf.indexOf('is', -2), 17, 'a negative offset counts from the end');
  assert.equal(buf.indexOf('zz'), -1);
  assert.equal(buf.indexOf('6973', 0, 'hex'), 2);
  assert.equal(buf.lastIndexOf('is'), 17);
  assert.equal(buf.lastIndexOf('is', 16), 5);
  assert.equal(buf.lastIndexOf(new Uint8Array([116])), 0);
  assert.equal(buf.includes('buffer'), true);
  assert.equal(buf.includes('buffer', 11), false);
  assert.equal(buf.includes(97), true);
  throwsCode(() => buf.indexOf({} as unknown as string), 401);
  throwsCode(() => buf.includes('a', '1' as unknown as number), 401);
});

test('keys, values, entries and index access', () => {
  const buf = buffer.from([10, 20]);
  assert.deepEqual([...buf.keys()], [0, 1]);
  assert.deepEqual([...buf.values()], [10, 20]);
  assert.deepEqual([...buf.entries()], [[0, 10], [1, 20]]);
  const seen: number[] = [];
  for (const byte of buf) {
    seen.push(byte);
  }
  assert.deepEqual(seen, [10, 20]);
  buf[1] = 300;
  assert.equal(buf[1], 44);
});

test('fixed-width integer and float reads and writes', () => {
  const buf = buffer.alloc(8);
  assert.equal(buf.writeUInt16BE(0x1234, 0), 2);
  assert.equal(buf.readUInt16BE(0), 0x1234);
  assert.equal(buf.readUInt16LE(0), 0x3412);
  assert.equal(buf.writeInt16LE(-2, 2), 4);
  assert.equal(buf.readInt16LE(2), -2);
  assert.equal(buf.readUInt16LE(2), 0xfffe);
  assert.equal(buf.writeInt8(-128, 4), 5);
  assert.equal(buf.readInt8(4), -128);
  assert.equal(buf.readUInt8(4), 128);
  assert.equal(buf.writeUInt8(255), 1);
  assert.equal(buf.readUInt8(), 255);

  buf.writeInt32BE(-123456789, 0);
  assert.equal(buf.readInt32BE(0), -123456789);
  buf.writeUInt32LE(0xdeadbeef, 4);
  assert.equal(buf.readUInt32LE(4), 0xdeadbeef);
  assert.equal(buf.readUInt32BE(4), 0xefbeadde);
  buf.writeInt32LE(-1, 0);
  assert.equal(buf.readInt32LE(0), -1);
  buf.writeUInt32BE(1, 0);
  assert.deepEqual(bytes(buf.subarray(0, 4)), [0, 0, 0, 1]);

  assert.equal(buf.writeFloatBE(1.5, 0), 4);
  assert.equal(buf.readFloatBE(0), 1.5);
  buf.writeFloatLE(-0.25, 4);
  assert.equal(buf.readFloatLE(4), -0.25);
  assert.equal(buf.writeDoubleLE(Math.PI), 8);
  assert.equal(buf.readDoubleLE(), Math.PI);
  buf.writeDoubleBE(-1e300);
  assert.equal(buf.readDoubleBE(), -1e300);
  assert.deepEqual(bytes(buffer.alloc(8).fill(0).subarray(0, 0)), []);
});

test('64-bit big integers', () => {
  const buf = buffer.alloc(8);
  assert.equal(buf.writeBigInt64BE(-2n), 8);
  assert.equal(buf.readBigInt64BE(), -2n);
  assert.equal(buf.readBigUInt64BE(), 2n ** 64n - 2n);
  buf.writeBigUInt64LE(0x0102030405060708n);
  assert.deepEqual(bytes(buf), [8, 7, 6, 5, 4, 3, 2, 1]);
  assert.equal(buf.readBigUInt64LE(), 0x0102030405060708n);
  buf.writeBigInt64LE(-(2n ** 63n));
  assert.equal(buf.readBigInt64LE(), -(2n ** 63n));
  buf.writeBigUInt64BE(5n);
  assert.equal(buf.readBigUInt64BE(), 5n);
  throwsCode(() => buf.writeBigInt64BE(2n ** 63n), 10200001);
  throwsCode(() => buf.writeBigUInt64LE(-1n), 10200001);
  throwsCode(() => buf.writeBigInt64LE(1 as unknown as bigint), 401);
  throwsCode(() => buf.readBigInt64LE(1), 10200001);
});

test('variable-width integers up to 48 bits', () => {
  const buf = buffer.alloc(6);
  assert.equal(buf.writeUIntBE(0x123456789abc, 0, 6), 6);
  assert.equal(buf.toString('hex'), '123456789abc');
  assert.equal(buf.readUIntBE(0, 6), 0x123456789abc);
  assert.equal(buf.readUIntLE(0, 2), 0x3412);
  buf.writeUIntLE(0x123456, 0, 3);
  assert.equal(buf.toString('hex', 0, 3), '563412');
  assert.equal(buf.writeIntBE(-1234, 1, 3), 4);
  assert.equal(buf.readIntBE(1, 3), -1234);
  buf.writeIntLE(-(2 ** 47), 0, 6);
  assert.equal(buf.readIntLE(0, 6), -(2 ** 47));
  assert.equal(buf.readUIntLE(0, 6), 2 ** 47);
  throwsCode(() => buf.readUIntBE(0, 7), 10200001);
  throwsCode(() => buf.readIntLE(0, 0), 10200001);
  throwsCode(() => buf.readIntBE(4, 3), 10200001);
  throwsCode(() => buf.writeUIntBE(256, 0, 1), 10200001);
  throwsCode(() => buf.writeIntLE(128, 0, 1), 10200001);
  throwsCode(() => buf.writeIntLE(1, 0, 7), 10200001);
});

test('range errors carry the documented message', () => {
  const buf = buffer.alloc(4);
  for (const read of [(): unknown => buf.readInt8(4), (): unknown => buf.readUInt16LE(3), (): unknown => buf.readDoubleBE(0)]) {
    throwsCode(read, 10200001);
  }
  try {
    buf.readUInt32BE(1);
    assert.fail('expected an error');
  } catch (error) {
    assert.ok(error instanceof BusinessError);
    assert.equal(error.message, 'The value of "offset" is out of range. It must be >= 0 and <= 0. Received value is: 1');
  }
  try {
    buf.writeUInt8(256);
    assert.fail('expected an error');
  } catch (error) {
    assert.equal((error as BusinessError).message,
      'The value of "value" is out of range. It must be >= 0 and <= 255. Received value is: 256');
  }
  throwsCode(() => buf.readInt8(-1), 10200001);
  throwsCode(() => buf.readInt8(0.5), 10200001);
  throwsCode(() => buf.readInt8('0' as unknown as number), 401);
  throwsCode(() => buf.writeInt16BE(40000), 10200001);
  throwsCode(() => buf.writeUInt32LE(-1), 10200001);
  throwsCode(() => buf.writeInt8('1' as unknown as number), 401);
  throwsCode(() => buf.writeFloatLE(1, 1), 10200001);
});

test('subarray shares memory; swap16/32/64 swap in place', () => {
  const buf = buffer.from('abcdef');
  const part = buf.subarray(1, 3);
  assert.ok(buffer.isBuffer(part));
  assert.equal(part.toString(), 'bc');
  assert.equal(part.byteOffset, 1);
  part[0] = 66;
  assert.equal(buf.toString(), 'aBcdef');
  assert.equal(buf.subarray(4).toString(), 'ef');
  assert.equal(buf.subarray().length, 6);

  assert.deepEqual(bytes(buffer.from([1, 2, 3, 4]).swap16()), [2, 1, 4, 3]);
  assert.deepEqual(bytes(buffer.from([1, 2, 3, 4]).swap32()), [4, 3, 2, 1]);
  assert.deepEqual(bytes(buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64()), [8, 7, 6, 5, 4, 3, 2, 1]);
  throwsCode(() => buffer.from([1, 2, 3]).swap16(), 10200009);
  throwsCode(() => buffer.from([1, 2]).swap32(), 10200009);
  throwsCode(() => buffer.from([1, 2, 3, 4]).swap64(), 10200009);
});

test('toJSON and toString in every encoding', () => {
  const buf = buffer.from('Hi!');
  assert.deepEqual(buf.toJSON(), { type: 'Buffer', data: [72, 105, 33] });
  assert.equal(JSON.stringify(buf), '{"type":"Buffer","data":[72,105,33]}');
  assert.equal(buf.toString(), 'Hi!');
  assert.equal(buf.toString('utf-8'), 'Hi!');
  assert.equal(buf.toString('hex'), '486921');
  assert.equal(buf.toString('base64'), 'SGkh');
  assert.equal(buffer.from([0xfb, 0xff]).toString('base64url'), '-_8');
  assert.equal(buffer.from([0xfb, 0xff]).toString('base64'), '+/8=');
  assert.equal(buffer.from([0xe9]).toString('latin1'), 'é');
  assert.equal(buffer.from([0xe9]).toString('binary'), 'é');
  assert.equal(buffer.from([104, 0, 105, 0]).toString('ucs2'), 'hi');
  assert.equal(buffer.from([104, 0, 105, 0]).toString('utf16le'), 'hi');
  assert.equal(buffer.from('abc').toString('ascii'), 'abc');
  assert.equal(buf.toString('utf8', 1), 'i!');
  assert.equal(buf.toString('utf8', 1, 2), 'i');
  assert.equal(buf.toString('utf8', 2, 100), '!');
  assert.equal(buf.toString('utf8', 3, 1), '');
  throwsCode(() => buf.toString('utf32'), 401);
});

test('write encodes into the buffer within its bounds', () => {
  const buf = buffer.alloc(8);
  assert.equal(buf.write('abc'), 3);
  assert.equal(buf.toString('utf8', 0, 3), 'abc');
  assert.equal(buf.write('xyz', 5), 3);
  assert.equal(buf.write('hello', 6), 2, 'stops at the end of the buffer');
  assert.equal(buf.toString('latin1', 5), 'xhe');
  assert.equal(buf.write('ffff', 0, 1, 'hex'), 1);
  assert.equal(buf[0], 0xff);
  assert.equal(buf.write('€', 6), 0, 'a character that does not fit is not written');
  assert.equal(buf.write('', 8), 0);
  throwsCode(() => buf.write('a', 9), 10200001);
  throwsCode(() => buf.write('a', 0, 9), 10200001);
  throwsCode(() => buf.write(1 as unknown as string), 401);
});

test('Blob joins sources, slices and reads back', async () => {
  const blob = new buffer.Blob(['ab', new Uint8Array([99]), new ArrayBuffer(1)], { type: 'text/plain' });
  assert.equal(blob.size, 4);
  assert.equal(blob.type, 'text/plain');
  assert.equal(await blob.text(), 'abc\0');
  const nested = new buffer.Blob([blob.slice(0, 3), 'd']);
  assert.equal(nested.type, '');
  assert.equal(await nested.text(), 'abcd');
  assert.equal(await nested.slice(-2).text(), 'cd');
  assert.equal(await nested.slice(1, -1, 'x/y').text(), 'bc');
  assert.equal(nested.slice(1, -1, 'x/y').type, 'x/y');
  assert.equal(nested.slice(3, 1).size, 0);
  const data = await nested.arrayBuffer();
  assert.deepEqual([...new Uint8Array(data)], [97, 98, 99, 100]);
  throwsCode(() => new buffer.Blob('abc' as unknown as string[]), 401);
  throwsCode(() => new buffer.Blob([5 as unknown as string]), 401);
});

test('@kit.ArkTS re-exports buffer', () => {
  assert.equal(kitBuffer, buffer);
  assert.equal(kitBuffer.from('kit').toString('hex'), '6b6974');
});
