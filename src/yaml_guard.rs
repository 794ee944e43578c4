//! Bounds checked on untrusted YAML before any YAML parser sees it.
//!
//! `serde_yaml_ng` (libyaml underneath) loads every event of a document before its deserializer
//! applies its recursion limit (128 levels) and its alias repetition limit, and two shapes of
//! input are far more expensive than their size suggests:
//!
//! - deep flow nesting (`[[[[…` or `{{{{…`): libyaml's scanner walks its stack of flow levels
//!   for every token, so the time grows with the square of the depth (about 26 s for 100,000
//!   nested `[` in a release build), although the deserializer later refuses anything deeper
//!   than 128 levels;
//! - aliases: each `*name` is expanded into a full copy of the anchored node. Its repetition
//!   limit counts alias jumps, not the values copied, so one large anchored node aliased many
//!   times builds billions of values and runs out of memory, and a classic "billion laughs"
//!   of 180 KB takes 5 s and 1.8 GB before that limit stops it.
//!
//! Deep block nesting (indentation, `- - - …`) is linear in the parser; it is bounded here too
//! because the deserializer refuses it past 128 levels anyway, and refusing first is cheaper.
//!
//! [`check_yaml_bounds`] refuses both in one linear pass over the text. It follows libyaml's
//! scanner closely enough to know where tokens start: brackets, `*` and `&` inside quoted
//! scalars, comments, block scalars (`|`, `>`) and plain scalars (`a & b`, `^[a-z]*$`,
//! `https://x/y?a=1&b=2`) are text, not structure. Where libyaml would report a syntax error
//! the parser stops there anyway, so the pass does not need to be exact past that point.

use std::collections::HashMap;
use std::fmt;

/// Deepest nesting of collections (block and flow) accepted: the recursion limit of
/// `serde_yaml_ng`, which refuses anything deeper after parsing it.
pub(crate) const DEFAULT_MAX_DEPTH: usize = 128;
/// Most aliases (`*name`) accepted in one text. Real OpenAPI documents use `$ref`, and rarely
/// any alias at all.
pub(crate) const DEFAULT_MAX_ALIASES: usize = 10_000;
/// Most values that expanding aliases may add to a document. They are counted generously (an
/// empty value may hide behind every `-`, `?` and `:`, so each of those counts too), up to about
/// twice the real number; a million real values cost `serde_yaml_ng` about 0.2 s and 75 MB.
pub(crate) const DEFAULT_MAX_ALIAS_VALUES: usize = 1_000_000;

/// Bounds for [`check_yaml_bounds`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct YamlBounds {
    /// Deepest nesting of collections, block and flow together.
    pub max_depth: usize,
    /// Most aliases (`*name`) in the text.
    pub max_aliases: usize,
    /// Most values (scalars and collections) that expanding the aliases of one document may add,
    /// as counted by [`check_yaml_bounds`].
    pub max_alias_values: usize,
}

impl Default for YamlBounds {
    fn default() -> Self {
        YamlBounds {
            max_depth: DEFAULT_MAX_DEPTH,
            max_aliases: DEFAULT_MAX_ALIASES,
            max_alias_values: DEFAULT_MAX_ALIAS_VALUES,
        }
    }
}

/// Where and why a YAML text passed one of the [`YamlBounds`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YamlBoundError {
    /// What was passed, for a person (no location in it).
    pub message: String,
    /// 1-based line of the token that passed the bound, counted as libyaml counts lines.
    pub line: usize,
    /// 1-based column (in characters) of that token.
    pub column: usize,
}

impl fmt::Display for YamlBoundError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for YamlBoundError {}

/// Checks, in one linear pass over the text and before any YAML parser sees it, that a YAML
/// stream stays within `bounds`: collections (block and flow) nested at most `max_depth` deep,
/// at most `max_aliases` aliases, no document whose aliases would expand to more than
/// `max_alias_values` values, and no alias inside the node it names (an infinite value).
///
/// Returns the first bound passed, with the 1-based line and column of the token that passed
/// it. Conservative: text it cannot make sense of is left to the parser, which reports it.
/// Everything `serde_yaml_ng` parses within 128 levels and without large alias expansion
/// passes.
///
/// Call it on the text just before `serde_yaml_ng::from_str`, and report an `Err` as the parse
/// error of the file at its line and column (they count as `serde_yaml_ng`'s locations do).
pub(crate) fn check_yaml_bounds(text: &str, bounds: &YamlBounds) -> Result<(), YamlBoundError> {
    Scanner::new(text, *bounds).run()
}

/// The kind of token starting at the scanner's position, as libyaml decides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Directive,
    DocMarker,
    FlowOpen,
    FlowClose,
    FlowEntry,
    BlockEntry,
    Key,
    Value,
    Alias,
    Anchor,
    Tag,
    BlockScalar,
    Quoted,
    Plain,
}

