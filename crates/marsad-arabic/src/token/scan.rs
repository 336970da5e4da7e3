//! The scanner behind [`super::Tokens`]: one pass over the text, no backtracking beyond a
//! few characters of lookahead, and no allocation.

use super::{Token, TokenKind};
use crate::chars::{
    TATWEEL, is_arabic_letter, is_arabic_mark, is_arabic_word_char, is_digit, is_invisible_control,
    is_other_letter,
};

/// A position in the text, in bytes and chars at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pos {
    byte: usize,
    char: usize,
}

#[derive(Debug, Clone)]
pub(crate) struct Scanner<'a> {
    text: &'a str,
    pos: Pos,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Scanner {
            text,
            pos: Pos { byte: 0, char: 0 },
        }
    }

    #[inline]
    fn peek_at(&self, p: Pos) -> Option<char> {
        let b = *self.text.as_bytes().get(p.byte)?;
        if b < 0x80 {
            Some(b as char)
        } else {
            self.text[p.byte..].chars().next()
        }
    }

    #[inline]
    fn advance(&self, p: Pos) -> Pos {
        match self.peek_at(p) {
            Some(c) => Pos {
                byte: p.byte + c.len_utf8(),
                char: p.char + 1,
            },
            None => p,
        }
    }

    /// Advances `p` while `f` holds; returns the new position and how many chars it passed.
    #[inline]
    fn advance_while(&self, mut p: Pos, mut f: impl FnMut(char) -> bool) -> (Pos, usize) {
        let mut n = 0;
        while let Some(c) = self.peek_at(p) {
            if !f(c) {
                break;
            }
            p = Pos {
                byte: p.byte + c.len_utf8(),
                char: p.char + 1,
            };
            n += 1;
        }
        (p, n)
    }

    /// Skips whitespace and stray invisible controls.
    #[inline]
    fn skip_space(&mut self) {
        while let Some(c) = self.peek_at(self.pos) {
            if !(c.is_whitespace() || is_invisible_control(c)) {
                break;
            }
            self.pos = self.advance(self.pos);
        }
    }

    pub(crate) fn next_token(&mut self) -> Option<Token> {
        self.skip_space();
        let start = self.pos;
        let c = self.peek_at(start)?;
        let (end, kind) = self.scan_token(start, c);
        debug_assert!(end.byte > start.byte);
        self.pos = end;
        Some(Token {
            kind,
            start: start.char,
            end: end.char,
            byte_start: start.byte,
            byte_end: end.byte,
        })
    }

    fn scan_token(&self, start: Pos, c: char) -> (Pos, TokenKind) {
        if is_arabic_letter(c) {
            return (self.scan_arabic_word(start), TokenKind::ArabicWord);
        }
        if c.is_ascii_alphanumeric() {
            if let Some(end) = self.scan_url(start).or_else(|| self.scan_email(start)) {
                return end;
            }
        }
        if is_digit(c) {
            return self.scan_number(start);
        }
        if is_other_letter(c) {
            return (self.scan_latin_word(start), TokenKind::LatinWord);
        }
        match c {
            '#' | '@' => {
                let after = self.advance(start);
                let (end, n) = self.advance_while(after, is_tag_char);
                if n > 0 {
                    let kind = if c == '#' {
                        TokenKind::Hashtag
                    } else {
                        TokenKind::Mention
                    };
                    return (end, kind);
                }
                (after, TokenKind::Other)
            }
            TATWEEL => {
                // A run of tatweel before a word belongs to it; alone it is decoration.
                let (end, _) = self.advance_while(start, |c| c == TATWEEL || is_arabic_mark(c));
                match self.peek_at(end) {
                    Some(n) if is_arabic_letter(n) => {
                        (self.scan_arabic_word(end), TokenKind::ArabicWord)
                    }
                    _ => (end, TokenKind::Other),
                }
            }
            c if is_arabic_mark(c) => {
                // Lone combining marks with no letter to sit on.
                let (end, _) = self.advance_while(start, is_arabic_mark);
                (end, TokenKind::Other)
            }
            c if is_punct(c) => (self.advance(start), TokenKind::Punct),
            _ => {
                // Symbols, emoji…: one char, plus any combining marks riding on it.
                let after = self.advance(start);
                let (end, _) = self.advance_while(after, is_combining_non_arabic);
                (end, TokenKind::Other)
            }
        }
    }

    fn scan_arabic_word(&self, start: Pos) -> Pos {
        // Joiners may sit inside a word but never end one: stop after the last letter/mark.
        let mut p = start;
        let mut last = start;
        while let Some(c) = self.peek_at(p) {
            if !is_arabic_word_char(c) {
                break;
            }
            p = self.advance(p);
            if c != '\u{200C}' && c != '\u{200D}' {
                last = p;
            }
        }
        last
    }

    fn scan_latin_word(&self, start: Pos) -> Pos {
        let mut p = start;
        loop {
            let (q, _) = self.advance_while(p, |c| {
                is_other_letter(c) || c.is_ascii_digit() || is_combining_non_arabic(c)
            });
            p = q;
            // Inner hyphen or apostrophe: F-16, al-Sisi, don't.
            match self.peek_at(p) {
                Some('-' | '\'' | '\u{2019}') => {
                    let after = self.advance(p);
                    match self.peek_at(after) {
                        Some(n) if is_other_letter(n) || n.is_ascii_digit() => p = after,
                        _ => return p,
                    }
                }
                _ => return p,
            }
        }
    }

    fn scan_url(&self, start: Pos) -> Option<(Pos, TokenKind)> {
        let rest = &self.text.as_bytes()[start.byte..];
        let scheme = ["http://", "https://", "ftp://", "www."]
            .iter()
            .find(|s| rest.len() > s.len() && rest[..s.len()].eq_ignore_ascii_case(s.as_bytes()))?;
        let body = Pos {
            byte: start.byte + scheme.len(),
            char: start.char + scheme.len(),
        };
        match self.peek_at(body) {
            Some(c) if c.is_alphanumeric() => {}
            _ => return None,
        }
        let (mut end, _) = self.advance_while(body, |c| !is_url_stop(c));
        // Trailing sentence punctuation is not part of the URL.
        let trimmed = self.text[start.byte..end.byte]
            .trim_end_matches(['.', ',', ')', '!', '?', ':', ';', '\'', '؟', '،', '؛']);
        let dropped = self.text[start.byte + trimmed.len()..end.byte]
            .chars()
            .count();
        end = Pos {
            byte: start.byte + trimmed.len(),
            char: end.char - dropped,
        };
        Some((end, TokenKind::Url))
    }

    fn scan_email(&self, start: Pos) -> Option<(Pos, TokenKind)> {
        let is_local =
            |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
        let (at, n) = self.advance_while(start, is_local);
        if n == 0 || self.peek_at(at) != Some('@') {
            return None;
        }
        let domain = self.advance(at);
        let mut p = domain;
        let mut labels = 0;
        loop {
            let (q, n) = self.advance_while(p, |c| c.is_ascii_alphanumeric() || c == '-');
            if n == 0 {
                break;
            }
            labels += 1;
            p = q;
            if self.peek_at(p) == Some('.') {
                let after = self.advance(p);
                if self
                    .peek_at(after)
                    .is_some_and(|c| c.is_ascii_alphanumeric())
                {
                    p = after;
                    continue;
                }
            }
            break;
        }
        (labels >= 2).then_some((p, TokenKind::Email))
    }

    /// Numbers, dates and times. The first char is a digit of any set.
    fn scan_number(&self, start: Pos) -> (Pos, TokenKind) {
        let (p1, n1) = self.advance_while(start, is_digit);
        // Time: H:MM or H:MM:SS.
        if n1 <= 2 && self.peek_at(p1) == Some(':') {
            let (p2, n2) = self.advance_while(self.advance(p1), is_digit);
            if n2 == 2 {
                if self.peek_at(p2) == Some(':') {
                    let (p3, n3) = self.advance_while(self.advance(p2), is_digit);
                    if n3 == 2 {
                        return (p3, TokenKind::Time);
                    }
                }
                return (p2, TokenKind::Time);
            }
        }
        // Date: D/M/Y, D-M-Y, D.M.Y or Y-M-D, with one separator throughout.
        if let Some(sep @ ('/' | '-' | '.')) = self.peek_at(p1) {
            let (p2, n2) = self.advance_while(self.advance(p1), is_digit);
            if n2 > 0 && self.peek_at(p2) == Some(sep) {
                let (p3, n3) = self.advance_while(self.advance(p2), is_digit);
                let dmy = (1..=2).contains(&n1) && (1..=2).contains(&n2) && (n3 == 2 || n3 == 4);
                let ymd = n1 == 4 && (1..=2).contains(&n2) && (1..=2).contains(&n3);
                if (dmy || ymd) && !self.peek_at(p3).is_some_and(is_digit) {
                    return (p3, TokenKind::Date);
                }
            }
        }
        // Number with decimal or thousands separators between digit groups.
        let mut end = p1;
        while let Some('.' | ',' | '\u{066B}' | '\u{066C}') = self.peek_at(end) {
            let (q, n) = self.advance_while(self.advance(end), is_digit);
            if n == 0 {
                break;
            }
            end = q;
        }
        (end, TokenKind::Number)
    }
}

