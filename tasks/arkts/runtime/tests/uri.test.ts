import { test } from 'node:test';
import assert from 'node:assert/strict';
import uri from '../@ohos.uri';
import { uri as kitUri } from '../@kit.ArkTS';
import { throwsCode } from './helpers';

function parts(u: uri.URI): Record<string, string | null> {
  return {
    scheme: u.scheme, userInfo: u.userInfo, host: u.host, port: u.port, path: u.path, query: u.query,
    fragment: u.fragment, authority: u.authority, ssp: u.ssp,
  };
}

test('components of the documented example URIs', () => {
  assert.deepEqual(parts(new uri.URI('ftp://ftp.aaa.bbb.ccc/dddd/eee.txt')), {
    scheme: 'ftp', userInfo: null, host: 'ftp.aaa.bbb.ccc', port: '-1', path: '/dddd/eee.txt', query: null,
    fragment: null, authority: 'ftp.aaa.bbb.ccc', ssp: '//ftp.aaa.bbb.ccc/dddd/eee.txt',
  });
  const gopher = new uri.URI('gopher://spinaltap.micro.umn.edu/00/Weather/California/Los%20Angeles#fragment');
  assert.equal(gopher.path, '/00/Weather/California/Los Angeles');
  assert.equal(gopher.encodedPath, '/00/Weather/California/Los%20Angeles');
  assert.equal(gopher.fragment, 'fragment');
  const share = new uri.URI('datashare:///com.samples.datasharetest.DataShare/DB00/TBL00');
  assert.equal(share.host, null);
  assert.equal(share.port, '-1');
  assert.equal(share.path, '/com.samples.datasharetest.DataShare/DB00/TBL00');
  assert.equal(share.toString(), 'datashare:///com.samples.datasharetest.DataShare/DB00/TBL00');
  assert.deepEqual(parts(new uri.URI('https://username:password@host:8080/directory/file?foo=1&bar=2#fragment')), {
    scheme: 'https', userInfo: 'username:password', host: 'host', port: '8080', path: '/directory/file',
    query: 'foo=1&bar=2', fragment: 'fragment', authority: 'username:password@host:8080',
    ssp: '//username:password@host:8080/directory/file?foo=1&bar=2',
  });
  const encoded = new uri.URI('https://username:my+name@host:8080/directory/my+file?foo=1&bar=2#fragment');
  assert.equal(encoded.encodedUserInfo, 'username:my+name');
  assert.equal(encoded.encodedPath, '/directory/my+file');
  assert.equal(encoded.encodedQuery, 'foo=1&bar=2');
  assert.equal(encoded.encodedFragment, 'fragment');
  assert.equal(encoded.encodedAuthority, 'username:my+name@host:8080');
  assert.equal(encoded.encodedSSP, '//username:my+name@host:8080/directory/my+file?foo=1&bar=2');
  const opaque = new uri.URI('www.abc.com:8080/directory/file?ab=pppppp#qwer=da');
  assert.deepEqual(parts(opaque), {
    scheme: 'www.abc.com', userInfo: null, host: null, port: '-1', path: null, query: null, fragment: 'qwer=da',
    authority: null, ssp: '8080/directory/file?ab=pppppp',
  });
  assert.equal(opaque.checkIsAbsolute(), true);
});

test('encoded and decoded forms; IPv6 hosts', () => {
  const u = new uri.URI('http://us%20er@h/a%2Fb%C3%A9?q=%E4%BD%A0#f%21');
  assert.equal(u.userInfo, 'us er');
  assert.equal(u.encodedUserInfo, 'us%20er');
  assert.equal(u.path, '/a/bé');
  assert.equal(u.query, 'q=你');
  assert.equal(u.fragment, 'f!');
  assert.equal(u.authority, 'us er@h');
  const v6 = new uri.URI('http://[::1]:8080/x');
  assert.equal(v6.host, '[::1]');
  assert.equal(v6.port, '8080');
});

