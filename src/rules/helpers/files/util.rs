//! Shared helpers for the file rules.

/// Splits `s` around template placeholders (`${{X}}`, `{{X}}`, `<<X>>`): the literal pieces.
/// A string without placeholders gives one piece.
pub fn literal_pieces(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        let open = [("${{", "}}"), ("{{", "}}"), ("<<", ">>")]
            .iter()
            .filter_map(|(o, c)| rest.find(o).map(|i| (i, *o, *c)))
            .min_by_key(|(i, _, _)| *i);
        let Some((i, o, c)) = open else { break };
        let Some(end) = rest[i + o.len()..].find(c) else {
            break;
        };
        out.push(&rest[..i]);
        rest = &rest[i + o.len() + end + c.len()..];
    }
    out.push(rest);
    out
}

/// Whether `name` matches `pattern`, a path in which each placeholder stands for any text
/// within one path segment.
pub fn matches_template(pattern: &str, name: &str) -> bool {
    let pieces = literal_pieces(pattern);
    if pieces.len() == 1 {
        return pattern == name;
    }
    let Some(first) = pieces.first() else {
        return false;
    };
    let Some(mut rest) = name.strip_prefix(first) else {
        return false;
    };
    let last = pieces.len() - 1;
    for (i, piece) in pieces.iter().enumerate().skip(1) {
        if i == last {
            return rest.len() >= piece.len()
                && rest.ends_with(piece)
                && !rest[..rest.len() - piece.len()].contains('/');
        }
        match rest.find(piece) {
            Some(pos) if !rest[..pos].contains('/') => rest = &rest[pos + piece.len()..],
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates() {
        assert_eq!(literal_pieces("a-${{ENV}}.png"), vec!["a-", ".png"]);
        assert!(matches_template("Logo-${{ENV}}.png", "Logo-dev.png"));
        assert!(matches_template("{{A}}/x-<<B>>.json", "en/x-1.json"));
        assert!(!matches_template("Logo-${{ENV}}.png", "Logo-dev.jpg"));
        assert!(!matches_template("Logo-${{ENV}}.png", "Logo-a/b.png"));
        assert!(matches_template("color.png", "color.png"));
        assert!(!matches_template("color.png", "Color.png"));
    }
}
