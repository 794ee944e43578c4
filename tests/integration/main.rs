//! The integration test binary: every module below shares one build.
//!
//! - `architecture`: no import cycle between the core's top-level modules; rules never import the engine.
//! - `packages`: every clean fixture passes, as a folder and as a zip; snapshots of both reports.
//! - `defects`: one test per package-level defect, built from the clean fixtures at test time.
//! - `cli`: the built binary: exit codes, output formats, discovery.
//! - `fix`: `check --fix`, `--unsafe-fixes` and `--diff` on folders and zips.
//! - `formats`: SARIF, JUnit, GitHub and Markdown reports, `--output FORMAT=FILE`.
//! - `report_schema`: JSON reports validate against `schemas/report.schema.json`.
//! - `failing`: failing fixture packages (fixtures/failing/*) under both profiles.
//! - `hostile`: crafted packages (bombs, deep JSON, unsafe names, …) end in findings, never a crash.
//! - `connectors`: Power Platform connector fixtures, the connector corpus (skipped when absent).
//! - `online`: `check --online` against local HTTPS servers with a test CA made at test time.
//! - `corpus`: the 300 real packages of `../shared/corpus` (skipped when absent).
//! - `realapps`: published apps and rejected → fixed pairs of `../shared/realapps` (skipped when
//!   absent): published apps pass but for true findings, rejected versions fail where the fix
//!   changed.

mod architecture;
mod batch;
mod cli;
mod common;
mod connectors;
mod corpus;
mod defects;
mod failing;
mod fix;
mod formats;
mod hostile;
mod lsp;
mod online;
mod packages;
mod realapps;
mod report_schema;