test('toString encodes what a URI may not contain', () => {
  assert.equal(new uri.URI('https://username:password@host:8080/directory/file?ab=pppppp#qwer da').toString(),
    'https://username:password@host:8080/directory/file?ab=pppppp#qwer%20da');
  assert.equal(new uri.URI('http://h/ä b').toString(), 'http://h/%C3%A4%20b');
  assert.equal(new uri.URI('/relative/p?x=1').toString(), '/relative/p?x=1');
  assert.equal(new uri.URI('mailto:user@example.com').toString(), 'mailto:user@example.com');
});

test('invalid URI strings throw 10200002; wrong types 401', () => {
  for (const bad of ['', '1http://host', 'ht tp://host', 'http://host:80a/', 'http://[::1/', 'http:', 'a%zz', 'a\u0001b']) {
    throwsCode(() => new uri.URI(bad), 10200002);
  }
  throwsCode(() => new uri.URI(5 as unknown as string), 401);
});

test('equalsTo, equals and the absolute/relative/opaque/hierarchical checks', () => {
  const text = 'https://username:password@host:8080/directory/file?query=pppppp#qwer=da';
  assert.equal(new uri.URI(text).equalsTo(new uri.URI(text)), true);
  assert.equal(new uri.URI(text).equals(new uri.URI(text)), true);
  assert.equal(new uri.URI('HTTP://Host/p').equalsTo(new uri.URI('http://host/p')), true);
  assert.equal(new uri.URI('http://host/p').equalsTo(new uri.URI('http://host/P')), false);
  assert.equal(new uri.URI('http://host/p').equalsTo(new uri.URI('http://host/p#f')), false);
  assert.equal(new uri.URI('file:///x').equalsTo(new uri.URI('file:/x')), false);
  throwsCode(() => new uri.URI(text).equalsTo('x' as unknown as uri.URI), 401);

  assert.equal(new uri.URI('https://username:password@www.qwer.com:8080?query=pppppp').checkIsAbsolute(), true);
  assert.equal(new uri.URI('xxx.com/suppliers.htm').checkIsAbsolute(), false);
  assert.equal(new uri.URI('https://username:password@www.qwer.com:8080?query=p').checkRelative(), false);
  assert.equal(new uri.URI('/images/pic.jpg').checkRelative(), true);
  assert.equal(new uri.URI('http://www.test.com/images/pic.jpg').checkOpaque(), false);
  assert.equal(new uri.URI('mailto:user@example.com').checkOpaque(), true);
  assert.equal(new uri.URI('http://www.test.com/images/pic.jpg').checkHierarchical(), true);
  assert.equal(new uri.URI('mailto:user@example.com').checkHierarchical(), false);
  assert.equal(new uri.URI('images/pic.jpg').checkHierarchical(), true);
});

test('normalize resolves dot segments into a new URI', () => {
  const original = new uri.URI('https://username:password@www.qwer.com:8080/path/path1/../path2/./path3?query=pppppp');
  const normal = original.normalize();
  assert.equal(original.path, '/path/path1/../path2/./path3');
  assert.equal(normal.path, '/path/path2/path3');
  assert.equal(normal.toString(), 'https://username:password@www.qwer.com:8080/path/path2/path3?query=pppppp');
  assert.equal(new uri.URI('/a/../../b').normalize().path, '/b');
  assert.equal(new uri.URI('../a/./b/..').normalize().path, '../a/');
  assert.equal(new uri.URI('mailto:x@y').normalize().toString(), 'mailto:x@y');
});

