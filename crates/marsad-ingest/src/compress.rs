//! Transparent gzip and zstd decompression, detected from magic bytes, with bounded output.

use crate::error::ErrorKind;
use std::io::{self, BufRead, BufReader, Read};

/// The compression of a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// Not compressed.
    None,
    /// gzip, including multi-member files such as `.warc.gz`.
    Gzip,
    /// Zstandard.
    Zstd,
}

impl Compression {
    /// Detects the compression from the first bytes of a stream.
    pub fn sniff(head: &[u8]) -> Compression {
        if head.starts_with(&[0x1f, 0x8b]) {
            Compression::Gzip
        } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Compression::Zstd
        } else {
            Compression::None
        }
    }
}

/// The payload of an `io::Error` raised inside a decompressor, so callers can tell a
/// corrupt archive from a failing disk.
#[derive(Debug)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for DecodeError {}

/// Tags every error of the inner decoder as a [`DecodeError`] and stops after `limit` bytes.
struct Guarded<R> {
    inner: R,
    what: &'static str,
    produced: u64,
    limit: u64,
}

impl<R: Read> Read for Guarded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf).map_err(|e| {
            let msg = match e.kind() {
                io::ErrorKind::UnexpectedEof => {
                    format!(
                        "truncated {} stream after {} decompressed bytes",
                        self.what, self.produced
                    )
                }
                _ => format!(
                    "corrupt {} stream after {} decompressed bytes: {e}",
                    self.what, self.produced
                ),
            };
            io::Error::new(io::ErrorKind::InvalidData, DecodeError(msg))
        })?;
        self.produced += n as u64;
        if self.produced > self.limit {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                DecodeError(format!(
                    "{} stream decompresses past the {} limit",
                    self.what,
                    crate::limits::human_bytes(self.limit)
                )),
            ));
        }
        Ok(n)
    }
}

/// Wraps `raw` in the decompressor its first bytes call for.
pub fn decompress<'a, R: BufRead + 'a>(
    mut raw: R,
    limit: u64,
) -> Result<(Box<dyn BufRead + 'a>, Compression), ErrorKind> {
    let head = raw.fill_buf()?;
    let c = Compression::sniff(head);
    let reader: Box<dyn BufRead + 'a> = match c {
        Compression::None => Box::new(raw),
        Compression::Gzip => Box::new(BufReader::with_capacity(
            1 << 16,
            Guarded {
                inner: flate2::bufread::MultiGzDecoder::new(raw),
                what: "gzip",
                produced: 0,
                limit,
            },
        )),
        Compression::Zstd => {
            let dec = zstd::stream::read::Decoder::with_buffer(raw)
                .map_err(|e| ErrorKind::Compression(format!("cannot start zstd decoder: {e}")))?;
            Box::new(BufReader::with_capacity(
                1 << 16,
                Guarded {
                    inner: dec,
                    what: "zstd",
                    produced: 0,
                    limit,
                },
            ))
        }
    };
    Ok((reader, c))
}

/// Turns an `io::Error` from a decompressed stream into the right [`ErrorKind`].
pub fn classify(e: io::Error) -> ErrorKind {
    if let Some(d) = e.get_ref().and_then(|r| r.downcast_ref::<DecodeError>()) {
        return ErrorKind::Compression(d.0.clone());
    }
    ErrorKind::Io(e)
}

/// Reads all of `r` up to `limit` bytes; more is a [`ErrorKind::TooLarge`].
pub fn read_bounded(
    r: &mut dyn Read,
    limit: u64,
    what: &'static str,
) -> Result<Vec<u8>, ErrorKind> {
    let mut buf = Vec::new();
    r.take(limit + 1).read_to_end(&mut buf).map_err(classify)?;
    if buf.len() as u64 > limit {
        return Err(ErrorKind::TooLarge {
            what,
            limit: crate::limits::human_bytes(limit),
        });
    }
    Ok(buf)
}
