//! Terminal output for Arabic: direction marks and highlighting.

use std::io::IsTerminal;

/// Prefixes text that starts right-to-left with RLM, so terminals that implement the
/// Unicode bidi algorithm lay the line out right-to-left even when it starts with a digit
/// or Latin text; terminals without bidi ignore the invisible mark.
pub fn rtl(s: &str) -> String {
    if s.chars().any(marsad_arabic::chars::is_arabic_letter) {
        format!("\u{200F}{s}")
    } else {
        s.to_string()
    }
}

/// Whether to colour highlights: only on a terminal, and never when `NO_COLOR` is set.
pub fn color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Marks `spans` (char ranges) of `text`: bold reverse video on a terminal — escape codes
/// carry no direction, so they survive bidi reordering — and ⟪ ⟫ otherwise, which are
/// mirrored by bidi terminals and so always open before the match in reading order.
pub fn highlight(text: &str, spans: &[std::ops::Range<usize>], color: bool) -> String {
    let (open, close) = if color {
        ("\x1b[1;7m", "\x1b[0m")
    } else {
        ("⟪", "⟫")
    };
    let mut out = String::with_capacity(text.len() + spans.len() * 8);
    let mut spans = spans.iter().peekable();
    for (i, c) in text.chars().enumerate() {
        while spans.peek().is_some_and(|s| s.end <= i || s.start >= s.end) {
            spans.next();
        }
        if spans.peek().is_some_and(|s| s.start == i) {
            out.push_str(open);
        }
        out.push(c);
        if spans.peek().is_some_and(|s| s.end == i + 1) {
            out.push_str(close);
            spans.next();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_char_spans() {
        let one = std::slice::from_ref(&(4..8));
        assert_eq!(highlight("قال حفتر إن", one, false), "قال ⟪حفتر⟫ إن");
        assert_eq!(highlight("ab cd", &[0..2, 3..5], false), "⟪ab⟫ ⟪cd⟫");
        assert_eq!(highlight("abc", &[], true), "abc");
        let middle = std::slice::from_ref(&(1..2));
        assert!(highlight("abc", middle, true).contains("\x1b[1;7mb\x1b[0m"));
    }

    #[test]
    fn rtl_marks_arabic_only() {
        assert!(rtl("2016 عام").starts_with('\u{200F}'));
        assert_eq!(rtl("hello"), "hello");
    }
}
