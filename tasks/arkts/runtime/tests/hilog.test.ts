import { test } from 'node:test';
import assert from 'node:assert/strict';
import hilog from '../@ohos.hilog';

test('arguments are private unless marked public', () => {
  assert.equal(hilog.formatMessage('%{public}s has %{public}d', ['box', 3]), 'box has 3');
  assert.equal(hilog.formatMessage('%{private}s and %s', ['a', 'b']), '<private> and <private>');
  assert.equal(hilog.formatMessage('100%% %{public}s', ['ok']), '100% ok');
});

test('log lines go to the console with level, domain and tag', (t) => {
  const lines: string[] = [];
  t.mock.method(console, 'log', (line: string) => lines.push(line));
  t.mock.method(console, 'error', (line: string) => lines.push(line));
  hilog.info(0x0000, 'testTag', '%{public}s', 'hello');
  hilog.error(0xff, 'tag', 'failed: %{public}d', 7);
  assert.deepEqual(lines, ['I 00000/testTag: hello', 'E 000FF/tag: failed: 7']);
  assert.equal(hilog.isLoggable(0, 'tag', hilog.LogLevel.INFO), true);
});
