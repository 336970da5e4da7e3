//! The search analysis chain: tokenize → normalize → stopwords → clitics → stem.
//!
//! Every term keeps the char and byte span of the token it came from, so a search hit can
//! be highlighted exactly in the original text, and a position, so phrases match. Stopwords
//! leave a gap in positions (as Lucene does), so a phrase never matches across a removed
//! word as if it were not there.
//!
//! Token kinds are treated as follows:
//!
//! | kind | term |
//! |---|---|
//! | Arabic and Latin words | the full chain |
//! | hashtags | each `_`-separated part through the full chain (`#حكومة_الوفاق` → two terms) |
//! | numbers, dates, times | the digits folded to ASCII |
//! | URLs, e-mails, mentions | lower-cased, whole |
//! | punctuation, symbols | nothing |
//!
//! ```
//! use marsad_arabic::analyzer::Analyzer;
//!
//! let analyzer = Analyzer::search();
//! let mut terms = Vec::new();
//! analyzer.analyze("والمُفاوَضات في الوزارة", |t| terms.push((t.text.to_string(), t.start, t.end)));
//! // "في" is a stopword; the diacritics, the conjunction and the article are gone.
//! assert_eq!(terms, vec![("مفاوض".to_string(), 0, 12), ("وزار".to_string(), 16, 23)]);
//! ```

use crate::normalize::{Folds, normalize_into};
use crate::stem::{Stemmer, StemmerKind};
use crate::stopwords::StopwordSet;
use crate::token::{Token, TokenKind, Tokens};
use std::sync::Arc;

/// Named configurations, the ones the search benchmark compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Preset {
    /// Tokenize and lower-case only.
    Plain,
    /// All normalization folds, no stopwords, no stemming.
    Normalize,
    /// Lossless folds, stopwords, Snowball Arabic.
    Snowball,
    /// Configured like Lucene's `ArabicAnalyzer`: Lucene's folds, digits, lower case,
    /// stopwords, light10.
    Light10,
    /// marsad's chain: every fold, stopwords, guarded clitic segmentation and stemming.
    Marsad,
}

impl Preset {
    /// Every preset, from the simplest to marsad's.
    pub const ALL: [Preset; 5] = [
        Preset::Plain,
        Preset::Normalize,
        Preset::Snowball,
        Preset::Light10,
        Preset::Marsad,
    ];

    /// A short stable name.
    pub fn name(self) -> &'static str {
        match self {
            Preset::Plain => "plain",
            Preset::Normalize => "normalize",
            Preset::Snowball => "snowball",
            Preset::Light10 => "light10",
            Preset::Marsad => "marsad",
        }
    }

    /// The preset named `name`.
    pub fn parse(name: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// A configured analysis chain. Cheap to clone; `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Analyzer {
    folds: Folds,
    stopwords: Option<Arc<StopwordSet>>,
    stemmer: Stemmer,
}

/// One search term: its text and where the token it came from is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term<'a> {
    /// The term, as it goes into the index.
    pub text: &'a str,
    /// Char span of the source token (for a hashtag part, of the part).
    pub start: usize,
    /// End of the char span, exclusive.
    pub end: usize,
    /// Byte span of the source token.
    pub byte_start: usize,
    /// End of the byte span, exclusive.
    pub byte_end: usize,
    /// Position of the term, counting removed stopwords.
    pub position: u32,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::search()
    }
}

impl Analyzer {
    /// marsad's search chain ([`Preset::Marsad`]).
    pub fn search() -> Analyzer {
        Analyzer::preset(Preset::Marsad)
    }

    /// The analyzer of a named preset.
    pub fn preset(preset: Preset) -> Analyzer {
        let marsad_stopwords = || Some(Arc::new(StopwordSet::marsad().clone()));
        match preset {
            Preset::Plain => Analyzer::new(Folds::LOWERCASE, None, Stemmer::new(StemmerKind::None)),
            Preset::Normalize => {
                Analyzer::new(Folds::SEARCH, None, Stemmer::new(StemmerKind::None))
            }
            Preset::Snowball => Analyzer::new(
                Folds::LOSSLESS | Folds::LOWERCASE,
                marsad_stopwords(),
                Stemmer::new(StemmerKind::Snowball),
            ),
            Preset::Light10 => Analyzer::new(
                Folds::LUCENE | Folds::DIGITS | Folds::LOWERCASE,
                marsad_stopwords(),
                Stemmer::new(StemmerKind::Light10),
            ),
            Preset::Marsad => Analyzer::new(
                Folds::SEARCH,
                marsad_stopwords(),
                Stemmer::new(StemmerKind::Marsad),
            ),
        }
    }

