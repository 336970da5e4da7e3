//! Stemmers (being written).
