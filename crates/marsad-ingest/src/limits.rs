//! Size limits that keep hostile or broken input bounded in memory.

/// Limits applied while reading. The defaults suit news archives: an article page is rarely
/// above 2 MiB, a JSONL line rarely above 1 MiB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// A whole-file document (plain text, HTML page, feed), after decompression.
    pub max_document_bytes: u64,
    /// One JSONL line.
    pub max_line_bytes: u64,
    /// One WARC record block; larger records are skipped without being buffered.
    pub max_record_bytes: u64,
    /// The decompressed size of one file (guards against decompression bombs).
    pub max_decompressed_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_document_bytes: 32 << 20,
            max_line_bytes: 16 << 20,
            max_record_bytes: 32 << 20,
            max_decompressed_bytes: 8 << 30,
        }
    }
}

/// `32 MiB`, `512 KiB`, `17 B`.
pub fn human_bytes(n: u64) -> String {
    if n >= 1 << 30 && n % (1 << 30) == 0 {
        format!("{} GiB", n >> 30)
    } else if n >= 1 << 20 && n % (1 << 20) == 0 {
        format!("{} MiB", n >> 20)
    } else if n >= 1 << 10 && n % (1 << 10) == 0 {
        format!("{} KiB", n >> 10)
    } else {
        format!("{n} B")
    }
}