    /// A custom chain. Stopwords are looked up after normalization with `folds`, so they
    /// should be stored in that form (see [`StopwordSet::from_words`]).
    pub fn new(folds: Folds, stopwords: Option<Arc<StopwordSet>>, stemmer: Stemmer) -> Analyzer {
        Analyzer {
            folds,
            stopwords,
            stemmer,
        }
    }

    /// The normalization folds of this chain.
    pub fn folds(&self) -> Folds {
        self.folds
    }

    /// Calls `emit` with every term of `text`, in order.
    pub fn analyze(&self, text: &str, mut emit: impl FnMut(Term<'_>)) {
        let mut stream = self.stream(text);
        while let Some(term) = stream.next_term() {
            emit(term);
        }
    }

    /// The terms of `text` as owned strings (convenient for queries and tests).
    pub fn terms(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.analyze(text, |t| out.push(t.text.to_string()));
        out
    }

    /// A lazy stream over the terms of `text`, reusing its buffers between terms.
    pub fn stream<'a>(&'a self, text: &'a str) -> TermStream<'a> {
        TermStream {
            analyzer: self,
            text,
            tokens: Tokens::new(text),
            position: 0,
            next_position: 0,
            hashtag: None,
            normalized: String::with_capacity(32),
            term: String::with_capacity(32),
        }
    }

    /// The term of one word (normalized, not a stopword, stemmed) into `term`; `false` for a
    /// stopword or a word that normalizes to nothing.
    fn word_term(&self, word: &str, normalized: &mut String, term: &mut String) -> bool {
        normalized.clear();
        normalize_into(word, self.folds, normalized);
        if normalized.is_empty() {
            return false;
        }
        if let Some(stopwords) = &self.stopwords {
            if stopwords.contains(normalized) {
                return false;
            }
        }
        term.clear();
        self.stemmer.stem(normalized, term);
        !term.is_empty()
    }
}

/// The terms of one text, produced one at a time. See [`Analyzer::stream`].
#[derive(Debug)]
pub struct TermStream<'a> {
    analyzer: &'a Analyzer,
    text: &'a str,
    tokens: Tokens<'a>,
    position: u32,
    next_position: u32,
    /// A hashtag being split into parts: the token and the byte/char offset of the next part.
    hashtag: Option<(Token, usize, usize)>,
    normalized: String,
    term: String,
}

