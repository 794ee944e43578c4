//! `connector-script`: script.csx has no `class Script : ScriptBase`, is larger than 1 MB,
//! or imports a namespace custom code cannot use.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::Out;

/// The namespaces custom code may import ("Write code in a custom connector").
const ALLOWED: &[&str] = &[
    "System",
    "System.Collections",
    "System.Collections.Generic",
    "System.Diagnostics",
    "System.IO",
    "System.IO.Compression",
    "System.Linq",
    "System.Net",
    "System.Net.Http",
    "System.Net.Http.Headers",
    "System.Net.Security",
    "System.Security.Authentication",
    "System.Security.Cryptography",
    "System.Text",
    "System.Text.RegularExpressions",
    "System.Threading",
    "System.Threading.Tasks",
    "System.Web",
    "System.Xml",
    "System.Xml.Linq",
    "System.Drawing",
    "System.Drawing.Drawing2D",
    "System.Drawing.Imaging",
    "Microsoft.Extensions.Logging",
    "Newtonsoft.Json",
    "Newtonsoft.Json.Linq",
    // Where `ScriptBase` and `IScriptContext` live: merged Microsoft connectors (Azure
    // Communication Services) import it explicitly.
    "Microsoft.PowerPlatform.Connectors.CustomCode.CSharp",
];

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(file) = ctx.connector.as_ref().and_then(|c| c.script.as_deref()) else {
        return;
    };
    let Some(text) = ctx.unparsed.get(file) else {
        return;
    };
    if text.len() > 1_048_576 {
        out.push(
            Finding::at(
                file,
                "",
                format!(
                    "script.csx is {} bytes; custom code is limited to 1 MB",
                    text.len()
                ),
            )
            .help("Shrink the script below 1 MB (move logic to the service)."),
        );
    }
    // `class Script : ScriptBase`, any spacing; the class name in any case, as merged
    // connectors write `public class script: ScriptBase`.
    let compact: String = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" :", ":")
        .replace(": ", ":");
    if !compact
        .to_ascii_lowercase()
        .contains("class script:scriptbase")
    {
        out.push(
            Finding::at(file, "", "script.csx has no `public class Script : ScriptBase`")
                .help("Custom code must define `public class Script : ScriptBase` with `public override async Task<HttpResponseMessage> ExecuteAsync()`."),
        );
    }
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("using ") {
            let ns = rest.trim_end_matches(';').trim();
            // `using X = Y;` aliases and `using (var …)` statements are not imports.
            if !ns.contains('=')
                && !ns.starts_with('(')
                && !ns.starts_with("static ")
                && !ALLOWED.contains(&ns)
            {
                let start = offset + line.find("using").unwrap_or(0);
                out.push(
                    Finding::at(
                        file,
                        "",
                        format!("script.csx imports `{ns}`, which custom code cannot use"),
                    )
                    .help(format!(
                        "Use only the supported namespaces: {}.",
                        ALLOWED.join(", ")
                    ))
                    .at_span(start..start + t.len())
                    .label("namespace not supported"),
                );
            }
        }
        offset += line.len();
    }
}
