//! A tokenizer for Arabic news text.
//!
//! Tokens keep both their char span (the unit marsad stores) and their byte span (to slice
//! the input), and a [`TokenKind`]. Whitespace and stray invisible controls (LRM, BOM…) are
//! never tokens; every other character belongs to exactly one token, so tokens tile the
//! non-space text in order.
//!
//! Words are recognised on the *raw* text: diacritics, tatweel and joiners inside an Arabic
//! word stay part of it, so the token's span covers what the reader sees. Normalization is
//! applied per token afterwards (see [`crate::analyzer`]).

mod scan;

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum TokenKind {
    /// A word in Arabic script, with any marks, tatweel or joiners inside it.
    ArabicWord,
    /// A word in another script (Latin, Cyrillic…), possibly with inner digits, `-` or `'`.
    LatinWord,
    /// A number: digits of any set, with decimals and thousands separators.
    Number,
    /// A numeric date: `24/05/2016`, `24-5-2016`, `2016-05-24`, `24.05.2016`.
    Date,
    /// A time of day: `12:55` or `12:55:55`.
    Time,
    /// A URL: `http(s)://…` or `www.…`.
    Url,
    /// An e-mail address.
    Email,
    /// An `@mention`.
    Mention,
    /// A `#hashtag`, in any script (`#ليبيا`); `_` joins words inside it.
    Hashtag,
    /// Punctuation, one character per token: `. , ، ؛ ؟ ! « » " ( ) …`.
    Punct,
    /// Symbols and anything else: `% $ +`, emoji, stray combining marks.
    Other,
}

impl TokenKind {
    /// True for the kinds that carry words a search index or a tagger looks at.
    pub fn is_word(self) -> bool {
        matches!(self, TokenKind::ArabicWord | TokenKind::LatinWord)
    }

    /// A short stable name, used in golden files and the CLI.
    pub fn name(self) -> &'static str {
        match self {
            TokenKind::ArabicWord => "ar",
            TokenKind::LatinWord => "latin",
            TokenKind::Number => "num",
            TokenKind::Date => "date",
            TokenKind::Time => "time",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Mention => "mention",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Punct => "punct",
            TokenKind::Other => "other",
        }
    }
}

/// A token: its kind and where it is, in chars and in bytes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Token {
    /// What the token is.
    pub kind: TokenKind,
    /// Char span (Unicode scalar values) in the input.
    pub start: usize,
    /// End of the char span, exclusive.
    pub end: usize,
    /// Byte span in the input.
    pub byte_start: usize,
    /// End of the byte span, exclusive.
    pub byte_end: usize,
}

impl Token {
    /// The token's text, sliced from the input it was produced from.
    #[inline]
    pub fn text<'a>(&self, input: &'a str) -> &'a str {
        &input[self.byte_start..self.byte_end]
    }

    /// The char span.
    pub fn chars(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The byte span.
    pub fn bytes(&self) -> Range<usize> {
        self.byte_start..self.byte_end
    }

    /// The token as one stable line, `start..end byte_start..byte_end kind text`: the
    /// format of `marsad analyze --tokens` and of the golden files.
    pub fn line<'a>(&'a self, input: &'a str) -> impl std::fmt::Display + 'a {
        TokenLine { token: self, input }
    }
}

struct TokenLine<'a> {
    token: &'a Token,
    input: &'a str,
}

impl std::fmt::Display for TokenLine<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let t = self.token;
        write!(
            f,
            "{}..{} {}..{} {} {}",
            t.start,
            t.end,
            t.byte_start,
            t.byte_end,
            t.kind.name(),
            t.text(self.input)
        )
    }
}

/// Tokenizes `text` into a vector.
pub fn tokenize(text: &str) -> Vec<Token> {
    Tokens::new(text).collect()
}

/// A lazy iterator over the tokens of a text; [`tokenize`] collects it.
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    scanner: scan::Scanner<'a>,
}

impl<'a> Tokens<'a> {
    /// Starts tokenizing `text`.
    pub fn new(text: &'a str) -> Self {
        Tokens {
            scanner: scan::Scanner::new(text),
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    #[inline]
    fn next(&mut self) -> Option<Token> {
        self.scanner.next_token()
    }
}

#[cfg(test)]
mod tests;
