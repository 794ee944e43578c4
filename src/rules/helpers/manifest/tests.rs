//! Tests of the manifest data rules.

use crate::finding::Severity;
use crate::rules::testing::{at, Pkg};
use crate::rules::Profile;
use serde_json::json;

#[test]
fn manifest_version_below_store_floor() {
    const ID: &str = "manifest-version-below-store-floor";
    let old = Pkg::base().patch("manifest.json", json!({"manifestVersion": "1.9"}));
    assert_eq!(old.hits(ID), vec![at("manifest.json", "/manifestVersion")]);
    assert!(Pkg::base().hits(ID).is_empty());
    let current = Pkg::base().patch("manifest.json", json!({"manifestVersion": "1.10"}));
    assert!(current.hits(ID).is_empty());
}

#[test]
fn manifest_version_preview_is_error_in_store_info_in_org() {
    const ID: &str = "manifest-version-preview";
    let preview = Pkg::base().patch("manifest.json", json!({"manifestVersion": "devPreview"}));
    let store = preview.findings(ID);
    assert_eq!(store.len(), 1);
    assert_eq!(
        (store[0].file.as_str(), store[0].pointer.as_str()),
        ("manifest.json", "/manifestVersion")
    );
    assert_eq!(store[0].severity, Severity::Error);
    let org = preview.profile(Profile::Org).findings(ID);
    assert_eq!(org[0].severity, Severity::Info);
    assert!(Pkg::base().hits(ID).is_empty());
}

#[test]
fn manifest_id_nil_guid() {
    const ID: &str = "manifest-id-nil-guid";
    let nil = Pkg::base().patch(
        "manifest.json",
        json!({"id": "00000000-0000-0000-0000-000000000000"}),
    );
    assert_eq!(nil.hits(ID), vec![at("manifest.json", "/id")]);
    assert!(Pkg::base().hits(ID).is_empty());
}
