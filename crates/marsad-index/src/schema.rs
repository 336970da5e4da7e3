//! The tantivy schema. Changing it means bumping `STORE_FORMAT` in `store.rs`.

use marsad_arabic::tantivy_analyzer::MARSAD_AR;
use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, INDEXED, IndexRecordOption, NumericOptions,
    STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

/// The fields of the index. Bodies and titles are indexed, not stored: the text lives in
/// SQLite, which keeps the index small.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// Article id, raw; stored so hits can be looked up in SQLite.
    pub id: Field,
    /// Title, through marsad's analyzer, with positions; boosted at query time.
    pub title: Field,
    /// Body, through marsad's analyzer, with positions.
    pub body: Field,
    /// Outlet, raw; fast for facet counts.
    pub outlet: Field,
    /// Author, raw.
    pub author: Field,
    /// `news` or `opinion` (raw, fast: the genre facet and `genre:` filters).
    pub genre: Field,
    /// Tags, raw, multi-valued.
    pub tag: Field,
    /// Publication time (local times indexed as if UTC), fast for ranges and histograms.
    pub published: Field,
    /// `YYYY-MM` of the publication time, raw and fast: month facets.
    pub month: Field,
    /// Language subtag, raw.
    pub language: Field,
    /// Id of the earliest copy, raw; empty for originals.
    pub dup_of: Field,
    /// The ingest batch that added the document, for crash reconciliation.
    pub batch: Field,
    /// Ids of the actors the article mentions, raw, multi-valued, fast: actor facets and
    /// `--actor` filters.
    pub actor: Field,
    /// Entities as `TYPE:name` (name in search form), raw, multi-valued.
    pub entity: Field,
    /// PLOVER types of the article's events (`CONSULT`…), raw, multi-valued, fast: the
    /// search page's event-type facet and filter, counted in the same pass as the others.
    pub event_type: Field,
}

pub(crate) fn build() -> (Schema, Fields) {
    let mut s = Schema::builder();
    let text = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let raw_fast = STRING | FAST;
    let fields = Fields {
        id: s.add_text_field("id", STRING | STORED),
        title: s.add_text_field("title", text(MARSAD_AR)),
        body: s.add_text_field("body", text(MARSAD_AR)),
        outlet: s.add_text_field("outlet", raw_fast.clone()),
        author: s.add_text_field("author", raw_fast.clone()),
        genre: s.add_text_field("genre", raw_fast.clone()),
        tag: s.add_text_field("tag", raw_fast.clone()),
        published: s.add_date_field(
            "published",
            DateOptions::from(INDEXED)
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        month: s.add_text_field("month", raw_fast.clone()),
        language: s.add_text_field("language", STRING),
        dup_of: s.add_text_field("dup_of", STRING),
        batch: s.add_u64_field("batch", NumericOptions::default().set_indexed().set_fast()),
        actor: s.add_text_field("actor", raw_fast.clone()),
        entity: s.add_text_field("entity", STRING),
        event_type: s.add_text_field("event_type", raw_fast),
    };
    (s.build(), fields)
}

/// Looks up the fields of an existing index's schema.
pub(crate) fn fields_of(schema: &Schema) -> tantivy::Result<Fields> {
    let f = |name: &str| schema.get_field(name);
    Ok(Fields {
        id: f("id")?,
        title: f("title")?,
        body: f("body")?,
        outlet: f("outlet")?,
        author: f("author")?,
        genre: f("genre")?,
        tag: f("tag")?,
        published: f("published")?,
        month: f("month")?,
        language: f("language")?,
        dup_of: f("dup_of")?,
        batch: f("batch")?,
        actor: f("actor")?,
        entity: f("entity")?,
        event_type: f("event_type")?,
    })
}
