//! The API's JSON types. They are the public contract of `/api/…` and the source of the
//! OpenAPI schemas; store types are converted into them, never exposed directly.
//!
//! Every span (`start`, `end`) counts characters (Unicode scalar values) of the article
//! body, start inclusive, end exclusive, like every annotation in marsad.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A char span of the article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Span {
    /// First char, inclusive.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
}

/// A highlighted excerpt of a body.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Snippet {
    /// The excerpt.
    pub text: String,
    /// Char offset of the excerpt in the body.
    pub start: usize,
    /// Matched words, as char spans relative to `text`.
    pub highlights: Vec<Span>,
}

/// One search hit.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SearchHit {
    /// Article id.
    pub id: String,
    /// BM25 score (titles weigh double).
    pub score: f32,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub outlet: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// `news` or `opinion` (a column, an editorial).
    pub genre: String,
    /// Publication time, ISO 8601.
    pub published: Option<String>,
    /// Id of the earliest copy, when this hit is a duplicate.
    pub dup_of: Option<String>,
    /// Highlighted excerpt.
    pub snippet: Option<Snippet>,
}

/// One facet value and its count.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FacetCount {
    /// The value to filter with (an outlet name, `YYYY-MM`, an actor id, an event type).
    pub value: String,
    /// A display label when it differs from `value` (an actor's name).
    pub label: Option<String>,
    /// Matching articles.
    pub count: u64,
}

/// Counts over all matches of a search.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
pub struct SearchFacets {
    /// By outlet, most first.
    pub outlets: Vec<FacetCount>,
    /// By month of publication (`YYYY-MM`), in calendar order.
    pub months: Vec<FacetCount>,
    /// By actor mentioned, most first (empty until the store holds actors).
    pub actors: Vec<FacetCount>,
    /// By event type reported, most first (empty until the store holds events).
    pub event_types: Vec<FacetCount>,
    /// By genre (`news`, `opinion`), most first.
    pub genres: Vec<FacetCount>,
}

/// A page of search results.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SearchResponse {
    /// The query as run (filters included, in marsad's query language).
    pub query: String,
    /// Matching articles in all.
    pub total: usize,
    /// This page (1-based).
    pub page: usize,
    /// Hits per page.
    pub per_page: usize,
    /// The hits of this page.
    pub hits: Vec<SearchHit>,
    /// Facet counts over all matches (when `facets=true`, the default).
    pub facets: Option<SearchFacets>,
}

/// Another article, referred to from this one.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ArticleRef {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication time, ISO 8601.
    pub published: Option<String>,
}

/// How a related article relates to this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// This article is a copy of it (the earliest copy).
    Original,
    /// It is a copy of this article.
    Copy,
    /// It is another copy of the same original.
    Sibling,
}

/// A duplicate or syndicated copy.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Related {
    /// How it relates to this article.
    pub relation: Relation,
    /// The article.
    pub article: ArticleRef,
}

/// Named-entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum EntityType {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// An organization.
    #[serde(rename = "ORG")]
    Org,
    /// A place.
    #[serde(rename = "LOC")]
    Loc,
    /// Another name (events, nationalities used as names, products).
    #[serde(rename = "MISC")]
    Misc,
}

/// A named entity in the body.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EntitySpan {
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// First char.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
    /// The text over the span.
    pub text: String,
    /// The actor it was resolved to, when the store knows actors.
    pub actor: Option<String>,
    /// True for a mention that is not a name: a title standing alone, a collective.
    pub nominal: bool,
}

/// Certainty labels: how sure the text is about a statement or an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// Narrated as fact, or asserted by a named source.
    Confirmed,
    /// Unnamed or indirect sourcing.
    Reported,
    /// Planned or future.
    Expected,
    /// Hedged.
    Possible,
    /// Negated or denied.
    Denied,
}

impl Certainty {
    /// Every label.
    pub const ALL: [Certainty; 5] = [
        Certainty::Confirmed,
        Certainty::Reported,
        Certainty::Expected,
        Certainty::Possible,
        Certainty::Denied,
    ];

    /// The lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            Certainty::Confirmed => "confirmed",
            Certainty::Reported => "reported",
            Certainty::Expected => "expected",
            Certainty::Possible => "possible",
            Certainty::Denied => "denied",
        }
    }

    /// Parses a lowercase name.
    pub fn parse(s: &str) -> Option<Certainty> {
        Certainty::ALL.into_iter().find(|c| c.name() == s)
    }
}

impl From<marsad_core::CertaintyLabel> for Certainty {
    fn from(l: marsad_core::CertaintyLabel) -> Certainty {
        use marsad_core::CertaintyLabel as L;
        match l {
            L::Confirmed => Certainty::Confirmed,
            L::Reported => Certainty::Reported,
            L::Expected => Certainty::Expected,
            L::Possible => Certainty::Possible,
            L::Denied => Certainty::Denied,
        }
    }
}

/// A quote's certainty, with its evidence.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CertaintyInfo {
    /// The label.
    pub label: Certainty,
    /// The cue that set it, as written (`ربما`, `نفى`…); none for plain narration.
    pub cue: Option<String>,
    /// The cue's span, when there is one.
    pub cue_span: Option<Span>,
}

