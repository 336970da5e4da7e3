//! WARC files (`.warc`, `.warc.gz`): HTML response records become articles.
//!
//! The framing is checked strictly: a version line, headers, a numeric `Content-Length`,
//! exactly that many bytes, then CRLF CRLF and the next record or the end. A record that
//! breaks the framing is reported, and reading resumes at the next `WARC/` line, so one bad
//! length costs one record, not the file. Blocks above the record limit are skipped
//! without being buffered.

use crate::Event;
use crate::compress::classify;
use crate::error::{ErrorKind, IngestError};
use crate::html::read_html;
use crate::limits::human_bytes;
use marsad_core::{Format, Source};
use std::io::{self, BufRead, Read};

const MAX_HEADER_BYTES: usize = 64 << 10;

/// Reads one line (through `\n`), at most `limit` bytes; `None` at EOF.
fn read_line(r: &mut dyn BufRead, limit: usize) -> io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    let n = r.take(limit as u64).read_until(b'\n', &mut line)?;
    if n == 0 {
        return Ok(None);
    }
    Ok(Some(line))
}

/// Skips forward to the next line that starts with `WARC/` and returns that line;
/// `None` at EOF. Lines are read in bounded pieces, so binary junk stays bounded.
fn resync(r: &mut dyn BufRead, mut at_line_start: bool) -> io::Result<Option<Vec<u8>>> {
    loop {
        let mut piece = Vec::new();
        let n = r.take(64 << 10).read_until(b'\n', &mut piece)?;
        if n == 0 {
            return Ok(None);
        }
        if at_line_start && piece.starts_with(b"WARC/") {
            return Ok(Some(piece));
        }
        at_line_start = piece.ends_with(b"\n");
    }
}

struct Header {
    fields: Vec<(String, String)>,
}

impl Header {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Parses `Name: value` lines up to the blank line.
fn read_headers(r: &mut dyn BufRead) -> Result<Header, String> {
    let mut fields = Vec::new();
    let mut total = 0;
    loop {
        let line = read_line(r, MAX_HEADER_BYTES)
            .map_err(|e| e.to_string())?
            .ok_or("file ends inside the record headers")?;
        total += line.len();
        if total > MAX_HEADER_BYTES {
            return Err(format!(
                "record headers exceed {}",
                human_bytes(MAX_HEADER_BYTES as u64)
            ));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            return Ok(Header { fields });
        }
        match text.split_once(':') {
            Some((k, v)) => fields.push((k.trim().to_string(), v.trim().to_string())),
            None => {
                return Err(format!(
                    "malformed header line '{}'",
                    text.chars().take(60).collect::<String>()
                ));
            }
        }
    }
}

/// The parts of an HTTP response an article needs.
struct HttpResponse<'a> {
    status: u16,
    content_type: Option<String>,
    body: std::borrow::Cow<'a, [u8]>,
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn dechunk(mut data: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let eol = find(data, b"\r\n").ok_or("chunked body: missing chunk size line")?;
        let size_text = String::from_utf8_lossy(&data[..eol]);
        let size_hex = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_hex, 16)
            .map_err(|_| format!("chunked body: bad chunk size '{size_hex}'"))?;
        data = &data[eol + 2..];
        if size == 0 {
            return Ok(out);
        }
        if data.len() < size {
            return Err("chunked body: chunk longer than the record".into());
        }
        out.extend_from_slice(&data[..size]);
        data = data.get(size + 2..).unwrap_or(&[]);
    }
}

