'use strict';
// What the SDK declares for a module specifier (@kit.X, @ohos.X, @arkts.X, @system.X):
// its declaration file, the names it exports, and, for kits, where each name comes from.
const fs = require('fs');
const path = require('path');
const { compilerSetup } = require('./compiler_options');

const SDK_FOLDERS = { '@kit.': ['kits'], '@ohos.': ['api'], '@arkts.': ['arkts'], '@system.': ['api'] };
const EXTENSIONS = ['.d.ts', '.d.ets'];

function declarationFile(sdkDir, specifier) {
  const prefix = Object.keys(SDK_FOLDERS).find((p) => specifier.startsWith(p));
  if (!prefix) return null;
  for (const folder of SDK_FOLDERS[prefix]) {
    for (const ext of EXTENSIONS) {
      const candidate = path.join(sdkDir, folder, specifier + ext);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  return null;
}

function hasModifier(node, ts, kind) {
  return (ts.getModifiers ? ts.getModifiers(node) || [] : node.modifiers || []).some((m) => m.kind === kind);
}

// Exports of a module file, parsed (never evaluated). Returns
//   names: exported names ('default' included), origins: name -> {from, imported} for
//   re-exported imports (kits), stars: modules re-exported with `export *`.
function moduleExports(file) {
  const { ts } = compilerSetup.toolchain();
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2021, true, ts.ScriptKind.TS);
  const imports = new Map(); // local name -> {from, imported}
  const names = new Set();
  const origins = new Map();
  const stars = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause) {
      const from = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (clause.name) imports.set(clause.name.text, { from, imported: 'default' });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) imports.set(bindings.name.text, { from, imported: '*' });
      if (bindings && ts.isNamedImports(bindings)) {
        for (const el of bindings.elements) {
          imports.set(el.name.text, { from, imported: (el.propertyName || el.name).text });
        }
      }
    }
  }
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      const from = statement.moduleSpecifier && statement.moduleSpecifier.text;
      if (!statement.exportClause) {
        if (from) stars.push(from);
        continue;
      }
      if (ts.isNamespaceExport(statement.exportClause)) {
        names.add(statement.exportClause.name.text);
        continue;
      }
      for (const el of statement.exportClause.elements) {
        const exported = el.name.text;
        const local = (el.propertyName || el.name).text;
        names.add(exported);
        if (from) origins.set(exported, { from, imported: local });
        else if (imports.has(local)) origins.set(exported, imports.get(local));
      }
    } else if (ts.isExportAssignment(statement)) {
      names.add('default');
    } else if (hasModifier(statement, ts, ts.SyntaxKind.ExportKeyword)) {
      if (hasModifier(statement, ts, ts.SyntaxKind.DefaultKeyword)) names.add('default');
      else if (ts.isVariableStatement(statement)) {
        for (const decl of statement.declarationList.declarations) {
          if (ts.isIdentifier(decl.name)) names.add(decl.name.text);
        }
      } else if (statement.name && ts.isIdentifier(statement.name)) names.add(statement.name.text);
    }
  }
  return { names, origins, stars };
}

module.exports = { declarationFile, moduleExports };