test('query values, names, booleans; adding and clearing', () => {
  const u = new uri.URI('https://www.com?param1=value1&param2=value2');
  assert.equal(u.getQueryValue('param1'), 'value1');
  const escaped = new uri.URI('https://www.zyy.ss?sa%3D=po%7E');
  assert.equal(escaped.getQueryValue('sa='), 'po~');
  assert.equal(escaped.getQueryValue('abc'), null);
  assert.deepEqual(u.getQueryNames(), ['param1', 'param2']);
  const repeated = new uri.URI('https://www.test.com/search?query=name&query=my&flag');
  assert.deepEqual(repeated.getQueryValues('query'), ['name', 'my']);
  assert.deepEqual(repeated.getQueryValues('abc'), []);
  assert.deepEqual(repeated.getQueryNames(), ['query', 'flag']);
  assert.equal(repeated.getQueryValue('flag'), '');

  assert.equal(new uri.URI('https://www.test.com/search?active=true').getBooleanQueryValue('active', false), true);
  assert.equal(new uri.URI('https://www.test.com/search').getBooleanQueryValue('active', false), false);
  assert.equal(new uri.URI('https://www.test.com/search?active=aa&active=false').getBooleanQueryValue('active', false), true);
  assert.equal(new uri.URI('https://www.test.com/search?active=0').getBooleanQueryValue('active', true), false);
  assert.equal(new uri.URI('https://www.test.com/search?active=FALSE').getBooleanQueryValue('active', true), false);

  const base = new uri.URI('https://www.test.com');
  const added = base.addQueryValue('param1', 'hello world');
  assert.equal(added.toString(), 'https://www.test.com?param1=hello%20world');
  assert.equal(added.addQueryValue('k&', 'v=').toString(), 'https://www.test.com?param1=hello%20world&k%26=v%3D');
  assert.equal(added.getQueryValue('param1'), 'hello world');
  assert.equal(base.toString(), 'https://www.test.com', 'the original is unchanged');
  assert.equal(new uri.URI('https://www.test.com?param1=value1#f').clearQuery().toString(), 'https://www.test.com#f');
  assert.equal(new uri.URI('https://www.test.com?param1=value1').clearQuery().query, null);

  throwsCode(() => u.getQueryValue(1 as unknown as string), 401);
  throwsCode(() => u.addQueryValue('a', undefined as unknown as string), 401);
  throwsCode(() => u.getBooleanQueryValue('a', 'no' as unknown as boolean), 401);
});

test('segments: read, add encoded and decoded', () => {
  assert.equal(new uri.URI('content://com.test.provider/files/image.jpg').getLastSegment(), 'image.jpg');
  assert.deepEqual(new uri.URI('http://www.test.com/path/to/image.jpg').getSegment(), ['path', 'to', 'image.jpg']);
  assert.deepEqual(new uri.URI('http://h/a%20b/c/').getSegment(), ['a b', 'c']);
  assert.equal(new uri.URI('http://h/a/b/').getLastSegment(), 'b');
  assert.equal(new uri.URI('http://h').getLastSegment(), null);
  assert.deepEqual(new uri.URI('http://h').getSegment(), []);

  const base = new uri.URI('http://www.test.com');
  assert.equal(base.addSegment('my image.jpg').toString(), 'http://www.test.com/my%20image.jpg');
  assert.equal(base.addEncodedSegment('my%20image.jpg').toString(), 'http://www.test.com/my%20image.jpg');
  assert.equal(new uri.URI('http://h/dir/?q=1').addSegment('a/b').toString(), 'http://h/dir/a%2Fb?q=1');
  assert.equal(base.toString(), 'http://www.test.com');
  throwsCode(() => base.addSegment(3 as unknown as string), 401);
});

test('createFromParts builds an opaque URI from decoded parts', () => {
  const created = uri.URI.createFromParts('mailto', 'no body', 'top');
  assert.equal(created.toString(), 'mailto:no%20body#top');
  assert.equal(created.ssp, 'no body');
  assert.equal(created.fragment, 'top');
  assert.equal(created.checkOpaque(), true);
  assert.equal(uri.URI.createFromParts('tel', '+1 555#9', 'a b').toString(), 'tel:+1%20555%239#a%20b');
  throwsCode(() => uri.URI.createFromParts('mailto', 1 as unknown as string, ''), 401);
});

test('@kit.ArkTS re-exports uri', () => {
  assert.equal(kitUri, uri);
});
