//! Walking the inputs: files and directories (recursively, in name order, skipping hidden
//! entries inside directories), and the read / ingested / duplicate / failed counts.

use crate::error::{ErrorKind, IngestError};
use crate::{Event, Options, read_path};
use marsad_core::Source;
use std::path::PathBuf;

/// Counts over a batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files and records looked at: ingested + duplicate + failed.
    pub read: usize,
    /// Articles kept as originals.
    pub ingested: usize,
    /// Articles that are copies of an earlier one (`dup_of` set).
    pub duplicate: usize,
    /// Files and records that could not be read.
    pub failed: usize,
    /// Records that are not articles by nature (WARC requests, images, redirects).
    pub skipped: usize,
}

impl Summary {
    /// Articles read, duplicates included.
    pub fn articles(&self) -> usize {
        self.ingested + self.duplicate
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|s| s.starts_with('.') && s != "." && s != "..")
}

/// Every file under `paths`: files as given (whatever their name), directories recursively
/// in name order, skipping hidden entries inside them. A directory entry that cannot be
/// read (permissions, a symlink loop) is an error naming it; the walk goes on.
pub fn files(paths: &[PathBuf]) -> Vec<Result<PathBuf, IngestError>> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push(Ok(path.clone()));
            continue;
        }
        let walker = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => out.push(Ok(e.into_path())),
                Ok(_) => {}
                Err(e) => {
                    let loc = e.path().unwrap_or(path).display().to_string();
                    let io = e
                        .into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("symlink loop"));
                    out.push(Err(IngestError::new(Source::file(loc), ErrorKind::Io(io))));
                }
            }
        }
    }
    out
}

/// Reads every path: files directly (whatever their name), directories recursively.
pub fn ingest_paths(paths: &[PathBuf], opts: &Options, sink: &mut dyn FnMut(Event)) {
    for file in files(paths) {
        match file {
            Ok(path) => read_path(&path, opts, sink),
            Err(e) => sink(Event::Failed(e)),
        }
    }
}
