//! Stopwords (being written).
