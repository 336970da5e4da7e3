//! Format detection from content, with the extension as a tie-breaker.

use std::path::Path;

/// A container format, as detected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detected {
    /// The plain-text scrape layout.
    Text,
    /// An HTML page.
    Html,
    /// RSS or Atom (or other XML, which the feed reader then rejects with a reason).
    Feed,
    /// JSON Lines.
    Jsonl,
    /// A JSON array of article objects.
    JsonArray,
    /// WARC records.
    Warc,
}

fn ext_hint(name: &str) -> Option<Detected> {
    let lower = name.to_ascii_lowercase();
    let base = lower
        .trim_end_matches(".gz")
        .trim_end_matches(".zst")
        .trim_end_matches(".zstd");
    let ext = Path::new(base).extension()?.to_str()?;
    Some(match ext {
        "txt" | "text" => Detected::Text,
        "html" | "htm" | "xhtml" | "shtml" | "php" | "aspx" => Detected::Html,
        "rss" | "atom" | "xml" => Detected::Feed,
        "jsonl" | "ndjson" | "jl" => Detected::Jsonl,
        "json" => Detected::JsonArray,
        "warc" | "arc" => Detected::Warc,
        _ => return None,
    })
}

/// Detects the format of a (decompressed) stream from its first bytes; `name` is used only
/// when the content could be several things.
pub fn detect(head: &[u8], name: &str) -> Detected {
    let mut h = head;
    for bom in [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"] {
        if let Some(rest) = h.strip_prefix(bom) {
            h = rest;
        }
    }
    let start = h
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(h.len());
    let h = &h[start..];
    let hint = ext_hint(name);
    if h.starts_with(b"WARC/") {
        return Detected::Warc;
    }
    match h.first() {
        Some(b'{') => return Detected::Jsonl,
        Some(b'[') if hint != Some(Detected::Text) => return Detected::JsonArray,
        Some(b'<') => {
            let lower: Vec<u8> = h.iter().take(8192).map(u8::to_ascii_lowercase).collect();
            let pos = |n: &[u8]| lower.windows(n.len()).position(|w| w == n);
            let feed = [pos(b"<rss"), pos(b"<feed"), pos(b"<rdf:rdf")]
                .into_iter()
                .flatten()
                .min();
            let html = [
                pos(b"<html"),
                pos(b"<!doctype html"),
                pos(b"<head"),
                pos(b"<body"),
            ]
            .into_iter()
            .flatten()
            .min();
            return match (feed, html) {
                (Some(f), Some(x)) if f < x => Detected::Feed,
                (Some(_), None) => Detected::Feed,
                (_, Some(_)) => Detected::Html,
                (None, None) if lower.starts_with(b"<?xml") => Detected::Feed,
                (None, None) => hint
                    .filter(|d| *d == Detected::Feed)
                    .unwrap_or(Detected::Html),
            };
        }
        _ => {}
    }
    Detected::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_wins_over_extension() {
        assert_eq!(detect(b"WARC/1.1\r\n", "x.txt"), Detected::Warc);
        assert_eq!(
            detect(b"\xEF\xBB\xBF  {\"title\":1}", "dump.txt"),
            Detected::Jsonl
        );
        assert_eq!(
            detect(b"<?xml version='1.0'?><rss>", "a.html"),
            Detected::Feed
        );
        assert_eq!(detect(b"<!DOCTYPE html><html>", "feed.xml"), Detected::Html);
        assert_eq!(
            detect(b"<?xml version='1.0'?>\n<html xmlns=''>", "p.xhtml"),
            Detected::Html
        );
        assert_eq!(
            detect("عنوان\n\n24/05/2016".as_bytes(), "a.html"),
            Detected::Text
        );
        assert_eq!(detect(b"[1,2]", "x.json"), Detected::JsonArray);
        assert_eq!(detect(b"[ note ] text", "x.txt"), Detected::Text);
    }
}
