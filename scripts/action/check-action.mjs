// Validates the GitHub Action (action.yml at the repository root) and runs it locally.
//
// 1. SchemaStore's github-action schema (through @action-validator/core, pinned here).
// 2. Every `${{ inputs.X }}` is a declared input, every declared input is used, every
//    `steps.ID.outputs.Y` names a step that exists, and every `run` script parses (bash -n).
// 3. The composite steps run here, as the runner would run them (`bash --noprofile --norc -eo
//    pipefail`, GITHUB_OUTPUT, GITHUB_PATH, GITHUB_STEP_SUMMARY, RUNNER_TEMP), with
//    `install: none` and the appcert on PATH, on a clean package (gate passes, SARIF written,
//    summary appended), a failing one (exit-code 1, the gate fails) and a missing path
//    (exit-code 2, no SARIF upload, the gate fails); `uses:` steps are not run, only whether
//    they would be and with what.
//
// Usage: node scripts/action/check-action.mjs ROOT  (with appcert on PATH)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import yaml from "js-yaml";

const require = createRequire(import.meta.url);
const { validateAction } = require("@action-validator/core");

const root = path.resolve(process.argv[2] ?? ".");
const file = path.join(root, "action.yml");
const text = fs.readFileSync(file, "utf8");
const problems = [];

// 1. The schema.
const state = validateAction(text);
for (const e of state.errors) {
  problems.push(`schema: ${e.path ?? ""} ${e.title}${e.detail ? `: ${e.detail}` : ""}`);
}
const action = yaml.load(text);
if (action?.runs?.using !== "composite") {
  problems.push("runs.using is not composite");
}
const steps = action?.runs?.steps ?? [];
const declared = new Set(Object.keys(action?.inputs ?? {}));

