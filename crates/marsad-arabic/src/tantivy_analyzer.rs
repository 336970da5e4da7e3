//! marsad's analysis chain as a tantivy tokenizer, registered by name.
//!
//! ```
//! use marsad_arabic::tantivy_analyzer::{self, MARSAD_AR};
//! use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
//!
//! let mut schema = Schema::builder();
//! let indexing = TextFieldIndexing::default()
//!     .set_tokenizer(MARSAD_AR)
//!     .set_index_option(IndexRecordOption::WithFreqsAndPositions);
//! let body = schema.add_text_field("body", TextOptions::default().set_indexing_options(indexing));
//! let index = tantivy::Index::create_in_ram(schema.build());
//! tantivy_analyzer::register(index.tokenizers());
//! # let _ = body;
//! ```
//!
//! The index and the query side must use the same name, so that a query goes through
//! exactly the analysis the documents went through.

use crate::analyzer::{Analyzer, Preset, TermStream};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer, TokenizerManager};

/// The name of marsad's search chain ([`Preset::Marsad`]).
pub const MARSAD_AR: &str = "marsad_ar";

/// The registered name of each preset: `marsad_ar` for marsad's chain, `marsad_ar_<preset>`
/// for the others (used by the search benchmark).
pub fn preset_name(preset: Preset) -> String {
    match preset {
        Preset::Marsad => MARSAD_AR.to_string(),
        other => format!("{MARSAD_AR}_{}", other.name()),
    }
}

/// Registers every preset under its [`preset_name`].
pub fn register(manager: &TokenizerManager) {
    for preset in Preset::ALL {
        manager.register(
            &preset_name(preset),
            MarsadTokenizer::new(Analyzer::preset(preset)),
        );
    }
}

/// A tantivy [`Tokenizer`] running an [`Analyzer`]. Token offsets are byte offsets of the
/// source token in the text, as tantivy expects; positions keep stopword gaps.
#[derive(Debug, Clone)]
pub struct MarsadTokenizer {
    analyzer: Analyzer,
}

impl MarsadTokenizer {
    /// A tokenizer for `analyzer`.
    pub fn new(analyzer: Analyzer) -> Self {
        MarsadTokenizer { analyzer }
    }
}

impl Tokenizer for MarsadTokenizer {
    type TokenStream<'a> = MarsadTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> MarsadTokenStream<'a> {
        MarsadTokenStream {
            terms: self.analyzer.stream(text),
            token: Token::default(),
        }
    }
}

/// The token stream of [`MarsadTokenizer`].
#[derive(Debug)]
pub struct MarsadTokenStream<'a> {
    terms: TermStream<'a>,
    token: Token,
}

impl TokenStream for MarsadTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(term) = self.terms.next_term() else {
            return false;
        };
        self.token.text.clear();
        self.token.text.push_str(term.text);
        self.token.offset_from = term.byte_start;
        self.token.offset_to = term.byte_end;
        self.token.position = term.position as usize;
        self.token.position_length = 1;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::QueryParser;
    use tantivy::schema::{
        IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions, Value,
    };
    use tantivy::{Index, TantivyDocument, doc};

    fn index(docs: &[&str]) -> (Index, tantivy::schema::Field) {
        let mut schema = Schema::builder();
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(MARSAD_AR)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        let body = schema.add_text_field(
            "body",
            TextOptions::default().set_indexing_options(indexing) | STORED,
        );
        let index = Index::create_in_ram(schema.build());
        register(index.tokenizers());
        let mut writer = index.writer(15_000_000).unwrap();
        for d in docs {
            writer.add_document(doc!(body => *d)).unwrap();
        }
        writer.commit().unwrap();
        (index, body)
    }

    fn hits(index: &Index, body: tantivy::schema::Field, query: &str) -> Vec<String> {
        let reader = index.reader().unwrap();
        let searcher = reader.searcher();
        let parser = QueryParser::for_index(index, vec![body]);
        let q = parser.parse_query(query).unwrap();
        let top = searcher
            .search(&q, &TopDocs::with_limit(10).order_by_score())
            .unwrap();
        let mut out: Vec<String> = top
            .into_iter()
            .map(|(_, addr)| {
                let d: TantivyDocument = searcher.doc(addr).unwrap();
                d.get_first(body)
                    .and_then(|v| v.as_str())
                    .unwrap()
                    .to_string()
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn query_side_uses_the_index_side_analysis() {
        let (index, body) = index(&["بدأت المفاوضات في جنيف", "زار الوفد الوزارة أمس"]);
        // A diacritized query, alef variants and clitics all find مفاوضات.
        for q in ["مُفاوَضات", "والمفاوضات", "بالمفاوضات", "مفاوضات"]
        {
            assert_eq!(hits(&index, body, q), vec!["بدأت المفاوضات في جنيف"], "{q}");
        }
        assert_eq!(hits(&index, body, "بدات"), vec!["بدأت المفاوضات في جنيف"]);
        assert_eq!(hits(&index, body, "وزارة"), vec!["زار الوفد الوزارة أمس"]);
    }

    #[test]
    fn phrases_match_through_the_chain() {
        let (index, body) = index(&["وصل الوفد الروسي إلى موسكو", "الروسي وصل"]);
        assert_eq!(
            hits(&index, body, "\"الوفد الروسي\""),
            vec!["وصل الوفد الروسي إلى موسكو"]
        );
    }

    #[test]
    fn offsets_are_byte_offsets_of_the_source_token() {
        let mut tokenizer = MarsadTokenizer::new(Analyzer::search());
        let text = "قالَ الرئيسُ";
        let mut stream = tokenizer.token_stream(text);
        let mut spans = Vec::new();
        while stream.advance() {
            let t = stream.token();
            spans.push(text[t.offset_from..t.offset_to].to_string());
        }
        assert_eq!(spans, vec!["قالَ", "الرئيسُ"]);
    }
}
