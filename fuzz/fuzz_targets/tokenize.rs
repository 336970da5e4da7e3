//! Tokenizer and sentence splitter on arbitrary bytes, decoded lossily as the ingest layer
//! does: no panic, and tokens tile the non-space text with agreeing char and byte spans.
#![no_main]

use libfuzzer_sys::fuzz_target;
use marsad_arabic::sentence::sentences_from_tokens;
use marsad_arabic::token::tokenize;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let tokens = tokenize(&text);
    let mut last = 0;
    for t in &tokens {
        assert!(t.byte_start >= last && t.byte_end > t.byte_start);
        assert_eq!(t.text(&text).chars().count(), t.end - t.start);
        last = t.byte_end;
    }
    let sentences = sentences_from_tokens(&text, &tokens);
    assert_eq!(sentences.last().map_or(0, |s| s.tokens.end), tokens.len());
});