// 2. References.
const used = new Set();
const exprs = [...text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => m[1]);
for (const s of steps) {
  if (s.if !== undefined && !String(s.if).includes("${{")) exprs.push(String(s.if));
}
const ids = new Set(steps.map((s) => s.id).filter(Boolean));
for (const expr of exprs) {
  for (const m of expr.matchAll(/\binputs\.([A-Za-z0-9_-]+)/g)) {
    used.add(m[1]);
    if (!declared.has(m[1])) problems.push(`\${{ inputs.${m[1]} }} is used but not declared`);
  }
  for (const m of expr.matchAll(/\bsteps\.([A-Za-z0-9_-]+)\.outputs\./g)) {
    if (!ids.has(m[1])) problems.push(`steps.${m[1]} is read but no step has that id`);
  }
}
for (const name of declared) {
  if (!used.has(name)) problems.push(`input ${name} is declared but never used`);
}
for (const [i, s] of steps.entries()) {
  if (s.run === undefined) continue;
  if (s.shell !== "bash") problems.push(`step ${i + 1} (${s.name}): shell is not bash`);
  const r = spawnSync("bash", ["-n"], { input: s.run, encoding: "utf8" });
  if (r.status !== 0) problems.push(`step ${i + 1} (${s.name}): bash -n: ${r.stderr.trim()}`);
}
if (problems.length > 0) {
  console.error(`action.yml: ${problems.length} problems:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`action.yml: valid (schema; ${declared.size} inputs declared and used; ${steps.length} steps)`);

// 3. A run of the composite steps.
function evaluate(expr, ctx) {
  // The small expression language the action uses: contexts, ==, !=, &&, ||, !, 'strings'.
  const js = expr
    .replace(/'([^']*)'/g, (_, s) => JSON.stringify(s))
    .replace(/\bcancelled\(\)/g, "false")
    .replace(/\balways\(\)/g, "true")
    .replace(/\bsuccess\(\)/g, "true")
    .replace(/\binputs\.([A-Za-z0-9_-]+)/g, (_, n) => `(I[${JSON.stringify(n)}] ?? "")`)
    .replace(
      /\bsteps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g,
      (_, id, n) => `((S[${JSON.stringify(id)}] ?? {})[${JSON.stringify(n)}] ?? "")`,
    )
    .replace(/\bgithub\.([A-Za-z0-9_]+)/g, (_, n) => `(G[${JSON.stringify(n)}] ?? "")`)
    .replace(/==/g, "===")
    .replace(/!===/g, "!==");
  return new Function("I", "S", "G", `return (${js});`)(ctx.inputs, ctx.steps, ctx.github);
}

function substitute(value, ctx) {
  return String(value).replace(/\$\{\{([\s\S]*?)\}\}/g, (_, e) => String(evaluate(e, ctx)));
}

function runAction(given, workspace) {
  const inputs = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    inputs[name] = given[name] ?? String(spec.default ?? "");
  }
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), "appcert-action-"));
  const summary = path.join(temp, "summary.md");
  fs.writeFileSync(summary, "");
  const ctx = { inputs, steps: {}, github: { action_ref: "" } };
  const log = { failedAt: null, code: 0, uses: [] };
  for (const s of steps) {
    const condition = s.if === undefined ? true : evaluate(String(s.if).replace(/^\$\{\{|\}\}$/g, ""), ctx);
    if (!condition) continue;
    if (s.uses !== undefined) {
      const w = Object.fromEntries(Object.entries(s.with ?? {}).map(([k, v]) => [k, substitute(v, ctx)]));
      log.uses.push({ uses: s.uses, with: w });
      continue;
    }
    const output = path.join(temp, `output-${s.id ?? "step"}`);
    fs.writeFileSync(output, "");
    const env = { ...process.env, GITHUB_OUTPUT: output, GITHUB_PATH: path.join(temp, "path"),
      GITHUB_STEP_SUMMARY: summary, RUNNER_TEMP: temp, GITHUB_ACTION_PATH: root };
    for (const [k, v] of Object.entries(s.env ?? {})) env[k] = substitute(v, ctx);
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", substitute(s.run, ctx)], {
      cwd: workspace, env, encoding: "utf8",
    });
    if (s.id) {
      ctx.steps[s.id] = Object.fromEntries(
        fs.readFileSync(output, "utf8").split("\n").filter((l) => l.includes("="))
          .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
      );
    }
    if (r.status !== 0) {
      log.failedAt = s.name;
      log.code = r.status;
      log.stdout = r.stdout;
      break;
    }
  }
  log.outputs = ctx.steps.check ?? {};
  log.summary = fs.readFileSync(summary, "utf8");
  fs.rmSync(temp, { recursive: true, force: true });
  return log;
}

function expect(what, ok, detail) {
  if (!ok) {
    console.error(`action run FAILED: ${what}\n${JSON.stringify(detail, null, 2)}`);
    process.exit(1);
  }
  console.log(`ok: ${what}`);
}

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "appcert-workspace-"));
try {
  fs.cpSync(path.join(root, "fixtures/packages/declarative-agent"), path.join(workspace, "appPackage"), { recursive: true });
  fs.cpSync(path.join(root, "fixtures/failing/listing-and-domains"), path.join(workspace, "broken"), { recursive: true });

  let r = runAction({ path: "appPackage", install: "none" }, workspace);
  const sarif = path.join(workspace, "appcert.sarif");
  expect(
    "a clean package: exit-code 0, SARIF written and uploaded, summary appended, the gate passes",
    r.failedAt === null && r.outputs["exit-code"] === "0" && fs.existsSync(sarif) &&
      JSON.parse(fs.readFileSync(sarif, "utf8")).runs[0].results.length === 0 &&
      r.uses.length === 1 && r.uses[0].with.sarif_file === "appcert.sarif" &&
      r.summary.includes("appPackage"),
    r,
  );

  r = runAction({ path: "appPackage broken", install: "none", profile: "org", "sarif-file": "reports.sarif", args: "--deny warnings" }, workspace);
  expect(
    "a failing package: exit-code 1, the gate step fails with 1 after the summary and the upload",
    r.failedAt === "Gate on the exit code" && r.code === 1 && r.outputs["exit-code"] === "1" &&
      r.outputs["sarif-file"] === "reports.sarif" && r.uses.length === 1 && r.summary.includes("broken"),
    r,
  );

  r = runAction({ path: "no-such-folder", install: "none", summary: "false" }, workspace);
  expect(
    "a missing path: exit-code 2, no SARIF upload, no summary, the gate fails with 2",
    r.failedAt === "Gate on the exit code" && r.code === 2 && r.outputs["exit-code"] === "2" &&
      r.outputs["sarif-file"] === "" && r.uses.length === 0 && r.summary === "",
    r,
  );

  r = runAction({ install: "pip" }, workspace);
  expect("an unknown install method stops at the install step", r.failedAt === "Install appcert" && r.code === 2, r);
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
