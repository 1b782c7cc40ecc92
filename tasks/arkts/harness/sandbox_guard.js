'use strict';
// Loaded with --require before any candidate code: removes the ways out of the process
// that Node's permission model does not cover (network), so a run cannot reach a host
// even where no network namespace isolates it.
const Module = require('module');

const BLOCKED = new Set([
  'net', 'http', 'https', 'http2', 'dgram', 'dns', 'dns/promises', 'tls', 'child_process',
  'cluster', 'worker_threads', 'inspector', 'inspector/promises', 'repl', 'undici',
]);

const originalLoad = Module._load;
Module._load = function guardedLoad(request, parent, isMain) {
  const name = request.startsWith('node:') ? request.slice(5) : request;
  if (BLOCKED.has(name)) {
    const error = new Error(`module '${request}' is not available in the sandbox`);
    error.code = 'ERR_SANDBOX_DENIED';
    throw error;
  }
  return originalLoad.call(this, request, parent, isMain);
};

for (const name of ['fetch', 'WebSocket', 'EventSource', 'Request', 'Response', 'Headers']) {
  delete globalThis[name];
}
const deny = (what) => () => {
  throw new Error(`${what} is not available in the sandbox`);
};
process.binding = deny('process.binding');
process._linkedBinding = deny('process._linkedBinding');
process.dlopen = deny('process.dlopen');
