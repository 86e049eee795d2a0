#!/usr/bin/env node
"use strict";
// Entry point of the ar-desk command: runs the compiled CLI (npm run build:cli) and exits with its code.
const { main } = require("../lib/cli/main.js");

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, isTTY: Boolean(process.stderr.isTTY) }).then((code) => {
  process.exitCode = code;
});
