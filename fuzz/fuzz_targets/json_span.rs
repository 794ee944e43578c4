//! The JSON span scanner and the document parser: any text must index or give an error, never
//! a panic, and every indexed span must lie inside the text on character boundaries.
#![no_main]

use appcert::json::parse_doc;
use appcert::json::span::SpanIndex;
use appcert::Limits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(index) = SpanIndex::build(text, limits.max_json_depth) {
            for (pointer, spans) in index.iter(text) {
                assert!(spans.value.start <= spans.value.end && spans.value.end <= text.len());
                assert!(text.is_char_boundary(spans.value.start));
                assert!(text.is_char_boundary(spans.value.end));
                if let Some(k) = &spans.key {
                    assert!(k.end <= text.len() && text.is_char_boundary(k.start));
                }
                let (found, _) = index.nearest(text, &pointer);
                assert_eq!(found, pointer);
                assert_eq!(index.get(text, &pointer), Some(spans));
            }
        }
    }
    let parsed = parse_doc("manifest.json", data, &limits);
    if let Some(doc) = &parsed.doc {
        if let Some(spans) = doc.spans() {
            let pointers: Vec<String> = spans.iter(doc.text).into_iter().map(|(p, _)| p).collect();
            for p in pointers.iter().take(64) {
                let _ = doc.locate(p, true);
                let _ = doc.locate(&format!("{p}/missing/0"), false);
            }
        }
    }
    for f in &parsed.findings {
        if let (Some(span), Some(text)) = (&f.span, parsed.doc.as_ref().map(|d| d.text).or(parsed.unparsed_text.as_deref())) {
            assert!(span.start <= span.end && span.end <= text.len(), "{f:?}");
        }
    }
});