fn parse_http(block: &[u8]) -> Result<HttpResponse<'_>, String> {
    let end = find(block, b"\r\n\r\n")
        .map(|i| (i, 4))
        .or_else(|| find(block, b"\n\n").map(|i| (i, 2)))
        .ok_or("HTTP headers never end")?;
    let head = String::from_utf8_lossy(&block[..end.0]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| {
            format!(
                "bad HTTP status line '{}'",
                status_line.chars().take(60).collect::<String>()
            )
        })?;
    let mut content_type = None;
    let mut chunked = false;
    let mut encoding = None;
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            let (k, v) = (k.trim().to_ascii_lowercase(), v.trim().to_string());
            match k.as_str() {
                "content-type" => content_type = Some(v),
                "transfer-encoding" => chunked = v.to_ascii_lowercase().contains("chunked"),
                "content-encoding" => encoding = Some(v.to_ascii_lowercase()),
                _ => {}
            }
        }
    }
    let raw = &block[end.0 + end.1..];
    let mut body: std::borrow::Cow<'_, [u8]> = if chunked {
        dechunk(raw)?.into()
    } else {
        raw.into()
    };
    match encoding.as_deref() {
        None | Some("identity") => {}
        Some("gzip" | "x-gzip") => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .take(64 << 20)
                .read_to_end(&mut out)
                .map_err(|e| format!("gzip body: {e}"))?;
            body = out.into();
        }
        Some("deflate") => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(&body[..])
                .take(64 << 20)
                .read_to_end(&mut out)
                .map_err(|e| format!("deflate body: {e}"))?;
            body = out.into();
        }
        Some(other) => return Err(format!("unsupported Content-Encoding '{other}'")),
    }
    Ok(HttpResponse {
        status,
        content_type,
        body,
    })
}

fn charset_of(content_type: &str) -> Option<&str> {
    content_type
        .split(';')
        .find_map(|p| {
            p.trim()
                .strip_prefix("charset=")
                .or_else(|| p.trim().strip_prefix("CHARSET="))
        })
        .map(|c| c.trim_matches('"'))
}

fn is_html(content_type: &str) -> bool {
    let ct = content_type.to_ascii_lowercase();
    ct.starts_with("text/html") || ct.starts_with("application/xhtml")
}

