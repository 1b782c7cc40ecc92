'use strict';
// Bundle candidates with their hypium tests for execution off-device (esbuild JS API,
// all bundles of a request built concurrently in this one process).
// Usage: node bundle.js REQUEST.json
//   request: {"sdk_dir", "runtime_dir", "jobs": [{"id", "solution", "test", "out"}]}
// Prints one JSON object: {"results": {id: {"ok": bool, "errors": [{file, line, column, message}]}}}
//
// Module binding:
//   - every relative import the TEST makes is the candidate solution;
//   - @kit.X / @ohos.X / @arkts.X / @system.X: the runtime file <runtime_dir>/<X>.ts when
//     there is one, plus an off-device stand-in for every other name the SDK declares
//     (calling, constructing or touching one throws OffDeviceError). A kit with no runtime
//     file of its own re-exports each name from the module the SDK takes it from.
const fs = require('fs');
const path = require('path');
const { TOOLCHAIN } = require('./compiler_options');
const { declarationFile, moduleExports } = require('./sdk_modules');

const esbuild = require(path.join(TOOLCHAIN, 'node_modules', 'esbuild'));
const SDK_SPECIFIER = /^@(kit|ohos|arkts|system)\./;
// esbuild accepts decorators on classes only: drop the ones ArkTS puts on functions.
const FUNCTION_DECORATOR = /^([ \t]*)@(Concurrent|Sendable)\b[ \t]*\r?\n(?=[ \t]*(export[ \t]+)?(async[ \t]+)?function\b)/gm;

const STAND_IN_MODULE = `
export function standIn(moduleName, name) {
  const label = name === 'default' ? moduleName : moduleName + '.' + name;
  const fail = (what) => {
    const error = new Error(what + ' is not available off-device');
    error.name = 'OffDeviceError';
    throw error;
  };
  return new Proxy(function () {}, {
    apply: () => fail(label),
    construct: () => fail(label),
    get: (target, property) => {
      if (typeof property === 'symbol' || property === 'then') return undefined;
      return fail(label + '.' + property);
    },
  });
}
`;

function exportNames(file, seen = new Set()) {
  // Names a runtime file exports, following its `export * from './x'` re-exports.
  if (seen.has(file)) return new Set();
  seen.add(file);
  const { names, stars } = moduleExports(file);
  for (const star of stars) {
    if (!star.startsWith('.')) continue;
    const target = ['.ts', '/index.ts'].map((ext) => path.resolve(path.dirname(file), star + ext)).find(fs.existsSync);
    if (target) for (const n of exportNames(target, seen)) if (n !== 'default') names.add(n);
  }
  return names;
}

function sdkModuleSource(specifier, sdkDir, runtimeDir) {
  const runtimeFile = path.join(runtimeDir, `${specifier}.ts`);
  const declFile = declarationFile(sdkDir, specifier);
  const hasRuntime = fs.existsSync(runtimeFile);
  if (!hasRuntime && !declFile) return null;
  const provided = hasRuntime ? exportNames(runtimeFile) : new Set();
  const declared = declFile ? moduleExports(declFile) : { names: new Set(), origins: new Map() };
  const lines = ["import { standIn } from 'apisynth:stand-in';"];
  if (hasRuntime) {
    lines.push(`export * from ${JSON.stringify(runtimeFile)};`);
    if (provided.has('default')) lines.push(`export { default } from ${JSON.stringify(runtimeFile)};`);
  }
  let index = 0;
  for (const name of declared.names) {
    if (provided.has(name)) continue;
    const origin = declared.origins.get(name);
    if (!hasRuntime && origin && SDK_SPECIFIER.test(origin.from)) {
      const from = JSON.stringify(origin.from);
      if (origin.imported === '*') {
        lines.push(`import * as reexport${index} from ${from};`, `export { reexport${index} as ${name} };`);
        index += 1;
      } else {
        lines.push(`export { ${origin.imported} as ${name} } from ${from};`);
      }
    } else if (name === 'default') {
      lines.push(`export default standIn(${JSON.stringify(specifier)}, 'default');`);
    } else {
      lines.push(`export const ${name} = standIn(${JSON.stringify(specifier)}, ${JSON.stringify(name)});`);
    }
  }
  return lines.join('\n');
}

