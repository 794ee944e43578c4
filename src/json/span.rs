//! JSON span scanner: maps RFC 6901 JSON pointers to byte spans in the source text.
//!
//! The scanner is a non-recursive state machine over bytes with an explicit
//! stack, so arbitrarily deep input cannot overflow the call stack, and every
//! step advances the position, so it always terminates. It accepts exactly the
//! JSON grammar of RFC 8259 (whitespace: space, tab, CR, LF; no comments, no
//! trailing commas, no control characters inside strings), with two deliberate
//! differences from `serde_json`: lone UTF-16 surrogate escapes are accepted
//! (decoded as U+FFFD in keys), and the depth limit is the caller's `max_depth`.
//!
//! Complexity: one pass over the text and one 24-byte node per JSON value, with
//! no string built and nothing hashed: a node holds its key's and value's byte
//! offsets and links to its first child and next sibling. A lookup walks the
//! pointer's tokens from the root, comparing member keys in the text; a member
//! repeated in an object resolves to its last occurrence (what `serde_json`
//! keeps), so nothing of an earlier occurrence's subtree is reachable.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::ops::Range;

/// Byte spans of one JSON value in the source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueSpans {
    /// Span of the member key including its quotes (`None` for array elements and the root).
    pub key: Option<Range<usize>>,
    /// Span of the whole value: strings include the quotes, objects and arrays run
    /// from `{`/`[` to the matching `}`/`]` inclusive, numbers and literals exactly.
    pub value: Range<usize>,
}

/// Index from RFC 6901 JSON pointer ("" = root, "/name/short", "/bots/0/scopes", keys
/// escaped with ~0 and ~1) to spans, for the text it was built from: every lookup takes that
/// text again (the index holds offsets into it, not a copy).
///
/// Pointer tokens are the decoded member keys (escape sequences such as
/// `\u006D` resolved) escaped per RFC 6901, or decimal array indices without
/// leading zeros. With duplicate keys the last occurrence wins, together with
/// its subtree; nothing from an earlier occurrence is reachable.
#[derive(Debug, Clone)]
pub struct SpanIndex {
    /// The values in preorder; the root is node 0.
    nodes: Vec<Node>,
}

/// No node (end of a sibling list, no child, no key).
const NONE: u32 = u32::MAX;

/// One value: offsets into the text, and its place in the tree.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// The member key with its quotes (`key_start == NONE` for elements and the root).
    key_start: u32,
    key_end: u32,
    value_start: u32,
    value_end: u32,
    /// The first child of an object or array.
    first: u32,
    /// The next member or element of the parent.
    next: u32,
}

impl Node {
    fn spans(&self) -> ValueSpans {
        ValueSpans {
            key: (self.key_start != NONE).then_some(self.key_start as usize..self.key_end as usize),
            value: self.value_start as usize..self.value_end as usize,
        }
    }
}

/// Why [`SpanIndex::build`] failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanError {
    /// An object or array at byte `offset` (its `{`/`[`) would be nested deeper than `max_depth`.
    TooDeep { offset: usize, max_depth: usize },
    /// The text is not JSON; `offset` is the first byte that does not fit
    /// (`text.len()` for unexpected end of text).
    Syntax { offset: usize },
    /// The text is longer than the index's 32-bit offsets reach (4 GiB; package limits stop
    /// far below).
    TooLong { len: usize },
}

impl ScanError {
    /// Byte offset the error refers to.
    #[must_use]
    pub fn offset(&self) -> usize {
        match *self {
            ScanError::TooDeep { offset, .. } | ScanError::Syntax { offset } => offset,
            ScanError::TooLong { .. } => 0,
        }
    }
}

impl fmt::Display for ScanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScanError::TooDeep { offset, max_depth } => write!(
                f,
                "JSON nesting deeper than {max_depth} levels at byte offset {offset}"
            ),
            ScanError::Syntax { offset } => write!(f, "JSON syntax error at byte offset {offset}"),
            ScanError::TooLong { len } => {
                write!(f, "JSON text of {len} bytes is too long to index")
            }
        }
    }
}

impl std::error::Error for ScanError {}

impl SpanIndex {
    /// Scans `text` (the caller has already stripped any UTF-8 BOM; offsets are relative to `text`).
    ///
    /// Never panics and never recurses (the nesting lives on an explicit stack),
    /// and runs in time linear in `text`.
    /// Depth counts containers: the root object/array is at depth 1, so
    /// `max_depth == 128` accepts 128 nested `[` and rejects the 129th;
    /// `max_depth == 0` accepts only a scalar root. Scalars do not add depth.
    ///
    /// # Errors
    ///
    /// [`ScanError::TooDeep`] when an object or array would be nested deeper than
    /// `max_depth`; [`ScanError::Syntax`] when `text` is not a single JSON value
    /// surrounded by optional whitespace; [`ScanError::TooLong`] above 4 GiB. The text has
    /// normally been validated by `serde_json` already; anything malformed still gives
    /// `Syntax`, never a panic.
    pub fn build(text: &str, max_depth: usize) -> Result<SpanIndex, ScanError> {
        if text.len() >= NONE as usize {
            return Err(ScanError::TooLong { len: text.len() });
        }
        let mut scanner = Scanner {
            b: text.as_bytes(),
            pos: 0,
            nodes: Vec::new(),
            stack: Vec::new(),
        };
        scanner.run(max_depth)?;
        Ok(SpanIndex {
            nodes: scanner.nodes,
        })
    }

