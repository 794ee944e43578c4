//! `update-bot-id-changed`: a bot id of the published version is not in the manifest.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::update::bot_ids;
use crate::rules::helpers::update::both;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((prev, cur)) = both(ctx) else { return };
    let now = bot_ids(cur);
    let pointer = if cur.get("bots").is_some() {
        "/bots"
    } else if cur.get("composeExtensions").is_some() {
        "/composeExtensions"
    } else {
        ""
    };
    for id in bot_ids(prev) {
        if !now.contains(&id) {
            out.push(
                Finding::at(MANIFEST, pointer, format!("the published version's bot `{id}` is not in the manifest"))
                    .help(format!("Keep the bot id `{id}`: existing installations and conversations are tied to it."))
                    .label("bot id gone"),
            );
        }
    }
}
