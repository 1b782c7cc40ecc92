'use strict';
// Child-process side of a test run: load one bundle, run its hypium suites with a stand-in
// AbilityDelegator, and print ONE result line: <tag><JSON>.
// Usage (inside the sandbox): node --require sandbox_guard.js run_tests.js BUNDLE.js
// The tag comes from APISYNTH_RESULT_TAG and is taken out of the environment before any
// candidate code runs, so a candidate cannot forge the result line.
const tag = process.env.APISYNTH_RESULT_TAG || '';
delete process.env.APISYNTH_RESULT_TAG;

const OFF_DEVICE = 'is not available off-device';
const started = Date.now();
const tests = [];
let summary = null;
let reported = false;

function report(extra) {
  if (reported) return;
  reported = true;
  process.stdout.write(`\n${tag}${JSON.stringify({ tests, summary, elapsed_ms: Date.now() - started, ...extra })}\n`);
}

// Hypium speaks the device test protocol ("OHOS_REPORT_STATUS: key=value" lines);
// each finished test is one block with a status code: 0 pass, -1 error, -2 failure.
function parseBlock(message) {
  const fields = {};
  const free = [];
  for (const line of message.split('\n')) {
    const status = line.match(/^OHOS_REPORT_STATUS(?:_CODE)?: ?(.*)$/);
    if (line.startsWith('OHOS_REPORT_STATUS_CODE:')) fields.code = Number(line.split(':')[1]);
    else if (status) {
      const eq = status[1].indexOf('=');
      if (eq > 0) fields[status[1].slice(0, eq)] = status[1].slice(eq + 1);
    } else if (line.startsWith('OHOS_REPORT_RESULT: stream=')) {
      const m = line.match(/Tests run: (\d+), Failure: (\d+), Error: (\d+), Pass: (\d+)(?:, Ignore: (\d+))?/);
      if (m) summary = { run: +m[1], failure: +m[2], error: +m[3], pass: +m[4], ignore: +(m[5] || 0) };
    } else if (line.trim()) free.push(line);
  }
  return fields;
}

let pending = null; // the finished-test block waiting for its "consuming=" line
const delegator = {
  printSync(message) {
    const fields = parseBlock(String(message));
    if (fields.code !== undefined && fields.code !== 1) {
      const status = fields.code === 0 ? 'pass' : fields.code === -2 ? 'fail' : 'error';
      pending = { suite: fields.class || '', name: fields.test || '', status, message: fields.stack || '', duration_s: 0 };
      tests.push(pending);
      if (status !== 'pass' && pending.message.includes(OFF_DEVICE)) pending.off_device = true;
    }
    if (fields.consuming !== undefined && pending) {
      pending.duration_s = Number(fields.consuming) / 1000 || 0;
      pending = null;
    }
    if (fields.suiteconsuming !== undefined && Object.keys(fields).some((k) => !['class', 'suiteconsuming'].includes(k))) {
      // a hook (beforeAll/afterAll...) failed: hypium reports it on the suite's end block
      const hook = Object.keys(fields).find((k) => !['class', 'suiteconsuming'].includes(k));
      tests.push({ suite: fields.class || '', name: `[hook] ${hook}`, status: 'error', message: fields[hook], duration_s: 0 });
    }
  },
  print(message) {
    this.printSync(message);
    return Promise.resolve();
  },
  finishTest() {
    report({});
    process.exit(0);
  },
  executeShellCommand(command, timeout, callback) {
    const error = new Error('shell commands are not available off-device');
    const cb = typeof timeout === 'function' ? timeout : callback;
    if (typeof cb === 'function') {
      cb(error, { stdResult: '', exitCode: -1 });
      return undefined;
    }
    return Promise.reject(error);
  },
  getAppContext() {
    return {};
  },
};

process.on('uncaughtException', (error) => {
  const denied = error && error.code === 'ERR_ACCESS_DENIED' ? ` (${error.permission} ${error.resource || ''})` : '';
  report({ crash: `uncaught ${error && error.name}: ${error && error.message}${denied}`, stack: String(error && error.stack).slice(0, 2000) });
  process.exit(0);
});
process.on('unhandledRejection', () => {
  // Hypium awaits each test's promise itself; stray rejections elsewhere are not verdicts.
});

// Hypium's own chatter (console.info/debug) is not the candidate's output.
console.info = () => {};
console.debug = () => {};

const bundle = require(require('path').resolve(process.argv[2]));
const args = { bundleName: 'apisynth.offdevice', parameters: {}, testCaseNames: '', testRunnerClassName: '' };
try {
  bundle.start(delegator, args);
} catch (error) {
  report({ crash: `${error && error.name}: ${error && error.message}` });
  process.exit(0);
}
