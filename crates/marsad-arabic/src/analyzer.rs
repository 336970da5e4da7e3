//! The search analysis chain (being written).