/// A token of the block context that could still become a mapping key.
#[derive(Debug, Clone, Copy)]
struct SimpleKey {
    pos: usize,
    line: usize,
    col: usize,
}

/// An anchor (`&name`) whose node has not started yet.
#[derive(Debug, Clone, Copy)]
struct Pending<'a> {
    name: &'a [u8],
    id: usize,
    start: usize,
    line: usize,
    in_flow: bool,
    parent: isize,
    indentless: bool,
}

/// Where an anchored node that has started ends.
#[derive(Debug, Clone, Copy)]
enum End {
    /// A flow collection: when the flow level drops below this one.
    Flow(usize),
    /// A block node: at the first token at column `parent` or less (a `- ` entry at column
    /// `parent` still belongs to it when `indentless`).
    Block { parent: isize, indentless: bool },
}

/// An anchored node that has started and not ended.
#[derive(Debug, Clone, Copy)]
struct Open<'a> {
    name: &'a [u8],
    id: usize,
    start: usize,
    end: End,
}

/// A stripped-down libyaml scanner that only tracks what the bounds need.
struct Scanner<'a> {
    b: &'a [u8],
    pos: usize,
    /// 0-based line and column (in characters) of `pos`.
    line: usize,
    col: usize,
    bounds: YamlBounds,
    /// Flow level: open `[` and `{`.
    flow: usize,
    /// Current block indentation (-1 outside any block collection) and the enclosing ones.
    indent: isize,
    indents: Vec<isize>,
    simple_key_allowed: bool,
    key: Option<SimpleKey>,
    /// The last structural token was `:` or `?` (a block sequence may then sit at the parent's
    /// own indentation).
    after_value: bool,
    /// Values seen in the current document, each alias counting as the size of its node. An
    /// upper bound within a factor of about 2: every scalar and collection counts, and so does
    /// every `-`, `?` and `:`, whose node may be an empty (null) one that has no token.
    nodes: usize,
    /// Values added by aliases in the current document.
    alias_values: usize,
    aliases: usize,
    /// Anchor name -> (id of its latest definition, size of its node once it has ended).
    anchors: HashMap<&'a [u8], (usize, Option<usize>)>,
    open: Vec<Open<'a>>,
    pending: Option<Pending<'a>>,
    next_id: usize,
}

/// Length in bytes of the line break at `i` (libyaml's breaks: LF, CR, CRLF, NEL, LS, PS), or 0.
fn break_len(b: &[u8], i: usize) -> usize {
    match b.get(i..) {
        Some([b'\r', b'\n', ..]) => 2,
        Some([b'\n' | b'\r', ..]) => 1,
        Some([0xC2, 0x85, ..]) => 2,
        Some([0xE2, 0x80, 0xA8 | 0xA9, ..]) => 3,
        _ => 0,
    }
}

fn is_blank(b: &[u8], i: usize) -> bool {
    matches!(b.get(i), Some(b' ' | b'\t'))
}

/// Blank, line break or end of text.
fn is_blankz(b: &[u8], i: usize) -> bool {
    i >= b.len() || is_blank(b, i) || break_len(b, i) > 0
}

