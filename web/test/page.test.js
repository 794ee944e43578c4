// Drives the browser page (web/dist/index.html, over file://) in headless Chromium and checks,
// for each fixture package, that the page's JSON report equals `appcert check --format json`'s
// on the same zip, for both profiles and with --deny warnings; that no request leaves the page;
// and (SCREENSHOTS=dir) takes screenshots of the page with a failing package.
// Environment: APPCERT (the binary), CHROMIUM (the browser), PACKAGES (folder of zips to check,
// made by scripts/test-web.sh).
"use strict";
const { test, after, before } = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync, spawnSync } = require("node:child_process");
const puppeteer = require("puppeteer-core");

const root = path.resolve(__dirname, "..", "..");
const page_url = "file://" + path.join(root, "web", "dist", "index.html");
const appcert = process.env.APPCERT;
const zips = process.env.PACKAGES;
const shots = process.env.SCREENSHOTS;

let browser;
let userDataDir;

before(async () => {
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "appcert-chromium-"));
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      `--user-data-dir=${userDataDir}`,
    ],
  });
});

after(async () => {
  if (browser) await browser.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
});

async function openPage() {
  const page = await browser.newPage();
  const outside = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("file://")) outside.push(r.url());
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(page_url);
  await page.waitForSelector("body[data-ready]");
  const ready = await page.$eval("body", (b) => b.dataset.ready);
  assert.strictEqual(ready, "true", "the checker did not start: " + errors.join("; "));
  return { page, outside, errors };
}

function cli(zip, args) {
  const r = spawnSync(appcert, ["check", path.basename(zip), "--format", "json", ...args], {
    cwd: path.dirname(zip),
    encoding: "utf8",
  });
  assert.ok(r.status === 0 || r.status === 1, `appcert exited with ${r.status}: ${r.stderr}`);
  return r.stdout;
}

async function pageReport(page, zip, profile, deny) {
  await page.select("#profile", profile);
  await page.$eval("#deny-warnings", (e, d) => { e.checked = d; }, deny);
  await page.$eval("#verdict", (e) => { e.dataset.verdict = ""; });
  // The same file chosen again fires no change event unless the input is cleared.
  await page.$eval("#package-input", (e) => { e.value = ""; });
  const input = await page.$("#package-input");
  await input.uploadFile(zip);
  // Polled from here: waitForFunction evaluates its predicate with `new Function`, which the
  // page's Content-Security-Policy forbids.
  const deadline = Date.now() + 30000;
  while ((await page.$eval("#verdict", (e) => e.dataset.verdict)) === "") {
    assert.ok(Date.now() < deadline, "no verdict after 30 s: " + (await page.$eval("#status", (e) => e.textContent)));
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    verdict: await page.$eval("#verdict", (e) => e.dataset.verdict),
    json: await page.$eval("#json-report", (e) => e.textContent),
  };
}

const packages = fs.readdirSync(zips).filter((n) => n.endsWith(".zip")).sort();

test("fixture packages are there", () => {
  assert.ok(packages.length > 0, "no zip in " + zips);
});

for (const name of packages) {
  test(`page report equals the command line's: ${name}`, async () => {
    const zip = path.join(zips, name);
    const { page, outside } = await openPage();
    for (const [profile, deny] of [["store", false], ["org", false], ["store", true]]) {
      const args = ["--profile", profile, ...(deny ? ["--deny", "warnings"] : [])];
      const expected = cli(zip, args);
      const got = await pageReport(page, zip, profile, deny);
      assert.strictEqual(got.json, expected, `${name} ${args.join(" ")}: reports differ`);
      assert.strictEqual(got.verdict, JSON.parse(expected).packages[0].verdict);
    }
    assert.deepStrictEqual(outside, [], "requests left the page");
    await page.close();
  });
}

test("the page says that no request leaves it, and states the checker's size", async () => {
  const { page } = await openPage();
  const privacy = await page.$eval("#privacy", (e) => e.textContent);
  assert.match(privacy, /No request leaves the page/);
  const size = await page.$eval("#wasm-size", (e) => e.textContent);
  assert.match(size, /MiB/);
  await page.close();
});

if (shots) {
  test("screenshots of the page with a failing package", async () => {
    const failing = packages.find((n) => n.startsWith("failing-"));
    assert.ok(failing, "no failing fixture package");
    const { page } = await openPage();
    await page.setViewport({ width: 1100, height: 900 });
    await pageReport(page, path.join(zips, failing), "store", false);
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, "web-failing-package.png") });
    await page.close();
  });
}