/// A statement attributed to a source.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct QuoteSpan {
    /// The content's first char.
    pub start: usize,
    /// The content's end, exclusive.
    pub end: usize,
    /// The content.
    pub text: String,
    /// Verbatim (in quotation marks or after a colon) or reported speech.
    pub direct: bool,
    /// The speaker's name, when the text names one.
    pub speaker: Option<String>,
    /// The span of the speaker's mention.
    pub speaker_span: Option<Span>,
    /// The actor the speaker was resolved to, when the store knows actors.
    pub speaker_actor: Option<String>,
    /// The role or description the article gives the source.
    pub role: Option<String>,
    /// The speech cue as written (`قال`, `وأضاف`, `بحسب`).
    pub cue: String,
    /// The cue's span.
    pub cue_span: Span,
    /// How sure the text is of the content.
    pub certainty: CertaintyInfo,
}

/// An actor mentioned as a participant.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ActorRef {
    /// Actor id.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// A participant of an event as the text names it: the actor it was resolved to, if the
/// actor layer knows it (unknown gunmen, protesters or a ministry of an unnamed country stay
/// unresolved but are still shown), and where its words are.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Party {
    /// Actor id; `null` when the words name no known actor.
    pub id: Option<String>,
    /// Display name: the actor's canonical name when resolved, else the words of the text.
    pub name: String,
    /// The span of the words in the body.
    pub span: Span,
}

/// Whether an event is cooperative or conflictual (the quad-class split).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// Verbal or material cooperation.
    Cooperation,
    /// Verbal or material conflict.
    Conflict,
}

/// An event reported in an article, tied to its evidence sentence.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EventSpan {
    /// Event id.
    pub id: String,
    /// The event type (`CONSULT`, `AGREE`, `ACCUSE`, `THREATEN`, `ASSAULT`…).
    #[serde(rename = "type")]
    pub event_type: String,
    /// Cooperation or conflict.
    pub polarity: Option<Polarity>,
    /// How sure the text is that it happened.
    pub certainty: Certainty,
    /// When it happened (ISO 8601 date), as far as the text says.
    pub date: Option<String>,
    /// Who acted.
    pub source: Option<Party>,
    /// Who was acted upon.
    pub target: Option<Party>,
    /// Where it happened, as the text says (`في موسكو`).
    pub location: Option<Party>,
    /// The evidence sentence's span in the body.
    pub evidence: Span,
    /// The evidence sentence.
    pub text: String,
}

/// A diagnostic left by the reader.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Diagnostic {
    /// Stable kind, e.g. `date.hijri-converted`.
    pub kind: String,
    /// Explanation.
    pub message: String,
}

/// Where each annotation list of an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    /// Read from the store.
    Stored,
    /// Computed for this request by marsad's extractors (not stored).
    Live,
    /// The stage that produces it has not run on this store.
    Unavailable,
}

/// Where the article's annotations came from.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AnnotationSources {
    /// Entities.
    pub entities: Provenance,
    /// Quotes.
    pub quotes: Provenance,
    /// Events.
    pub events: Provenance,
}

/// One article with its annotations.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ArticleResponse {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// The article's own URL.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// Publication time, ISO 8601.
    pub published: Option<String>,
    /// The date as written in the source.
    pub published_raw: Option<String>,
    /// Dateline place.
    pub dateline: Option<String>,
    /// `news` or `opinion` (a column, an editorial).
    pub genre: String,
    /// Tags.
    pub tags: Vec<String>,
    /// Language (`ar`).
    pub language: String,
    /// The reader that produced it (`text`, `html`, `rss`…).
    pub format: String,
    /// Where it was read from.
    pub source: String,
    /// Paragraphs joined by a blank line; every span counts chars of this string.
    pub body: String,
    /// Named entities, in order.
    pub entities: Vec<EntitySpan>,
    /// Quotes, in order.
    pub quotes: Vec<QuoteSpan>,
    /// Events, in order of their evidence.
    pub events: Vec<EventSpan>,
    /// Duplicates and syndicated copies.
    pub related: Vec<Related>,
    /// Reader diagnostics.
    pub diagnostics: Vec<Diagnostic>,
    /// Where the annotations came from.
    pub annotations: AnnotationSources,
}

/// An actor in a list.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ActorSummary {
    /// Actor id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Type: `person`, `government`, `military`, `party`, `armed_group`, `igo`, `company`,
    /// `media` or `other`.
    #[serde(rename = "type")]
    pub kind: String,
    /// ISO 3166 alpha-3 country code.
    pub country: Option<String>,
    /// Mentions in all stored articles.
    pub mentions: u64,
    /// Articles that mention it.
    pub articles: u64,
}

/// A page of actors.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ActorsResponse {
    /// Matching actors in all.
    pub total: usize,
    /// The actors of this page, most mentioned first.
    pub actors: Vec<ActorSummary>,
}