    /// Spans of the value at `pointer` in `text` (the text the index was built from), if it
    /// exists.
    #[must_use]
    pub fn get(&self, text: &str, pointer: &str) -> Option<ValueSpans> {
        let (found, node) = self.walk(text, pointer);
        (found == pointer.len()).then(|| node.spans())
    }

    /// The deepest existing pointer that is `pointer` itself or one of its ancestors, with
    /// its spans (the root always exists after a successful build).
    ///
    /// A string that is not a pointer (no leading `/`) ends at the root `""`.
    #[must_use]
    pub fn nearest<'p>(&self, text: &str, pointer: &'p str) -> (&'p str, ValueSpans) {
        let (found, node) = self.walk(text, pointer);
        (pointer.get(..found).unwrap_or(""), node.spans())
    }

    /// The length of the longest prefix of `pointer` that exists, and its node.
    fn walk(&self, text: &str, pointer: &str) -> (usize, Node) {
        const NO_ROOT: Node = Node {
            key_start: NONE,
            key_end: NONE,
            value_start: 0,
            value_end: 0,
            first: NONE,
            next: NONE,
        };
        let Some(&root) = self.nodes.first() else {
            // Unreachable: a successfully built index always holds the root.
            return (0, NO_ROOT);
        };
        let (mut node, mut found) = (root, 0);
        let Some(rest) = pointer.strip_prefix('/') else {
            return (0, root);
        };
        for token in rest.split('/') {
            let child = match text.as_bytes().get(node.value_start as usize) {
                Some(b'{') => self.member(text, node, token),
                Some(b'[') => self.element(node, token),
                _ => None,
            };
            let Some(child) = child else {
                break;
            };
            node = child;
            found += 1 + token.len();
        }
        (found, node)
    }

    fn children(&self, parent: Node) -> impl Iterator<Item = Node> + '_ {
        let mut at = parent.first;
        std::iter::from_fn(move || {
            let node = *self.nodes.get(at as usize)?;
            at = node.next;
            Some(node)
        })
    }

    /// The last member of object `parent` whose key escapes to `token`.
    fn member(&self, text: &str, parent: Node, token: &str) -> Option<Node> {
        self.children(parent)
            .filter(|child| key_is(text, child, token))
            .last()
    }

    /// Element `token` (a decimal index without leading zeros) of array `parent`.
    fn element(&self, parent: Node, token: &str) -> Option<Node> {
        let canonical = !token.is_empty()
            && token.bytes().all(|b| b.is_ascii_digit())
            && (token == "0" || !token.starts_with('0'));
        if !canonical {
            return None;
        }
        self.children(parent).nth(token.parse().ok()?)
    }

    /// Number of values that a pointer reaches (earlier occurrences of a repeated key and
    /// their subtrees excluded).
    #[must_use]
    pub fn len(&self, text: &str) -> usize {
        self.iter(text).len()
    }

    /// Always `false` after a successful build (the root is indexed).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Every pointer that reaches a value, with its spans, in document order. Builds every
    /// pointer: for tests and fuzzing, not for lookups.
    #[must_use]
    pub fn iter(&self, text: &str) -> Vec<(String, ValueSpans)> {
        let mut out = Vec::new();
        let Some(&root) = self.nodes.first() else {
            return out;
        };
        let mut stack = vec![(String::new(), root)];
        while let Some((pointer, node)) = stack.pop() {
            let children: Vec<Node> = self.children(node).collect();
            let object = text.as_bytes().get(node.value_start as usize) == Some(&b'{');
            let mut seen = HashSet::new();
            let mut live = Vec::new();
            for (i, child) in children.iter().enumerate().rev() {
                let token = if object {
                    escape_token(&key_text(text, child)).into_owned()
                } else {
                    i.to_string()
                };
                if seen.insert(token.clone()) {
                    live.push((format!("{pointer}/{token}"), *child));
                }
            }
            out.push((pointer, node.spans()));
            stack.extend(live);
        }
        out
    }
}

/// The decoded key of a member node.
fn key_text<'t>(text: &'t str, node: &Node) -> Cow<'t, str> {
    let raw = text
        .get(node.key_start as usize + 1..(node.key_end as usize).saturating_sub(1))
        .unwrap_or("");
    decode_string(raw)
}

/// Whether the key of member `node` escapes (RFC 6901) to `token`, without building it.
fn key_is(text: &str, node: &Node, token: &str) -> bool {
    let raw = text
        .as_bytes()
        .get(node.key_start as usize + 1..(node.key_end as usize).saturating_sub(1))
        .unwrap_or_default();
    // Most keys have no escape and most tokens no `~`: then the bytes compare as they are.
    if memchr::memchr(b'\\', raw).is_none() && memchr::memchr(b'~', token.as_bytes()).is_none() {
        return raw == token.as_bytes();
    }
    let key = key_text(text, node);
    let mut t = token.as_bytes().iter();
    for &b in key.as_bytes() {
        let ok = match b {
            b'~' => t.next() == Some(&b'~') && t.next() == Some(&b'0'),
            b'/' => t.next() == Some(&b'~') && t.next() == Some(&b'1'),
            b => t.next() == Some(&b),
        };
        if !ok {
            return false;
        }
    }
    t.next().is_none()
}

