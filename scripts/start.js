#!/usr/bin/env node
/**
 * `npm start`:
 * - Windows and macOS (Excel desktop can be sideloaded): a development build, then
 *   `office-addin-debugging start manifest.xml`, which starts the https dev server
 *   (`npm run dev-server`) and opens Excel with AR Desk sideloaded.
 * - Elsewhere (Linux, containers): Excel cannot be sideloaded, so start the workbench — the real
 *   task pane beside a simulated workbook — on http://localhost:3000/workbench.html and print
 *   its address. Stop it with Ctrl+C or `npm stop`.
 *
 * Options: --lang zh-CN (print the workbench address in Chinese), --port N (default 3000),
 * --workbench (start the workbench even on Windows/macOS).
 *
 * `node scripts/start.js stop` (`npm stop`) undoes either.
 */
"use strict";

const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const http = require("http");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const PID_FILE = path.join(ROOT, "node_modules", ".cache", "ar-desk", "workbench.pid");
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const canSideload = process.platform === "win32" || process.platform === "darwin";

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function nodeBin(pkg, bin) {
  return path.join(ROOT, "node_modules", pkg, bin);
}

function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const req = http.get(url, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve();
        else retry();
      });
      req.on("error", retry);
    };
    const retry = () => (Date.now() > deadline ? reject(new Error(`No answer from ${url}`)) : setTimeout(attempt, 500));
    attempt();
  });
}

function startSideload() {
  run("npm", ["run", "build:dev"]);
  run(process.execPath, [nodeBin("office-addin-debugging", "cli.js"), "start", "manifest.xml"]);
}

function startWorkbench() {
  const port = Number(option("port") || process.env.AR_DESK_PORT || 3000);
  const lang = option("lang");
  const address = `http://localhost:${port}/workbench.html${lang ? `?lang=${encodeURIComponent(lang)}` : ""}`;
  if (!canSideload) console.log(`Excel cannot be sideloaded on ${process.platform}: starting the AR Desk workbench (simulated Excel).`);
  const child = spawn(
    process.execPath,
    [
      nodeBin("webpack-cli", path.join("bin", "cli.js")),
      "serve",
      "--mode",
      "development",
      "--env",
      "workbench",
      "--env",
      "http",
      "--env",
      `port=${port}`,
    ],
    { cwd: ROOT, stdio: "inherit" },
  );
  fs.mkdirSync(path.dirname(PID_FILE), { recursive: true });
  fs.writeFileSync(PID_FILE, String(child.pid));
  const cleanup = () => {
    try {
      if (fs.readFileSync(PID_FILE, "utf8") === String(child.pid)) fs.unlinkSync(PID_FILE);
    } catch {
      // Already removed by `npm stop`.
    }
  };
  child.on("exit", (code, signal) => {
    cleanup();
    process.exit(code ?? (signal ? 0 : 1));
  });
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
  waitFor(`http://localhost:${port}/workbench.html`, 300000).then(
    () => {
      console.log("");
      console.log(`  AR Desk workbench: ${address}`);
      console.log(`  Chinese:           http://localhost:${port}/workbench.html?lang=zh-CN`);
      console.log("  Stop with Ctrl+C or `npm stop`.");
      console.log("");
    },
    (error) => console.error(error.message),
  );
}

function stop() {
  if (canSideload && !args.includes("--workbench")) {
    run(process.execPath, [nodeBin("office-addin-debugging", "cli.js"), "stop", "manifest.xml"]);
    return;
  }
  if (!fs.existsSync(PID_FILE)) {
    console.log("The workbench is not running.");
    return;
  }
  const pid = Number(fs.readFileSync(PID_FILE, "utf8"));
  try {
    process.kill(pid, "SIGTERM");
    console.log(`Stopped the workbench (process ${pid}).`);
  } catch {
    console.log("The workbench had already stopped.");
  }
  fs.rmSync(PID_FILE, { force: true });
}

if (args[0] === "stop") stop();
else if (canSideload && !args.includes("--workbench")) startSideload();
else startWorkbench();
