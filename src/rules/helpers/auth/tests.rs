//! Tests of the data rule `saas-offer-id-format` (rules/saas/), which has no code of its own.

use crate::rules::testing::{at, Pkg};
use serde_json::json;

const ID: &str = "saas-offer-id-format";

#[test]
fn saas_offer_id_without_publisher_prefix_is_flagged() {
    for bad in [
        "offer01",
        "contoso1234.offer.01",
        ".offer01",
        "contoso 1234.offer01",
    ] {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"subscriptionOffer": {"offerId": bad}}),
        );
        assert_eq!(
            pkg.hits(ID),
            vec![at("manifest.json", "/subscriptionOffer/offerId")],
            "{bad}"
        );
    }
}

#[test]
fn saas_offer_id_in_publisher_offer_form_passes() {
    let pkg = Pkg::base().patch(
        "manifest.json",
        json!({"subscriptionOffer": {"offerId": "harborlight_labs-1.standup-offer"}}),
    );
    assert!(pkg.hits(ID).is_empty());
    assert!(Pkg::base().hits(ID).is_empty());
}