/// RFC 6901: escapes one reference token (`"~"` → `"~0"`, `"/"` → `"~1"`).
#[must_use]
pub fn escape_token(token: &str) -> Cow<'_, str> {
    if memchr::memchr2(b'~', b'/', token.as_bytes()).is_none() {
        return Cow::Borrowed(token);
    }
    let mut out = String::with_capacity(token.len() + 4);
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// RFC 6901: unescapes one reference token (`"~1"` → `"/"`, `"~0"` → `"~"`).
/// An invalid `~` sequence (`~` not followed by `0` or `1`) is kept as is.
#[must_use]
pub fn unescape_token(token: &str) -> Cow<'_, str> {
    if !token.contains('~') {
        return Cow::Borrowed(token);
    }
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.peek() {
                Some('0') => {
                    chars.next();
                    out.push('~');
                }
                Some('1') => {
                    chars.next();
                    out.push('/');
                }
                _ => out.push('~'),
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Appends an unescaped `token` to `pointer`: `join("/a", "b/c") == "/a/b~1c"`.
#[must_use]
pub fn join(pointer: &str, token: &str) -> String {
    let token = escape_token(token);
    let mut out = String::with_capacity(pointer.len() + 1 + token.len());
    out.push_str(pointer);
    out.push('/');
    out.push_str(&token);
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Object,
    Array,
}

/// An open object or array.
struct Frame {
    kind: Kind,
    /// Its node.
    node: u32,
    /// Its last child so far (`NONE` before the first).
    last: u32,
}

enum Next {
    /// A value (member value, array element or root), with its member key.
    Value { key: Option<Range<usize>> },
    /// After `{`: a key or `}`.
    ObjectFirst,
    /// After `,` in an object: a key.
    ObjectKey,
    /// After `[`: a value or `]`.
    ArrayFirst,
    /// After a complete value: `,`, a closing bracket, or end of text at the root.
    AfterValue,
}

struct Scanner<'a> {
    b: &'a [u8],
    pos: usize,
    nodes: Vec<Node>,
    stack: Vec<Frame>,
}

