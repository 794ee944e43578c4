//! Byte offset → (line, column) mapping for diagnostics.
//!
//! Only `std` is used. Building the index is one linear pass over the bytes;
//! each lookup is a binary search over line starts plus a char count over the
//! part of the line before the offset.

/// Maps byte offsets in a text to 1-based line and column.
///
/// Line breaks are `"\n"`, `"\r\n"` (counted as one break) and a lone `"\r"`.
/// The index stores only line start offsets; [`LineIndex::line_col`] takes the
/// text again so the index does not borrow it. Pass the same text that was
/// given to [`LineIndex::new`] (a different text never panics, but the answer
/// is meaningless).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset at which each line starts; `line_starts[0] == 0`, strictly increasing.
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Builds the index of line starts of `text` in one pass.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        // Only the line breaks are visited (memchr skips the rest a vector at a time).
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            match bytes.get(i) {
                // "\r\n" is one break: the line starts after the '\n', pushed at the '\n'.
                Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => {}
                _ => line_starts.push(i + 1),
            }
        }
        LineIndex { line_starts }
    }

    /// Number of lines (a text ending in a line break has an empty last line).
    #[must_use]
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 1-based line and 1-based column counted in Unicode scalar values (chars) from the start of the line.
    /// Offsets past the end clamp to the end; an offset inside a multi-byte char counts as that char.
    /// Line breaks: "\n", "\r\n" (one break) and a lone "\r".
    ///
    /// The offset of a line-break character itself belongs to the line it ends
    /// (for `"\r\n"` both bytes do). The offset `text.len()` is a valid position
    /// (just after the last char).
    #[must_use]
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        // Index of the last line start <= offset; line_starts[0] == 0 so it is >= 1.
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = floor_char_boundary(text, self.line_starts[line - 1].min(offset));
        let column = text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        (line, column)
    }
}

/// Largest char boundary `<= offset` (`offset` must be `<= text.len()`).
fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lc(text: &str, offset: usize) -> (usize, usize) {
        LineIndex::new(text).line_col(text, offset)
    }

    #[test]
    fn first_line() {
        let t = "{\"a\": 1}";
        assert_eq!(lc(t, 0), (1, 1));
        assert_eq!(lc(t, 1), (1, 2));
        assert_eq!(lc(t, 6), (1, 7));
    }

    #[test]
    fn empty_text() {
        assert_eq!(lc("", 0), (1, 1));
        assert_eq!(lc("", 10), (1, 1));
        assert_eq!(LineIndex::new("").line_count(), 1);
    }

    #[test]
    fn after_lf() {
        let t = "{\n  \"a\": 1\n}";
        assert_eq!(lc(t, 1), (1, 2)); // the '\n' belongs to line 1
        assert_eq!(lc(t, 2), (2, 1));
        assert_eq!(lc(t, 4), (2, 3)); // the quote
        assert_eq!(lc(t, t.len() - 1), (3, 1));
    }

    #[test]
    fn after_crlf() {
        let t = "{\r\n  \"a\": 1\r\n}";
        assert_eq!(lc(t, 1), (1, 2)); // '\r'
        assert_eq!(lc(t, 2), (1, 3)); // '\n' of the same break
        assert_eq!(lc(t, 3), (2, 1));
        assert_eq!(lc(t, 5), (2, 3));
        assert_eq!(lc(t, t.len() - 1), (3, 1));
        assert_eq!(LineIndex::new(t).line_count(), 3);
    }

    #[test]
    fn lone_cr() {
        let t = "a\rb\r\rc";
        assert_eq!(lc(t, 0), (1, 1));
        assert_eq!(lc(t, 2), (2, 1));
        assert_eq!(lc(t, 4), (3, 1));
        assert_eq!(lc(t, 5), (4, 1));
        assert_eq!(LineIndex::new(t).line_count(), 4);
    }

    #[test]
    fn mixed_breaks() {
        let t = "a\n\rb\r\n\nc";
        // lines: "a", "", "b", "", "c"
        assert_eq!(LineIndex::new(t).line_count(), 5);
        assert_eq!(lc(t, 3), (3, 1));
        assert_eq!(lc(t, t.len() - 1), (5, 1));
    }

    #[test]
    fn multibyte_columns() {
        let t = "é😀x\n\"é\": 1";
        // 'é' is 2 bytes, '😀' is 4 bytes.
        assert_eq!(lc(t, 0), (1, 1));
        assert_eq!(lc(t, 1), (1, 1)); // inside 'é'
        assert_eq!(lc(t, 2), (1, 2)); // '😀'
        assert_eq!(lc(t, 3), (1, 2));
        assert_eq!(lc(t, 5), (1, 2));
        assert_eq!(lc(t, 6), (1, 3)); // 'x'
        assert_eq!(lc(t, 7), (1, 4)); // '\n'
        assert_eq!(lc(t, 8), (2, 1)); // '"'
        assert_eq!(lc(t, 11), (2, 3)); // second '"'
    }

    #[test]
    fn end_of_text_and_past_end() {
        let t = "ab\ncd";
        assert_eq!(lc(t, 5), (2, 3));
        assert_eq!(lc(t, 500), (2, 3));
        let t = "ab\n";
        assert_eq!(lc(t, 3), (2, 1));
        assert_eq!(lc(t, usize::MAX), (2, 1));
        let t = "a😀";
        assert_eq!(lc(t, t.len()), (1, 3));
    }

    #[test]
    fn different_text_does_not_panic() {
        let idx = LineIndex::new("a\nb\nc\nd");
        let _ = idx.line_col("é", 1);
        let _ = idx.line_col("", 5);
        let _ = idx.line_col("😀😀", 6);
    }
}
