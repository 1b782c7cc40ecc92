'use strict';
// Compiler options for checking ArkTS sources against the SDK declarations.
// Shared by the static checker; the SDK folder is the declarations' dist/ folder.
const fs = require('fs');
const path = require('path');

const TOOLCHAIN = path.resolve(__dirname, '..');
const ts = require(path.join(TOOLCHAIN, 'node_modules', 'ohos-typescript'));
const HYPIUM_TYPES = path.join(TOOLCHAIN, 'node_modules', '@ohos', 'hypium', 'index.d.ts');

// ArkUI component declarations: `declare const Column: ColumnInterface` and
// `declare const ColumnInstance: ColumnAttribute` pairs drive struct/build() checking.
function arkuiComponents(sdkDir) {
  const componentDir = path.join(sdkDir, 'component');
  const files = fs.readdirSync(componentDir).filter((f) => f.endsWith('.d.ts')).sort();
  const names = [];
  const instances = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(componentDir, file), 'utf8');
    for (const m of text.matchAll(/^declare const (\w+): (\w+)Interface;/gm)) names.push(m[1]);
    for (const m of text.matchAll(/^declare const (\w+)Instance: (\w+);/gm)) {
      instances.push({ name: m[1], type: m[2], instance: `${m[1]}Instance` });
    }
  }
  return { files: files.map((f) => path.join(componentDir, f)), names, instances };
}

// The ArkTS (`ets`) extension of the compiler options: how struct components,
// build() methods and the ArkUI decorators are understood.
function etsOptions(components) {
  return {
    render: { method: ['build', 'pageTransition'], decorator: ['Builder', 'LocalBuilder'] },
    components: components.names,
    extend: { decorator: ['Extend', 'AnimatableExtend'], components: components.instances },
    styles: {
      decorator: 'Styles',
      component: { name: 'Common', type: 'T', instance: 'CommonInstance' },
      property: 'stateStyles',
    },
    concurrent: { decorator: 'Concurrent' },
    customComponent: 'CustomComponent',
    propertyDecorators: [],
    emitDecorators: [],
    syntaxComponents: {
      paramsUICallback: ['ForEach', 'LazyForEach'],
      attrUICallback: [{ name: 'Repeat', attributes: ['each', 'template'] }],
    },
    libs: [],
  };
}

// Root files every program needs besides the candidates: ArkUI components and globals
// (console, setTimeout, ...), both from the SDK.
function compilerSetup(sdkDir) {
  const components = arkuiComponents(sdkDir);
  const options = {
    target: ts.ScriptTarget.ES2021,
    module: ts.ModuleKind.ES2020,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    moduleDetection: ts.ModuleDetectionKind.Force, // every candidate is its own module
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    experimentalDecorators: true,
    allowArbitraryExtensions: true,
    types: [],
    lib: ['lib.es2021.d.ts'],
    baseUrl: sdkDir,
    paths: {
      '@kit.*': ['kits/@kit.*'],
      '@ohos.*': ['api/@ohos.*'],
      '@arkts.*': ['arkts/@arkts.*'],
      '@system.*': ['api/@system.*'],
      '@ohos/hypium': [HYPIUM_TYPES],
    },
    ets: etsOptions(components),
  };
  const libraryRoots = [...components.files, path.join(sdkDir, 'global.d.ts')];
  return { ts, options, libraryRoots };
}

compilerSetup.toolchain = () => ({ ts });

module.exports = { compilerSetup, TOOLCHAIN };
