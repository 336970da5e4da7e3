//! Offset maps: from a span of normalized text back to the span of the original it came from.
//!
//! Unit: characters (Unicode scalar values), the unit of every span marsad stores. Use
//! [`char_to_byte`] to slice the original `&str`.

use std::ops::Range;

/// Maps each character of a normalized text to the characters of the original text it came
/// from.
///
/// Invariant: for every normalized character `i`, `starts[i] < ends[i]`, both are indices into
/// the original, and starts are non-decreasing. Characters the normalization dropped (marks,
/// tatweel, controls) are attached to the character before them, so a span that ends on a
/// letter also covers the diacritics written on it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    starts: Vec<u32>,
    ends: Vec<u32>,
    original_len: u32,
    /// Characters dropped before the first emitted character.
    leading_dropped: u32,
}

impl OffsetMap {
    /// An empty map for an original text of `original_len` characters (nothing emitted yet).
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        OffsetMap {
            starts: Vec::with_capacity(capacity),
            ends: Vec::with_capacity(capacity),
            original_len: 0,
            leading_dropped: 0,
        }
    }

    /// Records that original character `src` produced one normalized character.
    #[inline]
    pub(crate) fn push_emitted(&mut self, src: u32) {
        self.starts.push(src);
        self.ends.push(src + 1);
    }

    /// Records that original character `src` was dropped.
    #[inline]
    pub(crate) fn push_dropped(&mut self, src: u32) {
        match self.ends.last_mut() {
            Some(end) => *end = src + 1,
            None => self.leading_dropped = src + 1,
        }
    }

    pub(crate) fn finish(&mut self, original_len: u32) {
        self.original_len = original_len;
    }

    /// The number of characters of the normalized text.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// True when the normalized text is empty.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The number of characters of the original text.
    pub fn original_len(&self) -> usize {
        self.original_len as usize
    }

    /// Maps a character span of the normalized text to a character span of the original.
    ///
    /// Out-of-range bounds are clamped rather than panicking: offsets often come from other
    /// components, and a bad span must not take a batch down.
    pub fn to_original(&self, span: Range<usize>) -> Range<usize> {
        let n = self.starts.len();
        let start = span.start.min(n);
        let end = span.end.clamp(start, n);
        if start == end {
            let at = if start < n {
                self.starts[start]
            } else {
                self.ends.last().copied().unwrap_or(self.leading_dropped)
            };
            return at as usize..at as usize;
        }
        self.starts[start] as usize..self.ends[end - 1] as usize
    }

    /// The original character that normalized character `i` came from.
    pub fn original_char(&self, i: usize) -> Option<usize> {
        self.starts.get(i).map(|&s| s as usize)
    }
}

/// Converts a char offset of `text` to a byte offset; offsets past the end map to `text.len()`.
pub fn char_to_byte(text: &str, char_offset: usize) -> usize {
    text.char_indices()
        .nth(char_offset)
        .map_or(text.len(), |(b, _)| b)
}

/// Converts a char span of `text` to a byte span.
pub fn char_span_to_bytes(text: &str, span: Range<usize>) -> Range<usize> {
    let start = char_to_byte(text, span.start);
    let rest = &text[start..];
    let len = rest
        .char_indices()
        .nth(span.end.saturating_sub(span.start))
        .map_or(rest.len(), |(b, _)| b);
    start..start + len
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_and_byte_spans_agree() {
        let t = "ab حفتر cd";
        assert_eq!(char_to_byte(t, 3), 3);
        assert_eq!(char_to_byte(t, 4), 5);
        assert_eq!(&t[char_span_to_bytes(t, 3..7)], "حفتر");
        assert_eq!(char_span_to_bytes(t, 9..100), t.len() - 1..t.len());
    }

    #[test]
    fn empty_map_never_panics() {
        let m = OffsetMap::default();
        assert_eq!(m.to_original(0..0), 0..0);
        let (start, end) = (3, 1);
        assert_eq!(m.to_original(start..end), 0..0);
    }
}
