#!/usr/bin/env node
// Runs the appcert binary of this platform, carried by the optional dependency
// @appcert/cli-<platform>-<arch> that npm installed beside this package: the arguments,
// standard input and output, the exit code and signals pass through unchanged.
"use strict";

const { spawn } = require("child_process");

const PACKAGES = {
  "darwin-arm64": "@appcert/cli-darwin-arm64",
  "darwin-x64": "@appcert/cli-darwin-x64",
  "linux-arm64": "@appcert/cli-linux-arm64",
  "linux-x64": "@appcert/cli-linux-x64",
  "win32-x64": "@appcert/cli-win32-x64",
};

const FROM_SOURCE =
  "install it with a Rust toolchain instead: cargo install --locked --git https://github.com/appcert/appcert appcert";

// Exit code 2: appcert could not run (as the binary itself reports usage errors).
function fail(message) {
  process.stderr.write(`appcert: error: ${message}\n`);
  process.exit(2);
}

function binaryPath() {
  const platform = `${process.platform}-${process.arch}`;
  const name = PACKAGES[platform];
  if (name === undefined) {
    fail(
      `no appcert binary is published on npm for ${platform} (there are: ${Object.keys(PACKAGES).join(", ")}); ${FROM_SOURCE}`,
    );
  }
  const file = process.platform === "win32" ? "appcert.exe" : "appcert";
  try {
    return require.resolve(`${name}/bin/${file}`);
  } catch {
    fail(
      `the package ${name}, which carries the appcert binary for ${platform}, is not installed: ` +
        "reinstall without --omit=optional / --no-optional (npm installs it as an optional dependency), " +
        `or ${FROM_SOURCE}`,
    );
  }
  return undefined;
}

const binary = binaryPath();
const child = spawn(binary, process.argv.slice(2), { stdio: "inherit", windowsHide: true });

// A signal sent to this process (CI cancelling the job, Ctrl-C) goes to the binary too.
const forwarded = ["SIGINT", "SIGTERM", "SIGHUP"];
for (const signal of forwarded) {
  process.on(signal, () => child.kill(signal));
}

child.on("error", (e) => fail(`cannot run ${binary}: ${e.message}`));
child.on("exit", (code, signal) => {
  if (signal !== null) {
    // End the way the binary ended, so that the caller sees the same signal.
    for (const s of forwarded) {
      process.removeAllListeners(s);
    }
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code === null ? 2 : code);
});