/// Streams a WARC file, calling `sink` for every record that is an article, a failure, or
/// skipped (requests, metadata, non-HTML responses, redirects).
pub fn read_warc(
    location: &str,
    r: &mut dyn BufRead,
    max_record: u64,
    sink: &mut dyn FnMut(Event),
) {
    let mut index = 0u64;
    let mut pending: Option<Vec<u8>> = None;
    loop {
        let src = Source::record(location, index);
        let fail = |sink: &mut dyn FnMut(Event), k: ErrorKind| {
            sink(Event::Failed(IngestError::new(src.clone(), k)))
        };
        // Version line, after any stray blank lines.
        let version = if let Some(v) = pending.take() {
            v
        } else {
            loop {
                match read_line(r, 256) {
                    Ok(None) => return,
                    Ok(Some(l)) if l.iter().all(|b| b.is_ascii_whitespace()) => continue,
                    Ok(Some(l)) => break l,
                    Err(e) => return fail(sink, classify(e)),
                }
            }
        };
        if !version.starts_with(b"WARC/") {
            fail(
                sink,
                ErrorKind::Warc(
                    "expected a 'WARC/' version line; skipping to the next record".into(),
                ),
            );
            index += 1;
            match resync(r, false) {
                Ok(Some(v)) => {
                    pending = Some(v);
                    continue;
                }
                Ok(None) => return,
                Err(e) => return fail(sink, classify(e)),
            }
        }
        let header = match read_headers(r) {
            Ok(h) => h,
            Err(e) => {
                fail(sink, ErrorKind::Warc(e));
                index += 1;
                match resync(r, false) {
                    Ok(Some(v)) => {
                        pending = Some(v);
                        continue;
                    }
                    _ => return,
                }
            }
        };
        let length = match header.get("Content-Length").map(|v| (v, v.parse::<u64>())) {
            Some((_, Ok(n))) => n,
            Some((v, Err(_))) => {
                fail(sink, ErrorKind::Warc(format!("bad Content-Length '{v}'")));
                index += 1;
                match resync(r, false) {
                    Ok(Some(v)) => {
                        pending = Some(v);
                        continue;
                    }
                    _ => return,
                }
            }
            None => {
                fail(sink, ErrorKind::Warc("record has no Content-Length".into()));
                index += 1;
                match resync(r, false) {
                    Ok(Some(v)) => {
                        pending = Some(v);
                        continue;
                    }
                    _ => return,
                }
            }
        };
        let wtype = header.get("WARC-Type").unwrap_or("").to_ascii_lowercase();
        let target = header
            .get("WARC-Target-URI")
            .map(|u| u.trim_matches(['<', '>']).to_string());
        let block = if length > max_record {
            match io::copy(&mut r.take(length), &mut io::sink()) {
                Ok(n) if n == length => None,
                Ok(n) => {
                    return fail(
                        sink,
                        ErrorKind::Warc(format!(
                            "Content-Length says {length} bytes but the file ends after {n}"
                        )),
                    );
                }
                Err(e) => return fail(sink, classify(e)),
            }
        } else {
            let mut block = Vec::with_capacity(length as usize);
            match r.take(length).read_to_end(&mut block) {
                Ok(n) if n as u64 == length => Some(block),
                Ok(n) => {
                    return fail(
                        sink,
                        ErrorKind::Warc(format!(
                            "Content-Length says {length} bytes but the file ends after {n}"
                        )),
                    );
                }
                Err(e) => return fail(sink, classify(e)),
            }
        };
        // The block must be followed by CRLF CRLF, then the next record or the end.
        let mut trailer = Vec::new();
        let framed = loop {
            match r.fill_buf() {
                Ok([]) => break true,
                Ok(buf) => {
                    let c = buf[0];
                    if (c == b'\r' || c == b'\n') && trailer.len() < 4 {
                        trailer.push(c);
                        r.consume(1);
                    } else {
                        break buf.starts_with(b"WARC/") && trailer.len() >= 2
                            || buf.len() < 5 && b"WARC/".starts_with(buf);
                    }
                }
                Err(e) => return fail(sink, classify(e)),
            }
        };
        if !framed {
            fail(
                sink,
                ErrorKind::Warc(format!(
                    "Content-Length {length} does not end the record (no CRLF CRLF then WARC/); skipping to the next record"
                )),
            );
            index += 1;
            let last = trailer
                .last()
                .copied()
                .or_else(|| block.as_ref().and_then(|b| b.last().copied()));
            match resync(r, last == Some(b'\n')) {
                Ok(Some(v)) => {
                    pending = Some(v);
                    continue;
                }
                _ => return,
            }
        }
        let Some(block) = block else {
            if wtype == "response" || wtype == "resource" {
                fail(
                    sink,
                    ErrorKind::TooLarge {
                        what: "WARC record",
                        limit: human_bytes(max_record),
                    },
                );
            } else {
                sink(Event::Skipped {
                    source: src.clone(),
                    reason: format!("{wtype} record"),
                });
            }
            index += 1;
            continue;
        };
        let ctype = header
            .get("Content-Type")
            .unwrap_or("")
            .to_ascii_lowercase();
        let event = match wtype.as_str() {
            "response" if ctype.starts_with("application/http") => match parse_http(&block) {
                Err(e) => Event::Failed(IngestError::new(src.clone(), ErrorKind::Warc(e))),
                Ok(resp) if !(200..300).contains(&resp.status) => Event::Skipped {
                    source: src.clone(),
                    reason: format!("HTTP {}", resp.status),
                },
                Ok(resp) if !resp.content_type.as_deref().is_some_and(is_html) => Event::Skipped {
                    source: src.clone(),
                    reason: format!(
                        "not HTML ({})",
                        resp.content_type.as_deref().unwrap_or("no Content-Type")
                    ),
                },
                Ok(resp) => {
                    let cs = resp.content_type.as_deref().and_then(charset_of);
                    read_html(src.clone(), Format::Warc, &resp.body, cs, target.as_deref())
                        .map_err(|k| IngestError::new(src.clone(), k))
                        .into()
                }
            },
            "resource" if is_html(&ctype) => read_html(
                src.clone(),
                Format::Warc,
                &block,
                charset_of(&ctype),
                target.as_deref(),
            )
            .map_err(|k| IngestError::new(src.clone(), k))
            .into(),
            other => Event::Skipped {
                source: src.clone(),
                reason: format!(
                    "{} record",
                    if other.is_empty() { "untyped" } else { other }
                ),
            },
        };
        sink(event);
        index += 1;
    }
}
