//! One file per subcommand.

pub mod actor;
pub mod actors;
pub mod analyze;
pub mod data;
pub mod events;
pub mod graph;
pub mod ingest;
pub mod quotes;
pub mod search;
pub mod serve;
pub mod show;
pub mod stats;
pub mod train;
pub mod train_clusters;
pub mod train_events;
pub mod train_gazetteer;
pub mod train_lexicon;
pub mod train_ner;
pub mod train_roles;
pub mod train_triggers;
pub mod watch;