impl Scanner<'_> {
    fn err(&self) -> ScanError {
        ScanError::Syntax {
            offset: self.pos.min(self.b.len()),
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn run(&mut self, max_depth: usize) -> Result<(), ScanError> {
        let mut next = Next::Value { key: None };
        loop {
            next = match next {
                Next::Value { key } => {
                    self.skip_ws();
                    let start = self.pos;
                    match self.peek() {
                        Some(c @ (b'{' | b'[')) => {
                            if self.stack.len() >= max_depth {
                                return Err(ScanError::TooDeep {
                                    offset: start,
                                    max_depth,
                                });
                            }
                            // The end of the value span is filled in by `close`.
                            let node = self.insert_value(key, start..start);
                            self.pos += 1;
                            let kind = if c == b'{' { Kind::Object } else { Kind::Array };
                            self.stack.push(Frame {
                                kind,
                                node,
                                last: NONE,
                            });
                            match kind {
                                Kind::Object => Next::ObjectFirst,
                                Kind::Array => Next::ArrayFirst,
                            }
                        }
                        Some(c) => {
                            let end = self.scalar(c)?;
                            self.insert_value(key, start..end);
                            Next::AfterValue
                        }
                        None => return Err(self.err()),
                    }
                }
                Next::ObjectFirst | Next::ObjectKey => {
                    let first = matches!(next, Next::ObjectFirst);
                    self.skip_ws();
                    match self.peek() {
                        Some(b'}') if first => {
                            self.close();
                            Next::AfterValue
                        }
                        Some(b'"') => {
                            let key_start = self.pos;
                            self.string()?;
                            let key_end = self.pos;
                            self.skip_ws();
                            if self.peek() != Some(b':') {
                                return Err(self.err());
                            }
                            self.pos += 1;
                            Next::Value {
                                key: Some(key_start..key_end),
                            }
                        }
                        _ => return Err(self.err()),
                    }
                }
                Next::ArrayFirst => {
                    self.skip_ws();
                    if self.peek() == Some(b']') {
                        self.close();
                        Next::AfterValue
                    } else {
                        Next::Value { key: None }
                    }
                }
                Next::AfterValue => {
                    self.skip_ws();
                    let Some(kind) = self.stack.last().map(|f| f.kind) else {
                        return if self.pos == self.b.len() {
                            Ok(())
                        } else {
                            Err(self.err())
                        };
                    };
                    match (self.peek(), kind) {
                        (Some(b','), Kind::Object) => {
                            self.pos += 1;
                            Next::ObjectKey
                        }
                        (Some(b','), Kind::Array) => {
                            self.pos += 1;
                            Next::Value { key: None }
                        }
                        (Some(b'}'), Kind::Object) | (Some(b']'), Kind::Array) => {
                            self.close();
                            Next::AfterValue
                        }
                        _ => return Err(self.err()),
                    }
                }
            };
        }
    }

    /// Adds a value (scalars are complete; containers get their end in `close`) as the
    /// last child of the innermost open container. `build` checked that every offset fits
    /// in 32 bits.
    fn insert_value(&mut self, key: Option<Range<usize>>, value: Range<usize>) -> u32 {
        let index = self.nodes.len() as u32;
        let (key_start, key_end) = key.map_or((NONE, NONE), |k| (k.start as u32, k.end as u32));
        self.nodes.push(Node {
            key_start,
            key_end,
            value_start: value.start as u32,
            value_end: value.end as u32,
            first: NONE,
            next: NONE,
        });
        if let Some(frame) = self.stack.last_mut() {
            let link = match frame.last {
                NONE => self
                    .nodes
                    .get_mut(frame.node as usize)
                    .map(|n| &mut n.first),
                last => self.nodes.get_mut(last as usize).map(|n| &mut n.next),
            };
            if let Some(link) = link {
                *link = index;
            }
            frame.last = index;
        }
        index
    }

    /// Closes the innermost container at the current `}`/`]`.
    fn close(&mut self) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        self.pos += 1;
        if let Some(node) = self.nodes.get_mut(frame.node as usize) {
            node.value_end = self.pos as u32;
        }
    }

    /// Scans a string, number or literal starting with byte `c` at `pos`;
    /// returns its end and leaves `pos` there.
    fn scalar(&mut self, c: u8) -> Result<usize, ScanError> {
        match c {
            b'"' => {
                self.string()?;
            }
            b'-' | b'0'..=b'9' => self.number()?,
            b't' => self.literal(b"true")?,
            b'f' => self.literal(b"false")?,
            b'n' => self.literal(b"null")?,
            _ => return Err(self.err()),
        }
        Ok(self.pos)
    }

    fn literal(&mut self, lit: &[u8]) -> Result<(), ScanError> {
        for &want in lit {
            if self.peek() != Some(want) {
                return Err(self.err());
            }
            self.pos += 1;
        }
        Ok(())
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<(), ScanError> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.err()),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.err());
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.err());
            }
        }
        Ok(())
    }

    /// Scans a string starting at the opening quote at `pos`; leaves `pos`
    /// after the closing quote.
    fn string(&mut self) -> Result<(), ScanError> {
        let b = self.b;
        let mut i = self.pos + 1;
        loop {
            // Fast path over ordinary bytes.
            let rest = b.get(i..).unwrap_or(&[]);
            let skip = rest
                .iter()
                .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
                .unwrap_or(rest.len());
            i += skip;
            match b.get(i) {
                Some(b'"') => {
                    self.pos = i + 1;
                    return Ok(());
                }
                Some(b'\\') => match b.get(i + 1) {
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => i += 2,
                    Some(b'u') => {
                        for k in 0..4 {
                            if !b.get(i + 2 + k).is_some_and(u8::is_ascii_hexdigit) {
                                self.pos = i + 2 + k;
                                return Err(self.err());
                            }
                        }
                        i += 6;
                    }
                    _ => {
                        self.pos = i + 1;
                        return Err(self.err());
                    }
                },
                // A control character, or end of text.
                _ => {
                    self.pos = i;
                    return Err(self.err());
                }
            }
        }
    }
}

fn hex4(b: &[u8]) -> Option<u32> {
    let digits = b.get(..4)?;
    let mut v = 0u32;
    for &d in digits {
        v = v * 16 + (d as char).to_digit(16)?;
    }
    Some(v)
}

