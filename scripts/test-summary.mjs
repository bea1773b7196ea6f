#!/usr/bin/env node
// Prints the closing line CI reads, `tests: N passed, N failed`, from vitest's JSON report.
import fs from 'node:fs';

const file = process.argv[2] ?? '.tmp/vitest-report.json';
let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(file)) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A file that failed to load has no tests to count; count it as a failure.
  for (const suite of report.testResults ?? []) {
    if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) failed += 1;
  }
} else {
  failed = 1;
  console.error(`no test report at ${file}`);
}
// A run that collected nothing (a config error, say) is a failure, not a pass.
if (passed + failed === 0) {
  failed = 1;
  console.error('no tests ran');
}
if (skipped) console.log(`(${skipped} skipped)`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
