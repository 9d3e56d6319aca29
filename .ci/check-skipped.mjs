// Reads a vitest JSON report of the real-data test files run without the data, and fails unless
// each file ran, nothing failed, and every test needing the data was skipped, saying why.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [reportPath, ...files] = process.argv.slice(2);
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const problems = [];
if (!report.success || report.numFailedTests > 0 || report.numFailedTestSuites > 0) problems.push('the run failed');
for (const file of files) {
  const result = report.testResults.find((entry) => entry.name === resolve(file));
  const needingData = (result?.assertionResults ?? []).filter((test) => test.ancestorTitles.some((title) => title.includes('[skipped: ')));
  if (needingData.length === 0) problems.push(`${file}: no test reported as skipped for missing data`);
  for (const test of needingData) if (test.status !== 'skipped' && test.status !== 'pending') problems.push(`${file}: "${test.title}" ${test.status}`);
}
if (problems.length > 0) {
  console.error(`The tests that need real data (hit-predictor files, MusicBrainz answers) did not skip cleanly without it:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
process.stdout.write(`Without the real data: ${report.numPendingTests} tests in ${files.length} files skipped, ${report.numPassedTests} passed, none failed.\n`);
