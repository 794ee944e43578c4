//! `connector-icon-presence`: an independent-publisher connector ships an icon.png
//! (Microsoft applies the generic icon).

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::publisher_kind;
use crate::rules::Out;
use crate::submission::PublisherKind;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(c) = &ctx.connector else { return };
    if let (PublisherKind::Independent, Some(icon)) = (publisher_kind(ctx), c.icon.as_deref()) {
        out.push(
            Finding::at(icon, "", format!("an independent-publisher connector must not include an icon (found `{icon}`; publisher kind from {})", c.publisher_kind_source))
                .help("Remove icon.png: independent-publisher connectors get the generic icon on #da3b01 (the pull-request template asks you to confirm you submit no icon). If this is a verified publisher's connector, use --connector-kind certified.")
                .whole_file(),
        );
    }
}
