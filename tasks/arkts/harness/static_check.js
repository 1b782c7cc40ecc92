'use strict';
// Static stage: type-check and ArkTS-1.1-lint many files in ONE compiler program.
// Usage: node static_check.js REQUEST.json
//   request: {"sdk_dir": "...", "candidates": [{"files": [{"path": "/abs/x.ets", "lint": true}, ...]}, ...]}
// A candidate whose files do not parse is left out of the program (its syntax errors
// are its verdict), so one broken sample cannot disturb the checking of the others.
// Prints one JSON object: {"diagnostics": [...], "global_diagnostics": [...], "elapsed_ms": n}
const fs = require('fs');
const path = require('path');
const { compilerSetup } = require('./compiler_options');

const IGNORED_CODES = new Set([28040]); // "may throw exceptions": noise from @throws tags

function position(diagnostic) {
  if (!diagnostic.file || diagnostic.start === undefined) return { line: 0, column: 0 };
  const pos = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return { line: pos.line + 1, column: pos.character + 1 };
}

function main() {
  const started = Date.now();
  const request = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const { ts, options, libraryRoots } = compilerSetup(request.sdk_dir);
  const wanted = new Map();
  for (const candidate of request.candidates) for (const f of candidate.files) wanted.set(path.resolve(f.path), f);

  const out = [];
  const globals = [];
  const seen = new Set();
  const collect = (diagnostic, source) => {
    if (IGNORED_CODES.has(diagnostic.code)) return;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file) {
      globals.push(`TS${diagnostic.code}: ${message}`);
      return;
    }
    const file = path.resolve(diagnostic.file.fileName);
    const entry = wanted.get(file);
    if (!entry || (source === 'lint' && !entry.lint)) return;
    const key = `${file}:${diagnostic.start}:${diagnostic.code}:${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    const rule = source === 'lint' ? (message.match(/\((arkts-[\w-]+)\)\s*$/) || [])[1] || '' : '';
    out.push({
      file,
      ...position(diagnostic),
      code: source === 'lint' ? String(diagnostic.code) : `TS${diagnostic.code}`,
      rule,
      message,
      category: diagnostic.category === ts.DiagnosticCategory.Error ? 'error' : 'warning',
      source,
    });
  };
  const internalError = (file, stage, error) => {
    out.push({
      file, line: 0, column: 0, code: 'INTERNAL', rule: '', category: 'error', source: stage,
      message: `the ${stage} stage failed on this file: ${String(error && error.message).split('\n')[0]}`,
    });
  };

  // Parse each candidate alone first; only candidates that parse join the program.
  const rootNames = [...libraryRoots];
  for (const candidate of request.candidates) {
    let parses = true;
    for (const f of candidate.files) {
      const file = path.resolve(f.path);
      const text = fs.readFileSync(file, 'utf8');
      const sf = ts.createSourceFile(file, text, options.target, true, ts.ScriptKind.ETS, options);
      for (const d of sf.parseDiagnostics) collect(d, 'typecheck');
      if (sf.parseDiagnostics.length) parses = false;
    }
    if (parses) rootNames.push(...candidate.files.map((f) => path.resolve(f.path)));
  }
  const builder = ts.createIncrementalProgramForArkTs({ rootNames, options });
  const program = builder.getProgram();

  for (const d of program.getOptionsDiagnostics()) collect(d, 'typecheck');
  for (const d of program.getGlobalDiagnostics()) collect(d, 'typecheck');
  const checked = program.getSourceFiles().filter((sf) => wanted.has(path.resolve(sf.fileName)));
  for (const sourceFile of checked) {
    try {
      for (const d of program.getSyntacticDiagnostics(sourceFile)) collect(d, 'typecheck');
      for (const d of program.getSemanticDiagnostics(sourceFile)) collect(d, 'typecheck');
    } catch (error) {
      internalError(path.resolve(sourceFile.fileName), 'typecheck', error);
    }
  }
  try {
    for (const d of ts.ArkTSLinter_1_1.runArkTSLinter(builder, undefined, undefined, 'ArkTS_1_1')) collect(d, 'lint');
  } catch (wholeProgramError) {
    // Fall back to linting file by file so that one file cannot void the others' verdicts.
    for (const sourceFile of checked) {
      if (!wanted.get(path.resolve(sourceFile.fileName)).lint) continue;
      try {
        for (const d of ts.ArkTSLinter_1_1.runArkTSLinter(builder, sourceFile, undefined, 'ArkTS_1_1')) collect(d, 'lint');
      } catch (error) {
        internalError(path.resolve(sourceFile.fileName), 'lint', error);
      }
    }
  }
  process.stdout.write(JSON.stringify({ diagnostics: out, global_diagnostics: globals, elapsed_ms: Date.now() - started }));
}

main();