/// Decodes the contents of a JSON string (without quotes). Never panics:
/// lone surrogates become U+FFFD, invalid escapes are kept literally.
fn decode_string(raw: &str) -> Cow<'_, str> {
    if !raw.contains('\\') {
        return Cow::Borrowed(raw);
    }
    let b = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    let mut i = 0;
    let mut run = 0; // start of the pending unescaped run
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        out.push_str(raw.get(run..i).unwrap_or(""));
        let (ch, len) = match b.get(i + 1) {
            Some(b'"') => ('"', 2),
            Some(b'\\') => ('\\', 2),
            Some(b'/') => ('/', 2),
            Some(b'b') => ('\u{8}', 2),
            Some(b'f') => ('\u{c}', 2),
            Some(b'n') => ('\n', 2),
            Some(b'r') => ('\r', 2),
            Some(b't') => ('\t', 2),
            Some(b'u') => match hex4(&b[i + 2..]) {
                Some(hi @ 0xD800..=0xDBFF) => {
                    let lo = if b.get(i + 6) == Some(&b'\\') && b.get(i + 7) == Some(&b'u') {
                        hex4(&b[i + 8..])
                    } else {
                        None
                    };
                    match lo {
                        Some(lo @ 0xDC00..=0xDFFF) => {
                            let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                            (char::from_u32(c).unwrap_or('\u{FFFD}'), 12)
                        }
                        _ => ('\u{FFFD}', 6),
                    }
                }
                Some(v) => (char::from_u32(v).unwrap_or('\u{FFFD}'), 6),
                None => ('\\', 1),
            },
            _ => ('\\', 1),
        };
        out.push(ch);
        i += len;
        run = i;
    }
    out.push_str(raw.get(run..).unwrap_or(""));
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    fn idx(text: &str) -> SpanIndex {
        SpanIndex::build(text, 128).unwrap_or_else(|e| panic!("{e:?} for {text:?}"))
    }

    fn val<'t>(text: &'t str, ix: &SpanIndex, p: &str) -> &'t str {
        &text[ix
            .get(text, p)
            .unwrap_or_else(|| panic!("missing {p:?}"))
            .value
            .clone()]
    }

    fn key<'t>(text: &'t str, ix: &SpanIndex, p: &str) -> &'t str {
        &text[ix.get(text, p).unwrap().key.clone().expect("key span")]
    }

    #[test]
    fn minified() {
        let t = r#"{"name":{"short":"App","full":"My App"},"bots":[{"botId":"x","scopes":["team","personal"]}],"n":-1.5e3,"ok":true,"z":null}"#;
        let ix = idx(t);
        assert_eq!(val(t, &ix, ""), t);
        assert_eq!(ix.get(t, "").unwrap().key, None);
        assert_eq!(val(t, &ix, "/name"), r#"{"short":"App","full":"My App"}"#);
        assert_eq!(val(t, &ix, "/name/short"), r#""App""#);
        assert_eq!(key(t, &ix, "/name/short"), r#""short""#);
        assert_eq!(val(t, &ix, "/bots/0/scopes"), r#"["team","personal"]"#);
        assert_eq!(val(t, &ix, "/bots/0/scopes/1"), r#""personal""#);
        assert_eq!(ix.get(t, "/bots/0/scopes/1").unwrap().key, None);
        assert_eq!(val(t, &ix, "/n"), "-1.5e3");
        assert_eq!(val(t, &ix, "/ok"), "true");
        assert_eq!(val(t, &ix, "/z"), "null");
        assert_eq!(ix.len(t), 13);
        assert!(ix.get(t, "/bots/1").is_none());
        assert!(ix.get(t, "/name/long").is_none());
    }

    #[test]
    fn crlf_and_key_spans() {
        let t = "{\r\n  \"name\" :\t{\r\n    \"short\": \"App\"\r\n  },\r\n  \"v\": [ 1 ,\r\n 2 ]\r\n}\r\n";
        let ix = idx(t);
        assert_eq!(ix.get(t, "").unwrap().value, 0..t.trim_end().len());
        let s = ix.get(t, "/name/short").unwrap();
        assert_eq!(&t[s.key.clone().unwrap()], "\"short\"");
        assert_eq!(&t[s.value.clone()], "\"App\"");
        assert_eq!(s.key.clone().unwrap().start, t.find("\"short\"").unwrap());
        assert_eq!(key(t, &ix, "/name"), "\"name\"");
        assert_eq!(val(t, &ix, "/name"), "{\r\n    \"short\": \"App\"\r\n  }");
        assert_eq!(val(t, &ix, "/v"), "[ 1 ,\r\n 2 ]");
        assert_eq!(val(t, &ix, "/v/1"), "2");
    }

    #[test]
    fn scalar_roots() {
        for t in ["1", " \"s\" ", "true", "null", "-0.0E+1", "false\n"] {
            let ix = idx(t);
            assert_eq!(ix.len(t), 1);
            assert_eq!(val(t, &ix, ""), t.trim());
        }
    }

    #[test]
    fn escaped_keys() {
        let t = r#"{"name.short":1,"a/b":2,"~x":3,"caf\u00e9":4,"na\u006De":5,"é~/":6,"q\"\\\/\b\f\n\r\t":7,"\ud83d\ude00":8,"":9}"#;
        let ix = idx(t);
        assert_eq!(val(t, &ix, "/name.short"), "1");
        assert!(ix.get(t, "/name/short").is_none());
        assert_eq!(val(t, &ix, "/a~1b"), "2");
        assert_eq!(val(t, &ix, "/~0x"), "3");
        assert_eq!(val(t, &ix, "/café"), "4");
        assert_eq!(key(t, &ix, "/café"), r#""caf\u00e9""#);
        assert_eq!(val(t, &ix, "/name"), "5");
        assert_eq!(val(t, &ix, "/é~0~1"), "6");
        assert_eq!(val(t, &ix, "/q\"\\~1\u{8}\u{c}\n\r\t"), "7");
        assert_eq!(val(t, &ix, "/😀"), "8");
        assert_eq!(val(t, &ix, "/"), "9");
        assert_eq!(val(t, &ix, &join("", "a/b")), "2");
    }

    #[test]
    fn lone_surrogates_decode_to_replacement_char() {
        let t = r#"{"\ud800":1,"x\udc00y":2,"\ud800\u0041":3,"\ud800\\":4}"#;
        let ix = idx(t);
        assert_eq!(val(t, &ix, "/\u{FFFD}"), "1");
        assert_eq!(val(t, &ix, "/x\u{FFFD}y"), "2");
        assert_eq!(val(t, &ix, "/\u{FFFD}A"), "3");
        assert_eq!(val(t, &ix, "/\u{FFFD}\\"), "4");
    }

    #[test]
    fn numeric_keys_vs_indices() {
        let t = r#"{"1033":{"0":"a"},"list":[{"0":"b"},["c","d"]]}"#;
        let ix = idx(t);
        assert_eq!(val(t, &ix, "/1033/0"), "\"a\"");
        assert_eq!(key(t, &ix, "/1033/0"), "\"0\"");
        assert_eq!(val(t, &ix, "/list/0/0"), "\"b\"");
        assert_eq!(val(t, &ix, "/list/1/1"), "\"d\"");
        assert_eq!(ix.get(t, "/list/1/1").unwrap().key, None);
        assert!(ix.get(t, "/list/01").is_none());
        assert!(ix.get(t, "/list/2").is_none());
    }

    #[test]
    fn duplicates_last_wins_with_subtree() {
        let t = r#"{"a":{"x":1,"y":{"deep":[1,2]}},"b":0,"a":{"x":2,"z":3}}"#;
        let ix = idx(t);
        assert_eq!(val(t, &ix, "/a"), r#"{"x":2,"z":3}"#);
        assert_eq!(
            ix.get(t, "/a").unwrap().key.clone().unwrap().start,
            t.rfind("\"a\"").unwrap()
        );
        assert_eq!(val(t, &ix, "/a/x"), "2");
        assert_eq!(val(t, &ix, "/a/z"), "3");
        assert!(ix.get(t, "/a/y").is_none());
        assert!(ix.get(t, "/a/y/deep").is_none());
        assert!(ix.get(t, "/a/y/deep/1").is_none());
        assert_eq!(ix.nearest(t, "/a/y/deep/1").0, "/a");
        // root, /a, /a/x, /a/z, /b
        assert_eq!(ix.len(t), 5);

        // Duplicates nested inside a duplicate, scalars replacing containers and back,
        // and a key repeated three times.
        let t = r#"{"a":{"b":{"c":1},"b":{"d":[1]},"b":2},"a":[{"b":1}],"a":{"b":{"e":1}}}"#;
        let ix = idx(t);
        assert_eq!(val(t, &ix, "/a"), r#"{"b":{"e":1}}"#);
        assert_eq!(val(t, &ix, "/a/b/e"), "1");
        for gone in ["/a/0", "/a/0/b", "/a/b/c", "/a/b/d", "/a/b/d/0"] {
            assert!(ix.get(t, gone).is_none(), "{gone}");
        }
        assert_eq!(ix.len(t), 4);
    }

    #[test]
    fn empty_containers_and_nested_arrays() {
        let t = r#"{"o":{},"a":[],"n":[[],[[]],[[1,[2]]]], "s" : { } }"#;
        let ix = idx(t);
        assert_eq!(val(t, &ix, "/o"), "{}");
        assert_eq!(val(t, &ix, "/a"), "[]");
        assert_eq!(val(t, &ix, "/s"), "{ }");
        assert!(ix.get(t, "/a/0").is_none());
        assert_eq!(val(t, &ix, "/n/0"), "[]");
        assert_eq!(val(t, &ix, "/n/1/0"), "[]");
        assert_eq!(val(t, &ix, "/n/2/0/1/0"), "2");
        assert_eq!(val(t, &ix, ""), t);
        let ix = idx("[]");
        assert_eq!(ix.len("[]"), 1);
        let ix = idx("{}");
        assert_eq!(ix.len("{}"), 1);
    }

    #[test]
    fn strings_with_brackets_and_escaped_quotes() {
        let t = r#"{"k{[":"}]\"{[,:","arr":["]","\\",  "\\\"]"],"after":1}"#;
        let ix = idx(t);
        assert_eq!(val(t, &ix, "/k{["), r#""}]\"{[,:""#);
        assert_eq!(val(t, &ix, "/arr/0"), r#""]""#);
        assert_eq!(val(t, &ix, "/arr/1"), r#""\\""#);
        assert_eq!(val(t, &ix, "/arr/2"), r#""\\\"]""#);
        assert_eq!(val(t, &ix, "/after"), "1");
    }

    #[test]
    fn nearest_ancestors() {
        let t = r#"{"bots":[{"scopes":["team"]}],"name":{"short":"x"}}"#;
        let ix = idx(t);
        let (p, s) = ix.nearest(t, "/name/full");
        assert_eq!(p, "/name");
        assert_eq!(&t[s.value.clone()], r#"{"short":"x"}"#);
        assert_eq!(ix.nearest(t, "/bots/0/scopes/7/a/b").0, "/bots/0/scopes");
        assert_eq!(ix.nearest(t, "/bots/3/x").0, "/bots");
        assert_eq!(ix.nearest(t, "/missing/deep/path").0, "");
        assert_eq!(ix.nearest(t, "/name/short").0, "/name/short");
        assert_eq!(ix.nearest(t, "").0, "");
        assert_eq!(ix.nearest(t, "no-slash").0, "");
        assert_eq!(ix.nearest(t, "/name/").0, "/name");
        assert_eq!(ix.nearest(t, "/").0, "");
    }

    #[test]
    fn too_deep() {
        let t = "[".repeat(200_000);
        let start = std::time::Instant::now();
        assert_eq!(
            SpanIndex::build(&t, 128).err(),
            Some(ScanError::TooDeep {
                offset: 128,
                max_depth: 128
            })
        );
        assert!(start.elapsed().as_secs() < 5);

        let ok = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert_eq!(idx(&ok).len(&ok), 128);
        let deep = format!("{}{}", "[".repeat(129), "]".repeat(129));
        assert_eq!(
            SpanIndex::build(&deep, 128).err(),
            Some(ScanError::TooDeep {
                offset: 128,
                max_depth: 128
            })
        );
        let objs = format!("{}1{}", r#"{"a":"#.repeat(129), "}".repeat(129));
        assert_eq!(
            SpanIndex::build(&objs, 128).unwrap_err(),
            ScanError::TooDeep {
                offset: 128 * 5,
                max_depth: 128
            }
        );
        assert!(SpanIndex::build(&objs, 129).is_ok());
        assert_eq!(SpanIndex::build("1", 0).map(|i| i.len("1")), Ok(1));
        assert!(matches!(
            SpanIndex::build("[]", 0),
            Err(ScanError::TooDeep { offset: 0, .. })
        ));
    }

    #[test]
    fn deep_legal_nesting_without_recursion() {
        // Far beyond what a recursive scanner on a test thread's stack would survive.
        let n = 3_000;
        let t = format!("{}7{}", "[".repeat(n), "]".repeat(n));
        let ix = SpanIndex::build(&t, n).unwrap();
        assert_eq!(ix.len(&t), n + 1);
        assert_eq!(val(&t, &ix, &"/0".repeat(n)), "7");
        assert_eq!(ix.get(&t, &"/0".repeat(n - 1)).unwrap().value, n - 1..n + 2);
        drop(ix);
    }

    #[test]
    fn malformed_inputs_are_errors() {
        let cases: &[(&str, usize)] = &[
            ("", 0),
            ("   ", 3),
            ("{", 1),
            ("[1,", 3),
            ("{\"a\"", 4),
            ("{\"a\":", 5),
            ("{\"a\":1", 6),
            ("{\"a\":1,}", 7),
            ("[1,]", 3),
            ("[1 2]", 3),
            ("{\"a\" 1}", 5),
            ("{1:2}", 1),
            ("{\"a\":1]", 6),
            ("[1}", 2),
            ("]", 0),
            ("}", 0),
            ("[1]]", 3),
            ("{} {}", 3),
            ("1 2", 2),
            ("\"abc", 4),
            ("[\"abc]", 6),
            ("\"a\\x\"", 3),
            ("\"\\u12G4\"", 5),
            ("\"\\u12", 5),
            ("\"tab\there\"", 4),
            ("\"\\", 2),
            ("tru", 3),
            ("nul", 3),
            ("trUe", 2),
            ("[truex]", 5),
            ("-", 1),
            ("01", 1),
            ("1.", 2),
            (".5", 0),
            ("1e", 2),
            ("1e+", 3),
            ("+1", 0),
            ("[,1]", 1),
            ("{,}", 1),
            ("x", 0),
            ("{\"a\":1}x", 7),
            ("[1]\u{0}", 3),
            ("\u{feff}{}", 0),
            ("[1,\u{a0}2]", 3),
        ];
        for &(t, offset) in cases {
            assert_eq!(
                SpanIndex::build(t, 128).err(),
                Some(ScanError::Syntax { offset }),
                "{t:?}"
            );
        }
    }

    #[test]
    fn index_is_send_and_sync() {
        fn check<T: Send + Sync + Clone + std::fmt::Debug>() {}
        check::<SpanIndex>();
        check::<ScanError>();
        check::<super::super::line_index::LineIndex>();
    }

    #[test]
    fn token_helpers() {
        assert_eq!(escape_token("plain"), Cow::Borrowed("plain"));
        assert!(matches!(escape_token("plain"), Cow::Borrowed(_)));
        assert_eq!(escape_token("a/b~c"), "a~1b~0c");
        assert_eq!(escape_token("~1"), "~01");
        assert_eq!(unescape_token("a~1b~0c"), "a/b~c");
        assert_eq!(unescape_token("~01"), "~1");
        assert_eq!(unescape_token("~2~"), "~2~");
        assert!(matches!(unescape_token("x"), Cow::Borrowed(_)));
        assert_eq!(join("/a", "b/c"), "/a/b~1c");
        assert_eq!(join("", "~"), "/~0");
        assert_eq!(join("", ""), "/");
    }

    #[test]
    fn decode_string_edge_cases() {
        assert_eq!(decode_string(r"a\u0062c"), "abc");
        assert_eq!(decode_string(r"\ud83d\ude00!"), "😀!");
        assert_eq!(decode_string(r"\ude00\ud83d"), "\u{FFFD}\u{FFFD}");
        assert_eq!(decode_string(r"\ud83d\n"), "\u{FFFD}\n");
        assert_eq!(decode_string(r"\ud83d\ud83d\ude00"), "\u{FFFD}😀");
        // Malformed escapes (never produced by the scanner) must not panic.
        for s in [
            r"\",
            r"\u",
            r"\u12",
            r"\ud83d\u",
            r"\ud83d\ude",
            r"é\",
            r"\q",
        ] {
            let _ = decode_string(s);
        }
    }

    // ---- property tests ----

    fn text_chars() -> impl Strategy<Value = String> {
        let chars: Vec<char> = vec![
            'a', 'b', 'Z', '0', '.', ' ', '"', '\\', '/', '~', '\n', '\r', '\t', '\u{1}', '\u{7f}',
            'é', '😀', '\u{2028}', '{', '}', '[', ']', ':', ',',
        ];
        proptest::collection::vec(proptest::sample::select(chars), 0..6)
            .prop_map(|v| v.into_iter().collect())
    }

    fn arb_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            // Exactly representable with a short decimal form, so it round-trips.
            any::<i32>().prop_map(|i| Value::from(f64::from(i) / 8.0)),
            text_chars().prop_map(Value::String),
        ];
        leaf.prop_recursive(6, 128, 8, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::vec((text_chars(), inner), 0..6)
                    .prop_map(|members| Value::Object(members.into_iter().collect())),
            ]
        })
    }

    /// (pointer, member key) of every value, preorder.
    fn pointers(
        v: &Value,
        p: String,
        key: Option<String>,
        out: &mut Vec<(String, Option<String>)>,
    ) {
        match v {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    pointers(item, format!("{p}/{i}"), None, out);
                }
            }
            Value::Object(members) => {
                for (k, item) in members {
                    pointers(item, join(&p, k), Some(k.clone()), out);
                }
            }
            _ => {}
        }
        out.push((p, key));
    }

    /// Rewrites every non-ASCII char as `\uXXXX` escapes (only strings hold them).
    fn ascii_escaped(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if c.is_ascii() {
                out.push(c);
            } else {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
        }
        out
    }

    fn check_text(value: &Value, text: &str) -> Result<(), TestCaseError> {
        let ix = SpanIndex::build(text, 128).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let mut ps = Vec::new();
        pointers(value, String::new(), None, &mut ps);
        prop_assert_eq!(ix.len(text), ps.len());
        for (p, k) in &ps {
            let spans = ix
                .get(text, p)
                .ok_or_else(|| TestCaseError::fail(format!("missing {p:?}")))?;
            let parsed: Value = serde_json::from_str(&text[spans.value.clone()])
                .map_err(|e| TestCaseError::fail(format!("{p:?}: {e}")))?;
            prop_assert_eq!(Some(&parsed), value.pointer(p), "pointer {:?}", p);
            match (k, &spans.key) {
                (Some(k), Some(ks)) => {
                    let parsed: String = serde_json::from_str(&text[ks.clone()])
                        .map_err(|e| TestCaseError::fail(format!("{p:?} key: {e}")))?;
                    prop_assert_eq!(&parsed, k);
                }
                (None, None) => {}
                _ => prop_assert!(false, "key span mismatch at {:?}", p),
            }
            let missing = format!("{p}/missing/x");
            prop_assert_eq!(ix.nearest(text, &missing).0, p.as_str());
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn spans_match_serde_json(value in arb_value()) {
            let compact = serde_json::to_string(&value).unwrap();
            let pretty = serde_json::to_string_pretty(&value).unwrap();
            let crlf = pretty.replace('\n', "\r\n");
            check_text(&value, &compact)?;
            check_text(&value, &pretty)?;
            check_text(&value, &crlf)?;
            check_text(&value, &ascii_escaped(&pretty))?;
        }

        #[test]
        fn duplicate_keys_match_serde_json(
            members in proptest::collection::vec((0u8..3, arb_value()), 1..6)
        ) {
            // Objects with repeated keys: compare with what serde_json keeps.
            let body: Vec<String> = members
                .iter()
                .map(|(k, v)| format!("\"k{k}\":{}", serde_json::to_string(v).unwrap()))
                .collect();
            let text = format!("{{{}}}", body.join(","));
            let value: Value = serde_json::from_str(&text).unwrap();
            check_text(&value, &text)?;
        }

        #[test]
        fn build_never_panics(chars in proptest::collection::vec(
            proptest::sample::select("{}[]\",:0123456789abcdefghijklmnopqrstuvwxyz\\ \n".chars().collect::<Vec<_>>()),
            0..64,
        )) {
            let text: String = chars.into_iter().collect();
            let result = SpanIndex::build(&text, 16);
            if serde_json::from_str::<Value>(&text).is_ok() {
                prop_assert!(result.is_ok(), "serde_json accepts {:?} but got {:?}", text, result.err());
            }
            if let Ok(ix) = result {
                prop_assert!(ix.get(&text, "").is_some());
            }
        }

        #[test]
        fn build_never_panics_on_json_fragments(
            value in arb_value(), cut in any::<proptest::sample::Index>(), junk in text_chars()
        ) {
            let text = serde_json::to_string_pretty(&value).unwrap();
            let mut at = cut.index(text.len() + 1);
            while !text.is_char_boundary(at) { at -= 1; }
            let truncated = &text[..at];
            let r = SpanIndex::build(truncated, 128);
            if at < text.trim_end().len() && !matches!(value, Value::Number(_)) {
                prop_assert!(r.is_err(), "truncated {:?} accepted", truncated);
            }
            let spliced = format!("{}{}{}", &text[..at], junk, &text[at..]);
            let _ = SpanIndex::build(&spliced, 128);
        }
    }
}
