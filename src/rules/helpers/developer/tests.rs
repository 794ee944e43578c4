//! Tests of the developer data rules.

use crate::rules::testing::{at, Pkg};
use serde_json::json;

#[test]
fn mpn_id_must_be_numeric() {
    const ID: &str = "developer-mpn-id-not-numeric";
    let bad = Pkg::base().patch("manifest.json", json!({"developer": {"mpnId": "MPN-12"}}));
    assert_eq!(bad.hits(ID), vec![at("manifest.json", "/developer/mpnId")]);
    assert!(Pkg::base().hits(ID).is_empty());
    let empty = Pkg::base().patch("manifest.json", json!({"developer": {"mpnId": ""}}));
    assert!(empty.hits(ID).is_empty());
    let absent = Pkg::base().patch("manifest.json", json!({"developer": {"mpnId": null}}));
    assert!(absent.hits(ID).is_empty());
}
