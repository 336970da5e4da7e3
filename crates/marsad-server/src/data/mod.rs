//! Where each feature's data comes from: **the one place to change when a stage lands.**
//!
//! | feature | file | source today |
//! |---|---|---|
//! | articles, search, facets (outlet, month), duplicates, stats | `marsad_index::Store` (used directly by the handlers) | the store |
//! | entities of an article | [`entities`] | live: `marsad_extract::NerModel` on the article body |
//! | quotes of an article | [`quotes`] | the stored article's `quotes` when ingest filled them, else live `marsad_extract::quotes` |
//! | quotes across articles (by actor, by speaker) | [`quotes`] | waits on a stored quotes table in `marsad-index` |
//! | actors: list, profile, aliases, roles, search facet | [`actors`] | waits on actor resolution (an actors table) |
//! | actor timeline: mentions by month | [`actors::mentions_by_month`] | the search index (month facet over the actor's names), ready for any actor |
//! | events: per article, list, filters, search facet, CSV | [`events`] | waits on event extraction (an events table) |
//! | the actor graph (JSON, GEXF, GraphML) | [`events::graph`] | waits on events |
//!
//! A feature whose data does not exist yet still answers with its real schema and what
//! the store has, which is nothing: an empty list, a zero total, a `null` count, or a 404
//! for an id that cannot exist. Nothing here is ever made up.

pub mod actors;
pub mod entities;
pub mod events;
pub mod quotes;