impl TermStream<'_> {
    /// The next term, or `None` at the end of the text.
    pub fn next_term(&mut self) -> Option<Term<'_>> {
        loop {
            if let Some(span) = self.next_hashtag_part() {
                return Some(self.emit(span));
            }
            let token = self.tokens.next()?;
            let raw = token.text(self.text);
            let produced = match token.kind {
                TokenKind::ArabicWord | TokenKind::LatinWord => {
                    let ok = self
                        .analyzer
                        .word_term(raw, &mut self.normalized, &mut self.term);
                    if !ok {
                        // A removed stopword still occupies a position.
                        self.next_position += 1;
                    }
                    ok
                }
                TokenKind::Number | TokenKind::Date | TokenKind::Time => {
                    self.term.clear();
                    normalize_into(raw, self.analyzer.folds | Folds::DIGITS, &mut self.term);
                    true
                }
                TokenKind::Url | TokenKind::Email | TokenKind::Mention => {
                    self.term.clear();
                    normalize_into(raw, self.analyzer.folds | Folds::LOWERCASE, &mut self.term);
                    true
                }
                TokenKind::Hashtag => {
                    // Skip the '#' (one byte, one char) and split the rest on '_'.
                    self.hashtag = Some((token.clone(), token.byte_start + 1, token.start + 1));
                    false
                }
                _ => false,
            };
            if produced {
                return Some(self.emit((token.byte_start, token.byte_end, token.start, token.end)));
            }
        }
    }

    fn emit(
        &mut self,
        (byte_start, byte_end, start, end): (usize, usize, usize, usize),
    ) -> Term<'_> {
        self.position = self.next_position;
        self.next_position += 1;
        Term {
            text: &self.term,
            start,
            end,
            byte_start,
            byte_end,
            position: self.position,
        }
    }

    /// Produces the next analyzed part of a pending hashtag into `self.term`, returning its
    /// span; `None` when no hashtag is pending or its parts are used up.
    fn next_hashtag_part(&mut self) -> Option<(usize, usize, usize, usize)> {
        loop {
            let (token, byte, ch) = self.hashtag.as_ref()?;
            let (token_end, byte, ch) = (token.byte_end, *byte, *ch);
            if byte >= token_end {
                self.hashtag = None;
                return None;
            }
            let rest = &self.text[byte..token_end];
            let part_len = rest.find('_').unwrap_or(rest.len());
            let part = &rest[..part_len];
            let part_chars = part.chars().count();
            let next = (byte + part_len + 1).min(token_end);
            let next_ch = ch + part_chars + usize::from(part_len < rest.len());
            self.hashtag = self.hashtag.take().map(|(t, _, _)| (t, next, next_ch));
            if part.is_empty() {
                continue;
            }
            if self
                .analyzer
                .word_term(part, &mut self.normalized, &mut self.term)
            {
                return Some((byte, byte + part_len, ch, ch + part_chars));
            }
            self.next_position += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(preset: Preset, text: &str) -> Vec<String> {
        Analyzer::preset(preset).terms(text)
    }

    #[test]
    fn query_variants_meet_the_same_term() {
        // A diacritized query, any alef variant, clitics: all match مفاوضات.
        let analyzer = Analyzer::search();
        let base = analyzer.terms("مفاوضات");
        assert_eq!(base.len(), 1);
        for variant in [
            "مُفاوَضاتٌ",
            "والمفاوضات",
            "بالمفاوضات",
            "المفاوضات",
            "مفاوضـات",
        ] {
            assert_eq!(analyzer.terms(variant), base, "{variant}");
        }
        assert_eq!(analyzer.terms("أحمد"), analyzer.terms("احمد"));
        assert_eq!(analyzer.terms("إسرائيل"), analyzer.terms("اسرائيل"));
    }

    #[test]
    fn stopwords_leave_position_gaps() {
        let mut seen = Vec::new();
        Analyzer::search().analyze("ذهب الوفد إلى موسكو", |t| {
            seen.push((t.text.to_string(), t.position))
        });
        let positions: Vec<u32> = seen.iter().map(|(_, p)| *p).collect();
        assert_eq!(positions, vec![0, 1, 3]);
    }

    #[test]
    fn spans_point_at_the_original_token() {
        let text = "قالَ «الرئيسُ» #حكومة_الوفاق 2016";
        let mut seen = Vec::new();
        Analyzer::search().analyze(text, |t| {
            seen.push((t.start, t.end, t.byte_start, t.byte_end))
        });
        for (start, end, bs, be) in seen {
            let by_chars: String = text.chars().skip(start).take(end - start).collect();
            assert_eq!(by_chars, &text[bs..be]);
        }
    }

    #[test]
    fn hashtags_split_into_parts() {
        let text = "#حكومة_الوفاق";
        let mut seen = Vec::new();
        Analyzer::preset(Preset::Normalize).analyze(text, |t| {
            seen.push((
                t.text.to_string(),
                text[t.byte_start..t.byte_end].to_string(),
            ))
        });
        assert_eq!(
            seen,
            vec![
                ("حكومه".to_string(), "حكومة".to_string()),
                ("الوفاق".to_string(), "الوفاق".to_string())
            ]
        );
    }

    #[test]
    fn numbers_urls_and_punctuation() {
        assert_eq!(
            terms(Preset::Marsad, "٢٠١٦ ، www.Example.org !"),
            vec!["2016", "www.example.org"]
        );
    }

    #[test]
    fn presets_differ_where_they_should() {
        assert_eq!(terms(Preset::Plain, "الوزارة"), vec!["الوزارة"]);
        assert_eq!(terms(Preset::Normalize, "الوزارة"), vec!["الوزاره"]);
        // light10 over-conflates; marsad keeps the word apart from زار "visited".
        assert_eq!(terms(Preset::Light10, "الوزارة"), vec!["وزار"]);
        assert_eq!(terms(Preset::Light10, "وزارة"), vec!["زار"]);
        assert_eq!(
            terms(Preset::Marsad, "وزارة"),
            terms(Preset::Marsad, "الوزارة")
        );
        assert_ne!(terms(Preset::Marsad, "وزارة"), terms(Preset::Marsad, "زار"));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_text_any_preset_is_safe(s in any::<String>(), p in 0usize..5) {
                let analyzer = Analyzer::preset(Preset::ALL[p]);
                let mut last = None;
                analyzer.analyze(&s, |t| {
                    assert!(t.byte_end <= s.len() && t.byte_start < t.byte_end);
                    assert!(last.is_none_or(|l| t.position > l));
                    last = Some(t.position);
                });
            }
        }
    }
}
