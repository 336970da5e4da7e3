//! A text as words with folded matching keys, shared by the claims and quotes rules.

use marsad_arabic::normalize::{Folds, normalize_into};
use marsad_arabic::sentence::{Sentence, sentences_from_tokens};
use marsad_arabic::token::{Token, TokenKind, tokenize};
use std::ops::Range;

/// The folds cue keys are matched on: lossless folds plus alef, alef maksura, teh marbuta
/// and hamza seats, so that `أكد`, `اكد`, `أكّد` and `أؤكد`/`اوكد` meet. Keys are only used
/// for matching; every span still points into the original text.
pub const KEY_FOLDS: Folds = Folds::SEARCH;

/// The tokens of a text with their folded keys and sentences.
#[derive(Debug, Clone)]
pub struct Words<'a> {
    /// The text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// The folded key of each token.
    pub keys: Vec<String>,
    /// Each key without a leading conjunction (و/ف), when the rest is still a word.
    pub bare: Vec<String>,
    /// Sentences over `tokens`.
    pub sentences: Vec<Sentence>,
    /// Index of the sentence holding each token.
    pub sentence_of: Vec<usize>,
    /// True when a line break separates the token from the one before it.
    pub line_before: Vec<bool>,
}

impl<'a> Words<'a> {
    /// Tokenizes, folds and splits `text`. Never fails.
    pub fn new(text: &'a str) -> Words<'a> {
        let tokens = tokenize(text);
        let sentences = sentences_from_tokens(text, &tokens);
        let mut keys = Vec::with_capacity(tokens.len());
        let mut bare = Vec::with_capacity(tokens.len());
        let mut line_before = Vec::with_capacity(tokens.len());
        let mut prev_end_byte = 0;
        for t in &tokens {
            let mut k = String::new();
            normalize_into(t.text(text), KEY_FOLDS, &mut k);
            bare.push(strip_conjunction(&k).to_string());
            keys.push(k);
            line_before.push(text[prev_end_byte..t.byte_start].contains('\n'));
            prev_end_byte = t.byte_end;
        }
        let mut sentence_of = vec![0; tokens.len()];
        for (i, s) in sentences.iter().enumerate() {
            for j in s.tokens.clone() {
                if let Some(slot) = sentence_of.get_mut(j) {
                    *slot = i;
                }
            }
        }
        Words {
            text,
            tokens,
            keys,
            bare,
            sentences,
            sentence_of,
            line_before,
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// True when the text has no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The key of token `i`, or `""` past the end.
    pub fn key(&self, i: usize) -> &str {
        self.keys.get(i).map(String::as_str).unwrap_or("")
    }

    /// The conjunction-free key of token `i`, or `""` past the end.
    pub fn bare(&self, i: usize) -> &str {
        self.bare.get(i).map(String::as_str).unwrap_or("")
    }

    /// True when token `i` is punctuation equal to one of `chars`.
    pub fn is_punct(&self, i: usize, chars: &[char]) -> bool {
        match self.tokens.get(i) {
            Some(t) if t.kind == TokenKind::Punct => t
                .text(self.text)
                .chars()
                .next()
                .is_some_and(|c| chars.contains(&c)),
            _ => false,
        }
    }

    /// True when token `i` is a word (Arabic or Latin).
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind.is_word())
    }

    /// The token range of the sentence holding token `i`.
    pub fn sentence_tokens(&self, i: usize) -> Range<usize> {
        self.sentence_of
            .get(i)
            .and_then(|&s| self.sentences.get(s))
            .map(|s| s.tokens.clone())
            .unwrap_or(i..i + 1)
    }

    /// Char span covering tokens `r` (empty at the text end when `r` is empty).
    pub fn char_span(&self, r: Range<usize>) -> Range<usize> {
        if r.is_empty() {
            let at = self
                .tokens
                .get(r.start)
                .map(|t| t.start)
                .or_else(|| self.tokens.last().map(|t| t.end))
                .unwrap_or(0);
            return at..at;
        }
        let s = self.tokens.get(r.start).map(|t| t.start).unwrap_or(0);
        let e = self.tokens.get(r.end - 1).map(|t| t.end).unwrap_or(s);
        s..e.max(s)
    }

    /// The original text of tokens `r`.
    pub fn slice(&self, r: Range<usize>) -> &'a str {
        if r.is_empty() || r.end > self.tokens.len() {
            return "";
        }
        &self.text[self.tokens[r.start].byte_start..self.tokens[r.end - 1].byte_end]
    }

    /// The first token whose char span ends after `char_pos`.
    pub fn token_at_or_after(&self, char_pos: usize) -> usize {
        self.tokens.partition_point(|t| t.end <= char_pos)
    }
}

/// Drops a leading conjunction و or ف from a folded key when at least three letters remain.
pub fn strip_conjunction(key: &str) -> &str {
    for p in ["و", "ف"] {
        if let Some(rest) = key.strip_prefix(p)
            && rest.chars().count() >= 3
        {
            return rest;
        }
    }
    key
}

/// Folds a lexicon entry the way token keys are folded.
pub fn fold(s: &str) -> String {
    let mut out = String::new();
    normalize_into(s, KEY_FOLDS, &mut out);
    out
}