/// A character of an anchor or alias name, as libyaml accepts them.
fn is_name_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str, bounds: YamlBounds) -> Self {
        let b = text.as_bytes();
        // libyaml's reader drops a leading byte order mark without counting it.
        let pos = if b.starts_with("\u{feff}".as_bytes()) {
            3
        } else {
            0
        };
        Scanner {
            b,
            pos,
            line: 0,
            col: 0,
            bounds,
            flow: 0,
            indent: -1,
            indents: Vec::new(),
            simple_key_allowed: true,
            key: None,
            after_value: false,
            nodes: 0,
            alias_values: 0,
            aliases: 0,
            anchors: HashMap::new(),
            open: Vec::new(),
            pending: None,
            next_id: 0,
        }
    }

    fn cur(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn at_end(&self) -> bool {
        self.pos >= self.b.len()
    }

    /// Moves past one byte that is not part of a line break.
    fn bump(&mut self) {
        if let Some(&c) = self.b.get(self.pos) {
            // UTF-8 continuation bytes do not start a character.
            if c & 0xC0 != 0x80 {
                self.col += 1;
            }
            self.pos += 1;
        }
    }

    /// Moves past the line break at the position, if any; returns whether there was one.
    fn skip_break(&mut self) -> bool {
        let n = break_len(self.b, self.pos);
        if n > 0 {
            self.pos += n;
            self.line += 1;
            self.col = 0;
        }
        n > 0
    }

    /// Moves to the end of the line (before its break).
    fn skip_to_break(&mut self) {
        while !self.at_end() && break_len(self.b, self.pos) == 0 {
            self.bump();
        }
    }

    fn error(&self, message: String) -> YamlBoundError {
        YamlBoundError {
            message,
            line: self.line + 1,
            column: self.col + 1,
        }
    }

    fn run(mut self) -> Result<(), YamlBoundError> {
        loop {
            self.scan_to_next_token();
            if let Some(k) = self.key {
                if k.line != self.line || k.pos + 1024 < self.pos {
                    self.key = None;
                }
            }
            self.unroll_indent(self.col as isize);
            if self.at_end() {
                return Ok(());
            }
            let tok = self.classify();
            if !matches!(tok, Tok::Directive | Tok::Tag | Tok::DocMarker) {
                self.resolve_pending(tok);
                if self.flow == 0 {
                    self.close_block_anchors(tok);
                }
            }
            match tok {
                Tok::Directive => {
                    self.unroll_indent(-1);
                    self.key = None;
                    self.simple_key_allowed = false;
                    self.skip_to_break();
                }
                Tok::DocMarker => {
                    self.unroll_indent(-1);
                    self.key = None;
                    self.simple_key_allowed = false;
                    self.after_value = false;
                    // Anchors and the alias budget are per document, as in serde_yaml_ng.
                    self.nodes = 0;
                    self.alias_values = 0;
                    self.anchors.clear();
                    self.open.clear();
                    self.pending = None;
                    for _ in 0..3 {
                        self.bump();
                    }
                }
                Tok::FlowOpen => {
                    self.save_simple_key();
                    self.flow += 1;
                    self.check_depth()?;
                    self.nodes = self.nodes.saturating_add(1);
                    self.simple_key_allowed = true;
                    self.after_value = false;
                    self.bump();
                }
                Tok::FlowClose => {
                    if self.flow == 0 {
                        self.key = None;
                    }
                    self.flow = self.flow.saturating_sub(1);
                    self.close_flow_anchors();
                    self.simple_key_allowed = false;
                    self.after_value = false;
                    self.bump();
                }
                Tok::FlowEntry => {
                    if self.flow == 0 {
                        self.key = None;
                    }
                    self.simple_key_allowed = true;
                    self.after_value = false;
                    self.bump();
                }
                Tok::BlockEntry => {
                    if self.flow == 0 {
                        self.roll_indent(self.col as isize)?;
                    }
                    // The entry's node, which may be an empty (null) one.
                    self.nodes = self.nodes.saturating_add(1);
                    self.key = None;
                    self.simple_key_allowed = true;
                    self.after_value = false;
                    self.bump();
                }
                Tok::Key => {
                    if self.flow == 0 {
                        self.roll_indent(self.col as isize)?;
                    }
                    self.nodes = self.nodes.saturating_add(1);
                    self.key = None;
                    self.simple_key_allowed = self.flow == 0;
                    self.after_value = true;
                    self.bump();
                }
                Tok::Value => {
                    if self.flow == 0 {
                        if let Some(k) = self.key.take() {
                            self.roll_indent(k.col as isize)?;
                            self.simple_key_allowed = false;
                        } else {
                            // Without a key libyaml only accepts `:` where a key could start.
                            if self.simple_key_allowed {
                                self.roll_indent(self.col as isize)?;
                            }
                            self.simple_key_allowed = true;
                        }
                    } else {
                        self.simple_key_allowed = false;
                    }
                    self.nodes = self.nodes.saturating_add(1);
                    self.after_value = true;
                    self.bump();
                }
                Tok::Alias => self.alias()?,
                Tok::Anchor => self.anchor(),
                Tok::Tag => {
                    self.save_simple_key();
                    self.simple_key_allowed = false;
                    self.bump();
                    while !(is_blankz(self.b, self.pos)
                        || (self.flow > 0 && self.cur() == Some(b',')))
                    {
                        self.bump();
                    }
                }
                Tok::BlockScalar => {
                    self.key = None;
                    self.simple_key_allowed = true;
                    self.after_value = false;
                    self.nodes = self.nodes.saturating_add(1);
                    self.scan_block_scalar();
                }
                Tok::Quoted => {
                    self.save_simple_key();
                    self.simple_key_allowed = false;
                    self.after_value = false;
                    self.nodes = self.nodes.saturating_add(1);
                    self.scan_quoted();
                }
                Tok::Plain => {
                    self.save_simple_key();
                    self.simple_key_allowed = false;
                    self.after_value = false;
                    self.nodes = self.nodes.saturating_add(1);
                    self.scan_plain();
                }
            }
        }
    }

    /// Skips blanks, comments and line breaks up to the next token (libyaml's
    /// `scan_to_next_token`, which also accepts tabs where libyaml would later refuse them).
    fn scan_to_next_token(&mut self) {
        loop {
            if self.col == 0 && self.b[self.pos..].starts_with("\u{feff}".as_bytes()) {
                self.bump();
                self.pos += 2;
            }
            while is_blank(self.b, self.pos) {
                self.bump();
            }
            if self.cur() == Some(b'#') {
                self.skip_to_break();
            }
            if !self.skip_break() {
                return;
            }
            if self.flow == 0 {
                self.simple_key_allowed = true;
            }
        }
    }

    fn doc_marker_at(&self, i: usize) -> bool {
        let rest = &self.b[i.min(self.b.len())..];
        (rest.starts_with(b"---") || rest.starts_with(b"...")) && is_blankz(self.b, i + 3)
    }

    /// The kind of the token at the position (libyaml's `fetch_next_token`). Characters that
    /// cannot start a token are taken as a plain scalar: libyaml stops there with an error.
    fn classify(&self) -> Tok {
        let Some(c) = self.cur() else {
            return Tok::Plain;
        };
        let blank_after = is_blankz(self.b, self.pos + 1);
        if self.col == 0 && c == b'%' {
            return Tok::Directive;
        }
        if self.col == 0 && self.doc_marker_at(self.pos) {
            return Tok::DocMarker;
        }
        match c {
            b'[' | b'{' => Tok::FlowOpen,
            b']' | b'}' => Tok::FlowClose,
            b',' => Tok::FlowEntry,
            b'-' if blank_after => Tok::BlockEntry,
            b'?' if self.flow > 0 || blank_after => Tok::Key,
            b':' if self.flow > 0 || blank_after => Tok::Value,
            b'*' => Tok::Alias,
            b'&' => Tok::Anchor,
            b'!' => Tok::Tag,
            b'|' | b'>' if self.flow == 0 => Tok::BlockScalar,
            b'\'' | b'"' => Tok::Quoted,
            _ => Tok::Plain,
        }
    }

    fn save_simple_key(&mut self) {
        if self.flow == 0 && self.simple_key_allowed {
            self.key = Some(SimpleKey {
                pos: self.pos,
                line: self.line,
                col: self.col,
            });
        }
    }

    fn check_depth(&self) -> Result<(), YamlBoundError> {
        let depth = self.indents.len() + self.flow;
        if depth > self.bounds.max_depth {
            return Err(self.error(format!(
                "the YAML nesting is deeper than {} levels",
                self.bounds.max_depth
            )));
        }
        Ok(())
    }

    /// Opens a block collection at `column` if it is deeper than the current one.
    fn roll_indent(&mut self, column: isize) -> Result<(), YamlBoundError> {
        if self.flow == 0 && self.indent < column {
            self.indents.push(self.indent);
            self.indent = column;
            self.nodes = self.nodes.saturating_add(1);
            self.check_depth()?;
        }
        Ok(())
    }

    /// Closes the block collections deeper than `column`.
    fn unroll_indent(&mut self, column: isize) {
        if self.flow > 0 {
            return;
        }
        while self.indent > column {
            self.indent = self.indents.pop().unwrap_or(-1);
        }
    }

    /// Records the size of an anchored node that has ended, unless its name was reused since.
    fn define(&mut self, name: &'a [u8], id: usize, start: usize) {
        let size = self.nodes.saturating_sub(start).max(1);
        if let Some(entry) = self.anchors.get_mut(name) {
            if entry.0 == id {
                entry.1 = Some(size);
            }
        }
    }

    /// Decides, at the first token after an anchor, which node the anchor names.
    fn resolve_pending(&mut self, tok: Tok) {
        let Some(p) = self.pending.take() else {
            return;
        };
        let open = |end| Open {
            name: p.name,
            id: p.id,
            start: p.start,
            end,
        };
        if p.in_flow || p.line == self.line {
            // A scalar (or a key) on the same line, or a flow collection.
            if tok == Tok::FlowOpen {
                self.open.push(open(End::Flow(self.flow + 1)));
            } else {
                self.define(p.name, p.id, p.start);
            }
            return;
        }
        // The anchor ended its line: its node is what follows, more indented than its parent.
        let col = self.col as isize;
        let ended =
            col < p.parent || (col == p.parent && !(p.indentless && tok == Tok::BlockEntry));
        if ended {
            self.define(p.name, p.id, p.start);
        } else if tok == Tok::FlowOpen {
            self.open.push(open(End::Flow(self.flow + 1)));
        } else {
            self.open.push(open(End::Block {
                parent: p.parent,
                indentless: p.indentless,
            }));
        }
    }

    /// Ends the anchored block nodes that the token at the position (block context) closes.
    fn close_block_anchors(&mut self, tok: Tok) {
        let col = self.col as isize;
        while let Some(top) = self.open.last().copied() {
            let End::Block { parent, indentless } = top.end else {
                return;
            };
            if col < parent || (col == parent && !(indentless && tok == Tok::BlockEntry)) {
                self.open.pop();
                self.define(top.name, top.id, top.start);
            } else {
                return;
            }
        }
    }

    /// Ends the anchored flow collections closed by a `]` or `}`.
    fn close_flow_anchors(&mut self) {
        while let Some(top) = self.open.last().copied() {
            match top.end {
                End::Flow(level) if level > self.flow => {
                    self.open.pop();
                    self.define(top.name, top.id, top.start);
                }
                _ => return,
            }
        }
    }

    /// Scans `&name` or `*name`; `None` when libyaml would refuse it (and stop parsing).
    fn scan_name(&mut self) -> Option<&'a [u8]> {
        let b = self.b;
        self.bump();
        let start = self.pos;
        while self.cur().is_some_and(is_name_char) {
            self.bump();
        }
        let name = &b[start..self.pos];
        let ends_well = is_blankz(b, self.pos)
            || matches!(
                self.cur(),
                Some(b'?' | b':' | b',' | b']' | b'}' | b'%' | b'@' | b'`')
            );
        (!name.is_empty() && ends_well).then_some(name)
    }

    fn anchor(&mut self) {
        self.save_simple_key();
        self.simple_key_allowed = false;
        let line = self.line;
        let Some(name) = self.scan_name() else {
            return;
        };
        let id = self.next_id;
        self.next_id += 1;
        self.anchors.insert(name, (id, None));
        self.pending = Some(Pending {
            name,
            id,
            start: self.nodes,
            line,
            in_flow: self.flow > 0,
            parent: self.indent,
            indentless: self.after_value,
        });
    }

    fn alias(&mut self) -> Result<(), YamlBoundError> {
        self.save_simple_key();
        self.simple_key_allowed = false;
        self.after_value = false;
        let at = self.error(String::new());
        let Some(name) = self.scan_name() else {
            return Ok(());
        };
        let fail = |message: String| {
            Err(YamlBoundError {
                message,
                ..at.clone()
            })
        };
        self.aliases += 1;
        if self.aliases > self.bounds.max_aliases {
            return fail(format!(
                "the YAML has more than {} aliases",
                self.bounds.max_aliases
            ));
        }
        let size = match self.anchors.get(name) {
            Some((_, Some(size))) => *size,
            Some((_, None)) => {
                return fail(format!(
                    "the YAML alias *{} is inside the node it refers to",
                    String::from_utf8_lossy(name)
                ))
            }
            // An unknown anchor: the parser stops there with an error.
            None => 1,
        };
        self.nodes = self.nodes.saturating_add(size);
        self.alias_values = self.alias_values.saturating_add(size);
        if self.alias_values > self.bounds.max_alias_values {
            return fail(format!(
                "the YAML aliases expand to more than {} values",
                self.bounds.max_alias_values
            ));
        }
        Ok(())
    }

    /// Scans a single- or double-quoted scalar, which may span lines.
    fn scan_quoted(&mut self) {
        let Some(quote) = self.cur() else {
            return;
        };
        self.bump();
        while let Some(c) = self.cur() {
            if c == quote {
                self.bump();
                if quote == b'\'' && self.cur() == Some(b'\'') {
                    self.bump();
                    continue;
                }
                return;
            }
            if quote == b'"' && c == b'\\' {
                self.bump();
                if !self.skip_break() {
                    self.bump();
                }
                continue;
            }
            if !self.skip_break() {
                self.bump();
            }
        }
    }

    /// Scans a plain scalar as libyaml does: it ends at `: `, ` #`, a flow indicator in the
    /// flow context, a document marker, or a line indented no more than the current block.
    fn scan_plain(&mut self) {
        let indent = self.indent + 1;
        let mut leading_blanks = false;
        loop {
            if self.col == 0 && self.doc_marker_at(self.pos) {
                break;
            }
            if self.cur() == Some(b'#') {
                break;
            }
            while !is_blankz(self.b, self.pos) {
                let c = self.b[self.pos];
                let next = self.b.get(self.pos + 1).copied();
                if self.flow > 0
                    && c == b':'
                    && matches!(next, Some(b',' | b'?' | b'[' | b']' | b'{' | b'}'))
                {
                    // libyaml stops with an error here.
                    return;
                }
                if (c == b':' && is_blankz(self.b, self.pos + 1))
                    || (self.flow > 0 && matches!(c, b',' | b'[' | b']' | b'{' | b'}'))
                {
                    break;
                }
                leading_blanks = false;
                self.bump();
            }
            if !(is_blank(self.b, self.pos) || break_len(self.b, self.pos) > 0) {
                break;
            }
            loop {
                if is_blank(self.b, self.pos) {
                    self.bump();
                } else if self.skip_break() {
                    leading_blanks = true;
                } else {
                    break;
                }
            }
            if self.flow == 0 && (self.col as isize) < indent {
                break;
            }
        }
        if leading_blanks {
            self.simple_key_allowed = true;
        }
    }

    /// Scans a literal (`|`) or folded (`>`) block scalar: its header, then every line indented
    /// at least as much as its content (found from its first non-empty line).
    fn scan_block_scalar(&mut self) {
        self.bump();
        let mut increment = 0;
        for _ in 0..2 {
            match self.cur() {
                Some(b'+' | b'-') => self.bump(),
                Some(c @ b'1'..=b'9') => {
                    increment = isize::from(c - b'0');
                    self.bump();
                }
                _ => break,
            }
        }
        while is_blank(self.b, self.pos) {
            self.bump();
        }
        if self.cur() == Some(b'#') {
            self.skip_to_break();
        }
        if !self.at_end() && !self.skip_break() {
            // libyaml stops with an error: nothing may follow the header.
            return;
        }
        let mut indent = if increment > 0 {
            self.indent.max(0) + increment
        } else {
            0
        };
        self.block_scalar_breaks(&mut indent);
        while !self.at_end() && self.col as isize == indent {
            self.skip_to_break();
            if !self.skip_break() {
                return;
            }
            self.block_scalar_breaks(&mut indent);
        }
    }

    /// Skips the indentation and the empty lines of a block scalar; fixes its indentation from
    /// the first non-empty line when the header did not give it (libyaml's rule).
    fn block_scalar_breaks(&mut self, indent: &mut isize) {
        let mut max_indent = 0;
        loop {
            while (*indent == 0 || (self.col as isize) < *indent) && self.cur() == Some(b' ') {
                self.bump();
            }
            max_indent = max_indent.max(self.col as isize);
            if (*indent == 0 || (self.col as isize) < *indent) && self.cur() == Some(b'\t') {
                // libyaml stops with an error on a tab in the indentation.
                break;
            }
            if !self.skip_break() {
                break;
            }
        }
        if *indent == 0 {
            *indent = max_indent.max(self.indent + 1).max(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn check(text: &str) -> Result<(), YamlBoundError> {
        check_yaml_bounds(text, &YamlBounds::default())
    }

    fn parses(text: &str) -> bool {
        serde_yaml_ng::from_str::<serde_json::Value>(text).is_ok()
    }

    /// `a: ` then `n` times `open`.
    fn nested_flow(n: usize, open: char) -> String {
        let mut s = String::from("a: ");
        s.extend(std::iter::repeat_n(open, n));
        s
    }

    /// A block mapping nested `n` deep, two spaces per level.
    fn nested_block(n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            s.push_str(&" ".repeat(2 * i));
            s.push_str("k:\n");
        }
        s
    }

    /// `levels` anchors, each a sequence of `width` aliases to the one before.
    fn billion_laughs(levels: usize, width: usize) -> String {
        let mut s = String::from("a0: &a0 [lol]\n");
        for i in 1..levels {
            let refs = vec![format!("*a{}", i - 1); width].join(", ");
            s.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        s
    }

    fn assert_fast(start: Instant) {
        // Generous for debug builds on a loaded machine; the pass takes milliseconds.
        assert!(
            start.elapsed() < Duration::from_secs(1),
            "{:?}",
            start.elapsed()
        );
    }

    #[test]
    fn deep_flow_sequences_are_refused_quickly() {
        let text = nested_flow(200_000, '[');
        let start = Instant::now();
        let err = check(&text).unwrap_err();
        assert_fast(start);
        assert!(err.message.contains("deeper than 128"), "{err}");
        // The mapping is level 1, so the 128th `[` (column 4 + 127) is level 129.
        assert_eq!((err.line, err.column), (1, 131));
    }

    #[test]
    fn deep_flow_mappings_are_refused_quickly() {
        let mut text = String::from("x:\n  y: ");
        text.push_str(&"{a: ".repeat(50_000));
        let start = Instant::now();
        let err = check(&text).unwrap_err();
        assert_fast(start);
        assert!(err.message.contains("deeper than"), "{err}");
        assert_eq!(err.line, 2);
        assert!(check(&nested_flow(200_000, '{')).is_err());
    }

    #[test]
    fn deep_block_nesting_is_refused() {
        // The parser is linear on block nesting, but refuses more than 128 levels after
        // parsing: refusing first is cheaper and says the same.
        let err = check(&nested_block(300)).unwrap_err();
        assert!(err.message.contains("deeper than 128"), "{err}");
        assert_eq!(err.line, 129);
        let mut dashes = "- ".repeat(100_000);
        dashes.push('x');
        let start = Instant::now();
        assert!(check(&dashes).is_err());
        assert_fast(start);
    }

    #[test]
    fn nesting_up_to_the_parser_limit_is_accepted() {
        for depth in [1, 64, 127, 128, 129, 200] {
            let mut flow = String::from("a: ");
            flow.push_str(&"[".repeat(depth - 1));
            flow.push_str(&"]".repeat(depth - 1));
            let block = nested_block(depth);
            for text in [flow, block] {
                assert_eq!(
                    check(&text).is_ok(),
                    parses(&text),
                    "depth {depth}: {}",
                    &text[..text.len().min(40)]
                );
            }
        }
    }

    #[test]
    fn billion_laughs_is_refused() {
        let text = billion_laughs(10, 10);
        let err = check(&text).unwrap_err();
        assert!(err.message.contains("expand to more than"), "{err}");
        // The full-size variant: 10 levels of 5,000 aliases (180 KB).
        let text = billion_laughs(10, 5_000);
        let start = Instant::now();
        let err = check(&text).unwrap_err();
        assert_fast(start);
        assert_eq!(err.line, 3, "{err}");
    }

    #[test]
    fn one_large_node_aliased_many_times_is_refused() {
        // No nesting at all: 20,000 scalars aliased 20,000 times is 400 million values.
        let mut text = String::from("a: &a [");
        text.push_str(&"1, ".repeat(20_000));
        text.push_str("1]\nb: [");
        text.push_str(&"*a, ".repeat(20_000));
        text.push_str("*a]\n");
        let err = check(&text).unwrap_err();
        assert!(err.message.contains("expand to more than"), "{err}");
        assert_eq!(err.line, 2);
    }

    #[test]
    fn block_anchors_are_sized_by_their_node() {
        // A block mapping of 9 values aliased 10 times: 90 values (counted as 120, with the
        // `:` that could have introduced nulls).
        let mut text = String::from("base: &base\n  a: 1\n  b: [2, 3]\n  c: |\n    text\nuses:\n");
        text.push_str(&"  - *base\n".repeat(10));
        let tight = |max| YamlBounds {
            max_alias_values: max,
            ..YamlBounds::default()
        };
        assert!(check_yaml_bounds(&text, &tight(120)).is_ok());
        assert!(check_yaml_bounds(&text, &tight(89)).is_err());
        assert!(parses(&text));
        // An anchor with no node on its line and nothing under it names a null.
        let text = "a: &x\nb: *x\nc: *x\n";
        assert!(check_yaml_bounds(text, &tight(2)).is_ok());
        assert!(parses(text));
        // An indentless sequence under a key belongs to the key's node.
        let text = "a: &x\n- 1\n- 2\n- 3\nb: *x\n";
        assert!(check_yaml_bounds(text, &tight(6)).is_ok());
        assert!(check_yaml_bounds(text, &tight(3)).is_err());
        assert!(parses(text));
        // Null entries count: 1,000 of them aliased 2,000 times is 2 million values.
        let mut text = String::from("a: &a\n");
        text.push_str(&"-\n".repeat(1_000));
        text.push_str("b:\n");
        text.push_str(&"- *a\n".repeat(2_000));
        assert!(check(&text).is_err());
    }

    #[test]
    fn too_many_aliases_are_refused() {
        let mut text = String::from("a: &a x\nb:\n");
        text.push_str(&"  - *a\n".repeat(10_001));
        let err = check(&text).unwrap_err();
        assert!(err.message.contains("more than 10000 aliases"), "{err}");
        assert_eq!((err.line, err.column), (10_003, 5));
    }

    #[test]
    fn recursive_alias_is_refused() {
        let err = check("a: &a [1, 2, *a, *a]\n").unwrap_err();
        assert!(err.message.contains("*a is inside"), "{err}");
        let err = check("a: &a\n  b: 1\n  c: *a\n").unwrap_err();
        assert_eq!((err.line, err.column), (3, 6));
        assert!(!parses("a: &a [1, 2, *a, *a]\n"));
        // A later anchor of the same name inside is not recursion.
        let text = "a: &a [&a 1, *a]\n";
        assert!(check(text).is_ok());
        assert!(parses(text));
    }

    /// Text that only looks like structure: none of it may count.
    #[test]
    fn brackets_and_aliases_in_text_do_not_count() {
        let many = "[{*&".repeat(300);
        let cases = [
            format!("a: '{many}'\n"),
            format!("a: \"{many} \\\" [ \"\n"),
            format!("a: 'it''s {many}'\n"),
            format!("a: x # {many}\n"),
            format!("# {many}\na: 1\n"),
            format!("a: |\n  {many}\n   {many}\n\n  {many}\nb: 1\n"),
            format!("a: >-\n    {many}\n  \n    {many}\nb: 1\n"),
            format!("- |2\n   {many}\n- 1\n"),
            format!("a: b {many}\n"),
            format!("a: b\n  {many}\n"),
            format!("- - x\n    {many}\n"),
            format!("a: \"multi\n  line {many}\n  \"\n"),
        ];
        for text in &cases {
            assert_eq!(check(text), Ok(()), "{text}");
        }
    }

    #[test]
    fn realistic_openapi_is_accepted() {
        let text = r##"openapi: 3.0.3
info:
  title: "Orders [beta] API"
  description: |
    Lists orders. Filters look like `status[eq]=open&sort=-date` and
    {"nested": [[["json"]]]} examples are fine here, as is *bold* & co.
      - an indented [line
    #not a comment
  version: 1.0.0
servers:
  - url: https://api.example.com/v1?tenant=a&region=*   # comment [ { *x &y
    description: Production (*all* regions) & more
paths:
  /orders/{orderId}:
    get:
      operationId: getOrder
      summary: Get an order {by id}
      description: >
        Returns the order [if any]; see https://example.com/docs#orders?a=1&b=2.
      parameters:
        - name: orderId
          in: path
          required: true
          schema:
            type: string
            pattern: "^[A-Z]{2}-[0-9]*$"
        - name: fields
          in: query
          schema: {type: array, items: {type: string, enum: [id, total, "a,b"]}}
          example: ['id', 'total']
      responses:
        '200':
          description: 'The order, or [] when it''s gone'
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Order'
components:
  schemas:
    Order:
      type: object
      properties:
        id: {type: string, pattern: '^[a-z]+\[\d\]$'}
        note:
          type: string
          description: a & b * c [d] {e} *x &y !z %w @v
        total: &money
          type: number
          format: double
        tax: *money
        tags:
          type: array
          items:
            type: string
            pattern: ^[a-z]*$
"##;
        assert_eq!(check(text), Ok(()));
        assert!(
            parses(text),
            "{:?}",
            serde_yaml_ng::from_str::<serde_json::Value>(text)
        );
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(check(&crlf), Ok(()));
    }

    #[test]
    fn every_document_is_checked() {
        let mut text = String::from("a: 1\n---\nb: ");
        text.push_str(&"[".repeat(500));
        let err = check(&text).unwrap_err();
        assert_eq!(err.line, 3);
        // Anchors do not carry over to the next document.
        let text = "a: &x [1, 2, 3]\n...\n---\nb: *x\n";
        assert!(check(text).is_ok());
    }

    /// Shapes that stress the scanner itself stay linear.
    #[test]
    fn adversarial_shapes_stay_linear() {
        let size = 2_000_000;
        let shapes = [
            "&a\n".repeat(size / 3),
            "- &a\n".repeat(size / 5),
            "a: &a\n".repeat(size / 6),
            "[[[[]]]]".repeat(size / 8),
            "x x x x x x x x\n".repeat(size / 16),
            "'''''''\n".repeat(size / 8),
            "|\n".repeat(size / 2),
            "\"\\\n".repeat(size / 3),
            "a: b\n  c\n".repeat(size / 10),
            "{a: *b, ".repeat(size / 8),
        ];
        for text in &shapes {
            let start = Instant::now();
            let _ = check(text);
            assert!(
                start.elapsed() < Duration::from_secs(2),
                "{:?} on {:?}",
                start.elapsed(),
                &text[..10]
            );
        }
    }

    /// No false refusal: whatever the parser accepts, the guard accepts (random YAML-ish texts
    /// built from fragments; small aliases only).
    #[test]
    fn accepts_whatever_the_parser_accepts() {
        const FRAGMENTS: &[&str] = &[
            "[",
            "]",
            "{",
            "}",
            ", ",
            ": ",
            "- ",
            "? ",
            "\n",
            "  ",
            "a",
            "b1",
            "'q[{'",
            "\"d\\\"[\"",
            " # c[{\n",
            "|\n",
            ">-\n",
            "&x ",
            "*x ",
            "!t ",
            "---\n",
            "k: ",
            "\n  ",
            "\n    ",
            "x y",
            "-",
            ":",
            "[]",
            "{}",
            "'",
            "\"",
            "#",
            "&",
            "*",
            "\r\n",
            "\t",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let len = 1 + (next() % 40) as usize;
            let text: String = (0..len)
                .map(|_| FRAGMENTS[(next() % FRAGMENTS.len() as u64) as usize])
                .collect();
            if parses(&text) {
                assert_eq!(check(&text), Ok(()), "{text:?}");
            }
        }
    }
}