#[inline]
fn is_tag_char(c: char) -> bool {
    c == '_'
        || c.is_ascii_alphanumeric()
        || is_digit(c)
        || is_arabic_word_char(c)
        || is_other_letter(c)
}

#[inline]
fn is_url_stop(c: char) -> bool {
    c.is_whitespace()
        || is_invisible_control(c)
        || matches!(
            c,
            '"' | '<' | '>' | '«' | '»' | '“' | '”' | '،' | '؛' | '\u{FFFD}'
        )
}

#[inline]
fn is_combining_non_arabic(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}' | '\u{FE00}'..='\u{FE0F}')
}

/// Punctuation: ASCII punctuation except the symbols, the Arabic comma, semicolon, question
/// mark and full stop, guillemets, typographic quotes, dashes and the ellipsis.
#[inline]
pub(crate) fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation()
            && !matches!(
                c,
                '$' | '%' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~' | '&' | '*' | '#' | '@'
            );
    }
    matches!(
        c,
        '،' | '؛'
            | '؟'
            | '۔'
            | '٭'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '„'
            | '‚'
            | '\u{2010}'
            ..='\u{2015}'
                | '…'
                | '\u{2E2E}'
                | '\u{00A1}'
                | '\u{00BF}'
                | '\u{00B7}'
                | '\u{FD3E}'
                | '\u{FD3F}'
                | '\u{3001}'
                | '\u{3002}'
    )
}
