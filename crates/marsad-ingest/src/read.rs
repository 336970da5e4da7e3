//! Reading one file or stream: decompress, detect, dispatch to the format's reader.

use crate::compress::{classify, decompress, read_bounded};
use crate::detect::{Detected, detect};
use crate::encoding;
use crate::error::{ErrorKind, IngestError};
use crate::{Event, Options, feed, html, jsonl, text, warc};
use marsad_core::{Format, Source};
use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::Path;

/// How many decompressed bytes format detection looks at.
const HEAD_BYTES: u64 = 8192;

/// Reads the file at `path`.
pub fn read_path(path: &Path, opts: &Options, sink: &mut dyn FnMut(Event)) {
    let location = path.display().to_string();
    match File::open(path) {
        Ok(f) => read_reader(&location, BufReader::with_capacity(1 << 16, f), opts, sink),
        Err(e) => sink(Event::Failed(IngestError::new(
            Source::file(location),
            ErrorKind::Io(e),
        ))),
    }
}

/// Reads in-memory bytes as if they were a file named `location`.
pub fn read_bytes(location: &str, bytes: &[u8], opts: &Options, sink: &mut dyn FnMut(Event)) {
    read_reader(location, Cursor::new(bytes), opts, sink);
}

/// Reads a stream named `location` (a path or URL; its extension only breaks ties).
pub fn read_reader<R: BufRead>(
    location: &str,
    raw: R,
    opts: &Options,
    sink: &mut dyn FnMut(Event),
) {
    let fail = |sink: &mut dyn FnMut(Event), k: ErrorKind| {
        sink(Event::Failed(IngestError::new(Source::file(location), k)))
    };
    let (mut reader, _compression) = match decompress(raw, opts.limits.max_decompressed_bytes) {
        Ok(x) => x,
        Err(e) => return fail(sink, e),
    };
    let mut head = Vec::new();
    // A stream that breaks early (truncated gzip) still has a readable beginning: keep it
    // and replay the error after it, so the records before the break survive.
    let mut early_error = None;
    if let Err(e) = (&mut reader).take(HEAD_BYTES).read_to_end(&mut head) {
        if head.is_empty() {
            return fail(sink, classify(e));
        }
        early_error = Some(e);
    }
    if head.is_empty() {
        return fail(sink, ErrorKind::Empty("empty file".into()));
    }
    let reader: Box<dyn Read + '_> = match early_error {
        Some(e) => Box::new(Replay(Some(e))),
        None => Box::new(reader),
    };
    let format = detect(&head, location);
    // WARC records carry binary payloads (images, gzip bodies); every other format is text.
    if format != Detected::Warc
        && let Err(e) = encoding::check_text(&head)
    {
        return fail(sink, e);
    }
    let mut stream = BufReader::with_capacity(1 << 16, Cursor::new(head).chain(reader));
    match format {
        Detected::Jsonl => jsonl::read_jsonl(
            location,
            &mut stream,
            opts.limits.max_line_bytes,
            &opts.json,
            sink,
        ),
        Detected::Warc => {
            warc::read_warc(location, &mut stream, opts.limits.max_record_bytes, sink)
        }
        whole => {
            let bytes = match read_bounded(&mut stream, opts.limits.max_document_bytes, "document")
            {
                Ok(b) => b,
                Err(e) => return fail(sink, e),
            };
            let source = Source::file(location);
            match whole {
                Detected::Text => {
                    let r = encoding::decode(&bytes, None, false).and_then(|(t, diags)| {
                        text::read_text(source.clone(), &t).map(|mut a| {
                            a.diagnostics.extend(diags);
                            a
                        })
                    });
                    sink(r.map_err(|k| IngestError::new(source, k)).into());
                }
                Detected::Html => {
                    let r = html::read_html(source.clone(), Format::Html, &bytes, None, None);
                    sink(r.map_err(|k| IngestError::new(source, k)).into());
                }
                Detected::Feed => match feed::read_feed(location, &bytes) {
                    Ok(items) => items.into_iter().for_each(|r| sink(r.into())),
                    Err(e) => fail(sink, e),
                },
                Detected::JsonArray => match jsonl::read_json_array(location, &bytes, &opts.json) {
                    Ok(items) => items.into_iter().for_each(|r| sink(r.into())),
                    Err(e) => fail(sink, e),
                },
                Detected::Jsonl | Detected::Warc => unreachable!("streamed above"),
            }
        }
    }
}

/// A reader that fails once with a stored error, then reads as empty.
struct Replay(Option<std::io::Error>);

impl Read for Replay {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        match self.0.take() {
            Some(e) => Err(e),
            None => Ok(0),
        }
    }
}
