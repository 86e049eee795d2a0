#!/usr/bin/env node
/**
 * Prints one closing line for a whole test run, "tests: N passed, N failed", from the JSON
 * results Jest writes (npm run test:unit / test:e2e write test-output/jest-*.json).
 * A suite that failed to run at all (a compile error, a crash in setup) counts as failed.
 */
const fs = require("fs");
const path = require("path");

const dir = path.join(__dirname, "..", "test-output");
let passed = 0;
let failed = 0;
let files = 0;
for (const name of ["jest-unit.json", "jest-e2e.json"]) {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) continue;
  files++;
  const result = JSON.parse(fs.readFileSync(file, "utf8"));
  passed += result.numPassedTests;
  failed += result.numFailedTests + (result.numRuntimeErrorTestSuites || 0);
}
if (files === 0) {
  console.log("tests: 0 passed, 1 failed");
  console.error("No test results found in test-output/: the tests did not run.");
  process.exit(1);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
