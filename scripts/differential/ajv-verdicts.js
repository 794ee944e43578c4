#!/usr/bin/env node
// Reference verdicts for the appcert schema differential check.
//
// Usage: node ajv-verdicts.js [--as-shipped] CASES.jsonl > VERDICTS.jsonl
//
// Each input line: {"id": "...", "schema": "teams/v1.16/MicrosoftTeams.schema.json", "instance": {...}}
// (schema path relative to schemas/json-schemas/). Each output line:
//   {"id", "schema", "valid": bool, "errors": ["<instancePath> <keyword>", ...]}
// or, when the schema does not compile:
//   {"id", "schema", "compile_error": "..."}
// or, when ajv throws while validating (no verdict):
//   {"id", "schema", "runtime_error": "..."}
//
// ajv is configured exactly as @microsoft/app-manifest@1.1.2 configures it in
// AppManifestUtils.fetchSchema / validateAgainstSchema (build/generated-types/index.js):
//   raw.replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b") on the raw schema text, JSON.parse,
//   ajv/dist/2020 when $schema contains "2020-12" else ajv-draft-04,
//   options {allErrors: true, strictTypes: false}, ajv-formats ["uri", "email", "regex"],
//   and validation of a JSON round-trip copy of the instance.
//
// With --as-shipped nothing else is done (some schemas then fail to compile,
// exactly as they do in the toolkit). Without it, the REFERENCE behaviour adds the
// minimal deliberate fixes documented in README.md ("Reference fixes"), which
// src/schema/quirks.rs reproduces on the Rust side:
//   R1 lone "]" outside a character class in a pattern is escaped to "\]"
//      (what JS does for it without the "u" flag; ajv compiles with "u" and throws);
//   R2 format "uuid" is registered from ajv-formats (the toolkit's strict-mode ajv
//      throws 'unknown format "uuid" ignored in schema ...');
//   R3 a draft-06 "$schema" is replaced with the draft-04 one, so draft-06 schemas compile
//      in ajv-draft-04 mode, the engine the toolkit picks for them (the toolkit's ajv throws
//      'no schema with key or ref "http://json-schema.org/draft-06/schema#"').
"use strict";

const fs = require("fs");
const path = require("path");
const readline = require("readline");
const Ajv2020 = require("ajv/dist/2020").default;
const AjvDraft04 = require("ajv-draft-04").default;
const addFormats = require("ajv-formats").default;

const SCHEMA_ROOT = path.resolve(__dirname, "..", "..", "schemas", "json-schemas");

// R1: escape a "]" that is not inside a character class and not escaped.
// Returns the pattern unchanged when there is none.
function escapeLoneBrackets(pattern) {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      out += c + (i + 1 < pattern.length ? pattern[i + 1] : "");
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      out += c;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      // "[]" and "[^]" : a "]" right after the opening is part of the class syntax in JS
      // (empty class), nothing to do specially here.
      continue;
    }
    if (c === "]") {
      out += "\\]";
      continue;
    }
    out += c;
  }
  return out;
}

function fixPatterns(node) {
  if (Array.isArray(node)) {
    node.forEach(fixPatterns);
    return;
  }
  if (node === null || typeof node !== "object") return;
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (key === "pattern" && typeof value === "string") {
      node[key] = escapeLoneBrackets(value);
    } else if (key === "patternProperties" && value && typeof value === "object" && !Array.isArray(value)) {
      const fixed = {};
      for (const k of Object.keys(value)) {
        fixed[escapeLoneBrackets(k)] = value[k];
        fixPatterns(value[k]);
      }
      node[key] = fixed;
    } else if (key === "enum" || key === "const" || key === "default" || key === "examples") {
      // data, not schema
    } else {
      fixPatterns(value);
    }
  }
}

function loadSchema(rel, asShipped) {
  const file = path.join(SCHEMA_ROOT, rel);
  const raw = fs.readFileSync(file, "utf8");
  const cleanedText = raw.replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b");
  const schema = JSON.parse(cleanedText);
  if (!asShipped) {
    fixPatterns(schema); // R1
    // R3: ajv-draft-04 only knows the draft-04 meta-schema. The toolkit hands draft-06
    // schemas to it anyway, so they are meant to run in ajv-draft-04 mode: say so.
    if (typeof schema.$schema === "string" && /^https?:\/\/json-schema\.org\/draft-06\/schema#?$/.test(schema.$schema)) {
      schema.$schema = "http://json-schema.org/draft-04/schema#";
    }
  }
  return schema;
}

function compile(rel, asShipped) {
  const schema = loadSchema(rel, asShipped);
  let ajv;
  if (schema.$schema?.includes("2020-12")) {
    ajv = new Ajv2020({ allErrors: true, strictTypes: false });
  } else {
    ajv = new AjvDraft04({ allErrors: true, strictTypes: false });
  }
  addFormats(ajv, asShipped ? ["uri", "email", "regex"] : ["uri", "email", "regex", "uuid"]); // R2
  return ajv.compile(schema);
}

async function main() {
  const args = process.argv.slice(2);
  const asShipped = args.includes("--as-shipped");
  const files = args.filter((a) => !a.startsWith("--"));
  if (files.length !== 1) {
    process.stderr.write("usage: node ajv-verdicts.js [--as-shipped] CASES.jsonl\n");
    process.exit(2);
  }
  const cache = new Map(); // schema path -> {validate} | {error}
  const rl = readline.createInterface({ input: fs.createReadStream(files[0]), crlfDelay: Infinity });
  const out = [];
  const flush = () => {
    if (out.length) {
      process.stdout.write(out.join(""));
      out.length = 0;
    }
  };
  for await (const line of rl) {
    if (!line.trim()) continue;
    const c = JSON.parse(line);
    let entry = cache.get(c.schema);
    if (!entry) {
      // Silence ajv's console warnings; strict-mode problems surface as exceptions.
      const warn = console.warn;
      console.warn = () => {};
      try {
        entry = { validate: compile(c.schema, asShipped) };
      } catch (e) {
        entry = { error: String(e && e.message ? e.message : e) };
      } finally {
        console.warn = warn;
      }
      cache.set(c.schema, entry);
    }
    if (entry.error !== undefined) {
      out.push(JSON.stringify({ id: c.id, schema: c.schema, compile_error: entry.error }) + "\n");
    } else {
      const instance = JSON.parse(JSON.stringify(c.instance));
      let valid;
      try {
        valid = entry.validate(instance);
      } catch (e) {
        // ajv itself throws on some instances (e.g. fast-deep-equal, used by uniqueItems/enum/const,
        // calls a "toString"/"valueOf" member of the data as a function). The toolkit would
        // propagate the exception: there is no verdict to compare with.
        out.push(JSON.stringify({ id: c.id, schema: c.schema, runtime_error: String(e && e.message ? e.message : e) }) + "\n");
        continue;
      }
      const errors = valid ? [] : (entry.validate.errors || []).map((e) => `${e.instancePath} ${e.keyword}`);
      out.push(JSON.stringify({ id: c.id, schema: c.schema, valid: !!valid, errors }) + "\n");
    }
    if (out.length >= 512) flush();
  }
  flush();
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exit(1);
});
