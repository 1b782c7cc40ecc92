import { test } from 'node:test';
import assert from 'node:assert/strict';
import url from '../@ohos.url';
import { throwsCode } from './helpers';

test('parseURL splits a URL into its parts', () => {
  const u = url.URL.parseURL('https://user:pw@example.com:8080/a/b?x=1&y=2#frag');
  assert.equal(u.protocol, 'https:');
  assert.equal(u.username, 'user');
  assert.equal(u.password, 'pw');
  assert.equal(u.hostname, 'example.com');
  assert.equal(u.host, 'example.com:8080');
  assert.equal(u.port, '8080');
  assert.equal(u.pathname, '/a/b');
  assert.equal(u.search, '?x=1&y=2');
  assert.equal(u.hash, '#frag');
  assert.equal(u.origin, 'https://example.com:8080');
  assert.equal(u.toString(), 'https://user:pw@example.com:8080/a/b?x=1&y=2#frag');
  assert.equal(url.URL.parseURL('../c', 'https://h.com/a/b/').href, 'https://h.com/a/c');
  throwsCode(() => url.URL.parseURL('no scheme'), 10200002);
  throwsCode(() => url.URL.parseURL(7 as unknown as string), 401);
});

test('params are live and editable', () => {
  const u = url.URL.parseURL('http://h.com/?b=2&a=1');
  u.params.append('c', '3 4');
  assert.equal(u.href, 'http://h.com/?b=2&a=1&c=3+4');
  u.params.sort();
  assert.equal(u.search, '?a=1&b=2&c=3+4');
  u.port = '81';
  assert.equal(u.host, 'h.com:81');
  assert.equal(u.searchParams.get('c'), '3 4');
});

test('URLParams operations', () => {
  const params = new url.URLParams('a=1&b=2&a=3');
  assert.equal(params.get('a'), '1');
  assert.equal(params.get('zz'), null);
  assert.deepEqual(params.getAll('a'), ['1', '3']);
  assert.equal(params.has('b'), true);
  params.set('a', '9');
  params.delete('b');
  assert.equal(params.toString(), 'a=9');
  const built = new url.URLParams({ k: 'v', q: 'x y' });
  assert.deepEqual([...built.keys()], ['k', 'q']);
  assert.deepEqual([...built.values()], ['v', 'x y']);
  assert.deepEqual([...built], [['k', 'v'], ['q', 'x y']]);
  const seen: string[] = [];
  new url.URLParams([['x', '1'], ['y', '2']]).forEach((value, key) => seen.push(key + value));
  assert.deepEqual(seen, ['x1', 'y2']);
  assert.equal(new url.URLParams(built).toString(), 'k=v&q=x+y');
});
