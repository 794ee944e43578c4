//! `connector-categories`: the Categories metadata names more than two categories, or one
//! that is not in the documented list.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{metadata, swagger};
use crate::rules::Out;

/// The documented connector categories.
pub(crate) const CATEGORIES: &[&str] = &[
    "AI",
    "Business Management",
    "Business Intelligence",
    "Collaboration",
    "Commerce",
    "Communication",
    "Content and Files",
    "Finance",
    "Data",
    "Human Resources",
    "Internet of Things",
    "IT Operations",
    "Lifestyle and Entertainment",
    "Marketing",
    "Productivity",
    "Sales and CRM",
    "Security",
    "Social Media",
    "Website",
];

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    let Some((i, v)) = metadata(s, "Categories") else {
        return;
    };
    let Some(text) = v.as_str() else { return };
    let pointer = format!("/x-ms-connector-metadata/{i}/propertyValue");
    let names: Vec<&str> = text
        .split(';')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    if names.len() > 2 {
        out.push(
            Finding::at(
                file,
                pointer.clone(),
                format!(
                    "{} categories are given (\"{text}\"); at most two are allowed",
                    names.len()
                ),
            )
            .help("Keep the two categories that describe the service best.")
            .label("too many categories"),
        );
    }
    let unknown: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| !CATEGORIES.contains(n))
        .collect();
    if !unknown.is_empty() {
        out.push(
            Finding::at(
                file,
                pointer,
                format!(
                    "unknown categories: {} (the names are case-sensitive)",
                    unknown
                        .iter()
                        .map(|u| format!("\"{u}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
            .help(format!(
                "Use names of the documented list, separated by `;`: {}.",
                CATEGORIES.join(", ")
            ))
            .label("unknown category"),
        );
    }
}
