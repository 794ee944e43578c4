// appcert's browser page: reads the chosen package into memory and runs the WebAssembly
// checker on it. Nothing is sent anywhere: there is no fetch, no form post, no beacon.
"use strict";

const $ = (id) => document.getElementById(id);
let lastReport = null;
let lastInput = null;
let ready = false;

function b64ToBytes(b64) {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

async function init() {
  const bytes = b64ToBytes(self.APPCERT_WASM_BASE64);
  await wasm_bindgen({ module_or_path: bytes });
  $("version").textContent = wasm_bindgen.version();
  $("wasm-size").textContent = (bytes.length / 1024 / 1024).toFixed(2) + " MiB";
  ready = true;
  $("status").textContent = "Ready: choose or drop a package.";
  document.body.dataset.ready = "true";
}

// files: [{name: path inside the package, bytes: Uint8Array}]
function runCheck(input, files) {
  lastInput = { input, files };
  const names = files.map((f) => f.name);
  const lengths = new Uint32Array(files.map((f) => f.bytes.length));
  const total = lengths.reduce((a, b) => a + b, 0);
  const data = new Uint8Array(total);
  let at = 0;
  for (const f of files) {
    data.set(f.bytes, at);
    at += f.bytes.length;
  }
  const profile = $("profile").value;
  const deny = $("deny-warnings").checked;
  const t0 = performance.now();
  const out = JSON.parse(wasm_bindgen.check(input, names, lengths, data, profile, deny));
  const ms = performance.now() - t0;
  lastReport = out.report;
  show(JSON.parse(out.report), out.report, out.sources, ms);
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

function snippet(text, line, column) {
  const lines = text.split("\n");
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 2);
  const width = String(to).length;
  const pre = el("pre", { class: "snippet" });
  for (let n = from; n <= to; n++) {
    const content = String(n).padStart(width) + " | " + lines[n - 1].replace(/\r$/, "");
    if (n === line) {
      const caret = " ".repeat(width) + " | " + " ".repeat(Math.max(0, (column || 1) - 1)) + "^";
      pre.append(el("span", { class: "hit" }, content + "\n" + caret));
    } else {
      pre.append(content + "\n");
    }
  }
  return pre;
}

function show(report, text, sources, ms) {
  const pkg = report.packages[0];
  const verdict = $("verdict");
  verdict.dataset.verdict = pkg.verdict;
  verdict.textContent = pkg.verdict === "pass" ? "pass" : "fail";
  const s = pkg.summary;
  $("summary").textContent =
    `${pkg.input}: ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info(s); ` +
    `profile ${report.profile}${report.deny_warnings ? ", warnings denied" : ""}; checked in ${ms.toFixed(0)} ms.`;
  $("json-report").textContent = text;
  const list = $("findings");
  list.replaceChildren();
  const byFile = new Map();
  for (const f of pkg.findings) {
    const key = f.file || "(package)";
    if (!byFile.has(key)) byFile.set(key, []);
    byFile.get(key).push(f);
  }
  if (byFile.size === 0) list.append(el("p", {}, "No findings."));
  for (const [file, findings] of byFile) {
    const section = el("section", { class: "file" }, el("h3", {}, file));
    for (const f of findings) {
      const where = f.line ? `${file}:${f.line}:${f.column || 1}` : file;
      const item = el(
        "div",
        { class: "finding" + (f.suppressed ? " suppressed" : "") },
        el("span", { class: `sev sev-${f.severity}` }, f.severity), " ",
        el("span", { class: "rule" }, f.rule), " ",
        f.message,
        el("div", { class: "where" }, where + (f.pointer ? `  (${f.pointer})` : "")),
      );
      if (f.line && sources[f.file] !== undefined) item.append(snippet(sources[f.file], f.line, f.column));
      if (f.help) item.append(el("p", { class: "fix" }, el("strong", {}, "Fix: "), f.help));
      if (f.suppressed) item.append(el("p", {}, "Suppressed: " + f.suppressed.reason));
      section.append(item);
    }
    list.append(section);
  }
  $("result").hidden = false;
  $("status").textContent = "Checked in this page; nothing was uploaded.";
}

async function readFiles(fileList, fromFolder) {
  const files = [];
  for (const f of fileList) {
    let name = fromFolder && f.webkitRelativePath ? f.webkitRelativePath : f.name;
    files.push({ name, bytes: new Uint8Array(await f.arrayBuffer()) });
  }
  return files;
}

// A folder's files are named "folder/…": the package is the folder, its files are named
// inside it.
function packageOf(files) {
  if (files.length === 1 && /\.zip$/i.test(files[0].name)) {
    return { input: files[0].name.split("/").pop(), files };
  }
  const first = files.length && files[0].name.includes("/") ? files[0].name.split("/")[0] : null;
  if (first && files.every((f) => f.name.startsWith(first + "/"))) {
    return {
      input: first,
      files: files.map((f) => ({ name: f.name.slice(first.length + 1), bytes: f.bytes })),
    };
  }
  return { input: "package", files };
}

async function choose(fileList, fromFolder) {
  if (!ready || !fileList || fileList.length === 0) return;
  $("status").textContent = "Checking…";
  const p = packageOf(await readFiles(fileList, fromFolder));
  runCheck(p.input, p.files);
}

// Dropped folders are walked with the entries API.
async function entryFiles(entry, prefix, out) {
  if (entry.isFile) {
    const file = await new Promise((res, rej) => entry.file(res, rej));
    out.push({ name: prefix + entry.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  } else if (entry.isDirectory) {
    const reader = entry.createReader();
    for (;;) {
      const batch = await new Promise((res, rej) => reader.readEntries(res, rej));
      if (batch.length === 0) break;
      for (const e of batch) await entryFiles(e, prefix + entry.name + "/", out);
    }
  }
}

function setup() {
  $("package-input").addEventListener("change", (e) => choose(e.target.files, false));
  $("folder-input").addEventListener("change", (e) => choose(e.target.files, true));
  for (const id of ["profile", "deny-warnings"]) {
    $(id).addEventListener("change", () => {
      if (lastInput) runCheck(lastInput.input, lastInput.files);
    });
  }
  $("download").addEventListener("click", () => {
    if (!lastReport) return;
    const url = URL.createObjectURL(new Blob([lastReport], { type: "application/json" }));
    const a = el("a", { href: url, download: "appcert-report.json" });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", async (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    if (!ready) return;
    const items = [...e.dataTransfer.items].map((i) => i.webkitGetAsEntry && i.webkitGetAsEntry()).filter(Boolean);
    if (items.length === 1 && items[0].isDirectory) {
      const out = [];
      await entryFiles(items[0], "", out);
      const p = packageOf(out);
      runCheck(p.input, p.files);
    } else {
      choose(e.dataTransfer.files, false);
    }
  });
}

setup();
init().catch((e) => {
  $("status").textContent = "The checker could not start: " + e;
  document.body.dataset.ready = "error";
});
