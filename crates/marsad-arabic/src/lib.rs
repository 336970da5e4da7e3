//! Arabic text analysis for marsad.
//!
//! This crate has no I/O and knows nothing about articles: every function takes a `&str` and
//! returns values whose offsets point back into that `&str`.
//!
//! * [`normalize`](mod@normalize): switchable folds, split into lossless and lossy, with an [`OffsetMap`]
//!   from normalized text back to the input.
//! * [`token`]: a tokenizer for news text (words, numbers, dates, times, URLs, e-mails,
//!   mentions, hashtags, punctuation) with char and byte spans.
//! * [`sentence`]: a sentence splitter that knows about decimals, abbreviations and quotes.
//! * [`segment`]: clitic segmentation with a guard learned from corpus statistics.
//! * [`stem`]: Lucene's light10, marsad's guarded light stemmer and Snowball Arabic.
//! * [`stopwords`]: marsad's own stopword list.
//! * [`calendar`]: month and weekday names of every regional series, tabular Hijri dates.
//! * [`analyzer`]: the search chain (normalize, stopwords, segment, stem) over a text.
//!
//! ```
//! use marsad_arabic::{token::{tokenize, TokenKind}, normalize::{normalize, Folds}};
//!
//! let text = "قالَ المتحدثُ: #ليبيا";
//! let tokens = tokenize(text);
//! assert_eq!(tokens[0].text(text), "قالَ");
//! assert_eq!(tokens.last().unwrap().kind, TokenKind::Hashtag);
//!
//! let n = normalize("قالَ", Folds::LOSSLESS);
//! assert_eq!(n.text, "قال");
//! // The normalized span 0..3 maps back to the whole original word, mark included.
//! assert_eq!(n.map.to_original(0..3), 0..4);
//! ```

pub mod analyzer;
pub mod calendar;
pub mod chars;
pub mod normalize;
pub mod offsets;
pub mod segment;
pub mod sentence;
pub mod stem;
pub mod stopwords;
pub mod token;

#[cfg(feature = "tantivy")]
pub mod tantivy_analyzer;

pub use normalize::{Folds, Normalized, normalize};
pub use offsets::OffsetMap;
pub use sentence::{Sentence, split_sentences};
pub use token::{Token, TokenKind, tokenize};