function entrySource(testFile) {
  // The test module is required lazily, inside the suite callback, so that tests which
  // call describe() at module top level register with an initialised runner.
  return `
import { Hypium } from '@ohos/hypium';
export function start(delegator, args) {
  Hypium.hypiumTest(delegator, args, () => {
    const suite = require(${JSON.stringify(testFile)});
    if (typeof suite.default === 'function') suite.default();
  });
}
`;
}

function bindingPlugin(job, sdkDir, runtimeDir) {
  const testFile = path.resolve(job.test);
  const solutionFile = path.resolve(job.solution);
  return {
    name: 'arkts-binding',
    setup(build) {
      build.onResolve({ filter: /^apisynth:entry$/ }, () => ({ path: 'entry', namespace: 'apisynth-entry' }));
      build.onLoad({ filter: /.*/, namespace: 'apisynth-entry' }, () => ({
        contents: entrySource(testFile),
        resolveDir: path.dirname(testFile),
        loader: 'js',
      }));
      build.onResolve({ filter: /^apisynth:stand-in$/ }, () => ({ path: 'stand-in', namespace: 'apisynth-stand-in' }));
      build.onLoad({ filter: /.*/, namespace: 'apisynth-stand-in' }, () => ({ contents: STAND_IN_MODULE, loader: 'js' }));
      build.onResolve({ filter: /^\.\.?\// }, (args) =>
        path.resolve(args.importer) === testFile ? { path: solutionFile } : undefined,
      );
      build.onResolve({ filter: SDK_SPECIFIER }, (args) => ({ path: args.path, namespace: 'sdk-module' }));
      build.onLoad({ filter: /.*/, namespace: 'sdk-module' }, (args) => {
        const contents = sdkModuleSource(args.path, sdkDir, runtimeDir);
        if (contents === null) return { errors: [{ text: `module '${args.path}' is neither in the SDK nor in the runtime` }] };
        return { contents, loader: 'js', resolveDir: runtimeDir };
      });
      build.onLoad({ filter: /\.ets$/ }, (args) => ({
        contents: fs.readFileSync(args.path, 'utf8').replace(FUNCTION_DECORATOR, '$1'),
        loader: 'ts',
      }));
    },
  };
}

async function bundleOne(job, sdkDir, runtimeDir) {
  try {
    await esbuild.build({
      entryPoints: ['apisynth:entry'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: job.out,
      write: true,
      logLevel: 'silent',
      nodePaths: [path.join(TOOLCHAIN, 'node_modules')],
      resolveExtensions: ['.ets', '.ts', '.js', '.mjs', '.json'],
      tsconfigRaw: { compilerOptions: { experimentalDecorators: true } },
      plugins: [bindingPlugin(job, sdkDir, runtimeDir)],
    });
    return { ok: true, errors: [] };
  } catch (failure) {
    const errors = (failure.errors || [{ text: String(failure.message || failure) }]).map((e) => ({
      file: e.location ? e.location.file : '',
      line: e.location ? e.location.line : 0,
      column: e.location ? e.location.column + 1 : 0,
      message: e.text,
    }));
    return { ok: false, errors };
  }
}

async function main() {
  const request = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const runtimeDir = path.resolve(request.runtime_dir);
  const outcomes = await Promise.all(request.jobs.map((job) => bundleOne(job, request.sdk_dir, runtimeDir)));
  const results = {};
  request.jobs.forEach((job, i) => {
    results[job.id] = outcomes[i];
  });
  process.stdout.write(JSON.stringify({ results }));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack));
  process.exit(1);
});
