//! Sentences (being written).
#[derive(Debug)]
pub struct Sentence;
pub fn split_sentences() {}
