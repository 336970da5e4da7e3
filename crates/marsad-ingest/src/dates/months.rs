//! Month and weekday names of every regional series, looked up after search folding.
//!
//! The tables live in [`marsad_arabic::calendar`], shared with event-date extraction; this
//! module re-exports what the date parser uses.

pub use marsad_arabic::calendar::{Calendar, fold, month, weekday};
