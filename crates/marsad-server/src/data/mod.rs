//! Where each feature's data comes from: **the one place to change when a stage lands.**
//!
//! | feature | file | source today |
//! |---|---|---|
//! | articles, search, facets (outlet, month), duplicates, stats | `marsad_index::Store` (used directly by the handlers) | the store |
//! | entities of an article | [`entities`] | stored with the article by ingest (with actor ids), else live `marsad_extract::NerModel` |
//! | quotes of an article | [`quotes`] | stored with the article by ingest, else live `marsad_extract::quotes` |
//! | quotes by actor | [`quotes::by_actor`] | `Store::quotes` (speakers linked to actors) |
//! | actors: list, profile, aliases, roles, search filter and facet | [`actors`] | `Store::actors`, `Store::actor`, the search index's actor field |
//! | actor timeline (mentions by month), actors named with it | [`actors::mentions`] | a search restricted to the actor: its month and actor facets |
//! | events: per article, list, filters, search facet, CSV, monthly counts, counterparts | [`events`] | the article's stored record; the store's event tables (`Store::events`, clusters, `Store::actor_event_months`, `Store::event_counterparts`) |
//! | the actor graph (JSON, GEXF, GraphML) | [`graph`] | co-mentions from the search index; event edges from [`events::edges`] (`Store::event_graph`) |
//!
//! A feature whose data does not exist yet still answers with its real schema and what
//! the store has, which is nothing: an empty list, a zero total, a `null` count, or a 404
//! for an id that cannot exist. Nothing here is ever made up.

pub mod actors;
pub mod entities;
pub mod events;
pub mod graph;
pub mod quotes;