/// Who an actor is.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ActorDetail {
    /// Actor id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Type: `person`, `government`, `military`, `party`, `armed_group`, `igo`, `company`,
    /// `media` or `other`.
    #[serde(rename = "type")]
    pub kind: String,
    /// ISO 3166 alpha-3 country code.
    pub country: Option<String>,
    /// Other names and spellings used in the texts.
    pub aliases: Vec<String>,
    /// Roles that titles give it (`وزير الخارجية`, `المتحدث باسم الحكومة`).
    pub roles: Vec<String>,
    /// Mentions in all stored articles.
    pub mentions: u64,
    /// Articles that mention it.
    pub articles: u64,
}

/// One month of an actor's timeline.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MonthPoint {
    /// `YYYY-MM`.
    pub month: String,
    /// Articles mentioning the actor.
    pub mentions: u64,
    /// Events with the actor as source or target.
    pub events: u64,
    /// Of which cooperative.
    pub cooperation: u64,
    /// Of which conflictual.
    pub conflict: u64,
}

/// Another actor in the news with this one: named in the same articles, and a party to
/// events with it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Counterpart {
    /// The other actor.
    pub actor: ActorRef,
    /// Articles that mention both.
    pub articles: u64,
    /// Events between the two.
    pub events: u64,
    /// Of which cooperative.
    pub cooperation: u64,
    /// Of which conflictual.
    pub conflict: u64,
}

/// A quote with the article it is in.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct QuoteItem {
    /// The article.
    pub article: ArticleRef,
    /// The quote (spans into that article's body).
    pub quote: QuoteSpan,
}

/// A page of quotes.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct QuotesResponse {
    /// Matching quotes in all.
    pub total: usize,
    /// This page.
    pub quotes: Vec<QuoteItem>,
}

/// An actor's profile page.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ActorProfile {
    /// Who they are.
    pub actor: ActorDetail,
    /// Mentions and events by month, in calendar order.
    pub timeline: Vec<MonthPoint>,
    /// Counterparts in events, most events first.
    pub counterparts: Vec<Counterpart>,
    /// What they said (the most recent first; the full list at `/api/actors/{id}/quotes`).
    pub quotes: Vec<QuoteItem>,
    /// People who may be this one under a shorter or fuller name (a bare surname and the
    /// full names ending in it; at most 10, most mentioned first). marsad does not merge
    /// them, since two people can share a surname; empty for actors other than people.
    pub possibly_same: Vec<ActorDetail>,
}

/// An event with its article.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EventItem {
    /// The event.
    #[serde(flatten)]
    pub event: EventSpan,
    /// The article with the evidence.
    pub article: ArticleRef,
}

/// A page of events.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EventsResponse {
    /// Matching events in all.
    pub total: usize,
    /// This page (1-based).
    pub page: usize,
    /// Events per page.
    pub per_page: usize,
    /// The events, latest first.
    pub events: Vec<EventItem>,
    /// Counts by type over all matches.
    pub types: Vec<FacetCount>,
}

/// A node of the actor graph.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct GraphNode {
    /// Actor id.
    pub id: String,
    /// Name.
    pub label: String,
    /// Actor type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Articles that mention it.
    pub weight: u64,
}

/// An edge between two actors: the articles that name both, and the events between them.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct GraphEdge {
    /// Source actor id (the actor who acted, for events).
    pub source: String,
    /// Target actor id.
    pub target: String,
    /// Strength: events between them when there are any, else articles naming both.
    pub weight: u64,
    /// Articles that name both.
    pub articles: u64,
    /// Events between them (either direction).
    pub events: u64,
    /// Cooperative events.
    pub cooperation: u64,
    /// Conflictual events.
    pub conflict: u64,
}

/// The actor graph.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
pub struct Graph {
    /// Actors.
    pub nodes: Vec<GraphNode>,
    /// Edges.
    pub edges: Vec<GraphEdge>,
}

/// Annotation counts in the store.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AnnotationCounts {
    /// Actors in the registry (`null`: actor resolution has not run on this store).
    pub actors: Option<u64>,
    /// Stored quotes (`null`: not stored in this store; article pages compute them live).
    pub quotes: Option<u64>,
    /// Stored events (`null`: event extraction has not run on this store).
    pub events: Option<u64>,
}

/// What the store holds.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StatsResponse {
    /// Articles stored.
    pub articles: u64,
    /// Of which duplicates of an earlier article.
    pub duplicates: u64,
    /// Files ingested.
    pub files: u64,
    /// Files that failed entirely.
    pub failed_files: u64,
    /// Earliest publication time.
    pub earliest: Option<String>,
    /// Latest publication time.
    pub latest: Option<String>,
    /// Articles per outlet (`value` empty for unknown), most first.
    pub outlets: Vec<FacetCount>,
    /// Bytes of the full-text index.
    pub index_bytes: u64,
    /// Bytes of the database.
    pub db_bytes: u64,
    /// Annotations in the store.
    pub annotations: AnnotationCounts,
    /// Whether this server accepts uploads (a token is configured).
    pub writable: bool,
    /// The marsad version.
    pub version: String,
}
