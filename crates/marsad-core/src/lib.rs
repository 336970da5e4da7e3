//! marsad's domain types, shared by every other crate.
//!
//! * [`Article`]: one news article as marsad rebuilt it from a file, feed item or record.
//! * [`Published`]: a publication time that says whether its timezone is known.
//! * [`Diagnostic`]: a warning about something that was guessed or dropped while reading.
//! * [`Format`] and [`Source`]: where an article came from.
//! * [`Quote`] and [`Certainty`]: who said what, and how sure the text is.
//! * [`Entity`] and [`Actor`]: who an article names, and who they are across the corpus.
//! * [`Event`]: who did what to whom, when and where, in PLOVER's ontology.
//!
//! This crate does no I/O. Later stages fill the annotation fields (entities, actors, quotes,
//! events); the JSON output always carries their arrays, empty when a stage did not run.
//!
//! ```
//! use marsad_core::{Article, Format, Source};
//!
//! let mut a = Article::new(Source::file("news/a.txt"), Format::Text);
//! a.title = "عنوان".into();
//! a.set_paragraphs(["فقرة أولى", "فقرة ثانية"]);
//! assert_eq!(a.body, "فقرة أولى\n\nفقرة ثانية");
//! assert_eq!(a.paragraphs().count(), 2);
//! ```

mod actor;
mod article;
mod diagnostic;
mod event;
mod published;
mod quote;
mod source;

pub use actor::{Actor, ActorType, Entity, EntityType};
pub use article::{Article, Genre};
pub use diagnostic::Diagnostic;
pub use event::{Argument, DatePrecision, Event, EventDate, EventType, Quad};
pub use published::{Precision, Published, Timezone};
pub use quote::{Certainty, CertaintyLabel, Quote};
pub use source::{Format, Source};
