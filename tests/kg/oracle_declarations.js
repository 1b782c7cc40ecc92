// Independent oracle for the parser test: enumerate the declarations of every
// SDK file with the TypeScript compiler API (OpenHarmony's ohos-typescript,
// which understands ArkTS .d.ets). Prints one JSON line per declaration:
// [qualified name, kind]. Usage: node oracle_declarations.js TS_LIB SDK_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require(process.argv[2]);
const sdk = process.argv[3];

function files(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(full));
    else if (entry.name.endsWith('.d.ts') || entry.name.endsWith('.d.ets')) out.push(full);
  }
  return out;
}

function moduleName(rel) {
  const base = path.posix.basename(rel).replace(/\.d\.e?ts$/, '');
  if (base.startsWith('@')) return base;
  const dir = path.posix.dirname(rel);
  return dir === '.' ? base : `${dir}/${base}`;
}

function nameOf(node) {
  if (!node.name) return null;
  if (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) || ts.isNumericLiteral(node.name)) return node.name.text;
  return node.name.getText();
}

function emit(module, pathParts, kind) {
  process.stdout.write(JSON.stringify([`${module}/${pathParts.join('.')}`, kind]) + '\n');
}

function members(module, parts, list) {
  for (const m of list) {
    if (m.end <= m.pos) continue; // zero-width members are synthesised by the ArkTS parser (struct constructors)
    const name = ts.isConstructorDeclaration(m) ? 'constructor' : nameOf(m);
    if (name === null) continue;
    let kind = null;
    if (ts.isMethodDeclaration(m) || ts.isMethodSignature(m)) kind = name === 'constructor' ? 'constructor' : 'method';
    else if (ts.isConstructorDeclaration(m)) kind = 'constructor';
    else if (ts.isPropertyDeclaration(m) || ts.isPropertySignature(m) || ts.isGetAccessor(m) || ts.isSetAccessor(m)) kind = 'property';
    if (kind) emit(module, parts.concat([name]), kind);
  }
}

function statements(module, parts, list) {
  for (const s of list) {
    if (ts.isClassDeclaration(s) || ts.isStructDeclaration(s) || ts.isInterfaceDeclaration(s)) {
      const name = nameOf(s);
      if (!name) continue;
      const kind = ts.isInterfaceDeclaration(s) ? 'interface' : ts.isStructDeclaration(s) ? 'struct' : 'class';
      emit(module, parts.concat([name]), kind);
      members(module, parts.concat([name]), s.members);
    } else if (ts.isEnumDeclaration(s)) {
      emit(module, parts.concat([nameOf(s)]), 'enum');
    } else if (ts.isModuleDeclaration(s)) {
      if (ts.isStringLiteral(s.name)) {
        if (s.body && ts.isModuleBlock(s.body)) statements(module, parts, s.body.statements);
        continue;
      }
      let inner = parts.concat([s.name.text]);
      emit(module, inner, 'namespace');
      let body = s.body;
      while (body && ts.isModuleDeclaration(body)) {
        inner = inner.concat([body.name.text]);
        emit(module, inner, 'namespace');
        body = body.body;
      }
      if (body && ts.isModuleBlock(body)) statements(module, inner, body.statements);
    } else if (ts.isFunctionDeclaration(s) && s.name) {
      emit(module, parts.concat([s.name.text]), 'function');
    }
  }
}

for (const file of files(sdk)) {
  const rel = path.relative(sdk, file).split(path.sep).join('/');
  const kind = file.endsWith('.d.ets') ? ts.ScriptKind.ETS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, kind);
  statements(moduleName(rel), [], source.statements);
}
