//! `marsad ingest PATH…`: read files into the store, incrementally, idempotently and
//! crash-safely.
//!
//! Files whose size and modification time match what the store recorded are skipped
//! without being read; articles whose id is stored already are not added again. Articles
//! are committed in batches (see `marsad_index::store` for the two-phase commit), so a
//! kill at any moment followed by the same command ends with exactly the right store.
//!
//! Duplicates: within a batch, exact and near copies are found by `marsad_ingest::dedup`;
//! across batches and runs, by the compact fingerprint (content hash and MinHash signature)
//! kept with each stored article (`marsad_ingest::dedup::incremental`).
//!
//! Entities and actors: each batch's new articles go through NER and actor resolution
//! (`marsad_extract::actors`) on `--threads` threads; one registry, loaded from the store,
//! gives actors stable ids across batches and runs.

use super::data::DataArgs;
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use marsad_core::Article;
use marsad_extract::actors::Registry;
use marsad_extract::pipeline;
use marsad_index::store::Phase;
use marsad_index::{FileRecord, Store, StoreWriter};
use marsad_ingest::dedup::incremental::{Compact, SeenIndex};
use marsad_ingest::dedup::{DedupOptions, dedup_with, fingerprints};
use marsad_ingest::{Event, IngestError, Options};
use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Instant, UNIX_EPOCH};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files and directories to ingest (directories recursively; gzip/zstd transparently).
    #[arg(required_unless_present = "demo")]
    paths: Vec<PathBuf>,
    /// Also ingest the demo corpus compiled into the binary.
    #[arg(long)]
    demo: bool,
    #[command(flatten)]
    data: DataArgs,
    /// Indexing threads.
    #[arg(long, default_value_t = 2)]
    threads: usize,
    /// Commit after this many new articles (a crash loses at most one batch, which the
    /// next run re-adds).
    #[arg(long, default_value_t = 20_000)]
    batch: usize,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    json: bool,
    /// Re-read files even when their size and time are unchanged.
    #[arg(long)]
    force: bool,
}

/// The counts printed at the end.
#[derive(Debug, Default, serde::Serialize)]
pub struct Summary {
    /// Files looked at.
    files: usize,
    /// Files skipped because they are unchanged since the last ingest.
    unchanged_files: usize,
    /// Files and records read (articles + failures).
    read: usize,
    /// New articles stored as originals.
    ingested: usize,
    /// New articles stored as copies of an earlier one.
    duplicate: usize,
    /// Articles already in the store.
    already_stored: usize,
    /// Files and records that failed.
    failed: usize,
    /// Records that are not articles (WARC requests, images…).
    skipped: usize,
    /// Wall-clock seconds.
    seconds: f64,
    /// Peak resident memory of the process, in MB (Linux only).
    peak_rss_mb: Option<f64>,
}

/// The process's peak resident set size, from `/proc/self/status` (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Environment variable that makes the process abort at a commit phase: tests use it to
/// prove crash safety at the worst moments (`index-committed`, `committed`).
const FAILPOINT: &str = "MARSAD_FAILPOINT";

pub fn run(args: Args) -> Result<ExitCode> {
    let started = Instant::now();
    let store = args.data.open()?;
    let mut ingestor = Ingestor::new(&store, args.threads, args.batch)?;
    if let Ok(point) = std::env::var(FAILPOINT) {
        ingestor.writer.on_phase(move |phase| {
            let hit = match phase {
                Phase::IndexCommitted => point == "index-committed",
                Phase::Committed => point == "committed",
            };
            if hit {
                std::process::abort();
            }
        });
    }
    let files = marsad_ingest::walk::files(&args.paths);
    let progress = progress_bar(files.len() as u64, args.json);
    let opts = Options::default();
    let mut readable_files = 0usize;
    if args.demo {
        readable_files += ingestor.demo(&opts)?;
    }
    for file in files {
        progress.inc(1);
        let path = match file {
            Ok(p) => p,
            Err(e) => {
                report(&progress, &e);
                ingestor.summary.files += 1;
                ingestor.summary.failed += 1;
                ingestor.summary.read += 1;
                continue;
            }
        };
        let (size, mtime) = stat(&path);
        let readable = ingestor.file(
            &path.display().to_string(),
            size,
            mtime,
            args.force,
            |sink| marsad_ingest::read_path(&path, &opts, sink),
            &mut |e| report(&progress, e),
        )?;
        readable_files += usize::from(readable);
        let s = &ingestor.summary;
        let secs = started.elapsed().as_secs_f64().max(1e-3);
        progress.set_message(format!(
            "{:.0} articles/s",
            (s.ingested + s.duplicate + ingestor.batch.len()) as f64 / secs
        ));
    }
    let mut summary = ingestor.finish()?;
    progress.finish_and_clear();
    summary.seconds = started.elapsed().as_secs_f64();
    summary.peak_rss_mb = peak_rss_mb();

    if args.json {
        println!("{}", serde_json::to_string(&summary)?);
    } else {
        eprintln!(
            "marsad: {} files ({} unchanged): read {}, ingested {}, duplicate {}, already stored {}, failed {}{} in {:.1} s",
            summary.files,
            summary.unchanged_files,
            summary.read,
            summary.ingested,
            summary.duplicate,
            summary.already_stored,
            summary.failed,
            if summary.skipped > 0 {
                format!(", skipped {} non-article records", summary.skipped)
            } else {
                String::new()
            },
            summary.seconds
        );
    }
    // Non-zero only when nothing at all could be read.
    Ok(if readable_files == 0 && summary.files > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads files into a store in batches, with dedup within and across batches.
pub struct Ingestor<'s> {
    writer: StoreWriter<'s>,
    originals: SeenIndex,
    batch: Vec<Article>,
    batch_files: Vec<(String, FileRecord)>,
    batch_size: usize,
    summary: Summary,
    /// Actors met so far (loaded from the store), for stable ids across batches and runs.
    actors: Registry,
    threads: usize,
}

impl<'s> Ingestor<'s> {
    /// Opens a writer on `store` (repairing a killed run) and loads the stored originals.
    pub fn new(store: &'s Store, threads: usize, batch_size: usize) -> Result<Ingestor<'s>> {
        let writer = store.writer(threads)?;
        let mut originals = SeenIndex::new();
        for (id, bytes) in store.fingerprints()? {
            if let Some(fp) = Compact::from_bytes(&bytes) {
                originals.insert(&id, &fp);
            }
        }
        Ok(Ingestor {
            writer,
            originals,
            batch: Vec::new(),
            batch_files: Vec::new(),
            batch_size: batch_size.max(1),
            summary: Summary::default(),
            actors: Registry::from_actors(store.all_actors()?),
            threads: threads.max(1),
        })
    }

    /// Reads one file (unless it is unchanged since the last ingest and `force` is off)
    /// through `read`, reporting failures through `report`; commits when the batch is
    /// full. Returns whether the file could be read (or was skipped as unchanged).
    pub(crate) fn file(
        &mut self,
        location: &str,
        size: u64,
        mtime: i64,
        force: bool,
        read: impl FnOnce(&mut dyn FnMut(Event)),
        report: &mut dyn FnMut(&IngestError),
    ) -> Result<bool> {
        self.summary.files += 1;
        if !force {
            if let Some(rec) = self.writer.file(location)? {
                if rec.size == size && rec.mtime == mtime && rec.error.is_none() {
                    self.summary.unchanged_files += 1;
                    return Ok(true);
                }
            }
        }
        let mut record = FileRecord {
            size,
            mtime,
            articles: 0,
            failed: 0,
            error: None,
        };
        let (batch, skipped) = (&mut self.batch, &mut self.summary.skipped);
        read(&mut |event| match event {
            Event::Article(a) => {
                record.articles += 1;
                batch.push(a);
            }
            Event::Failed(e) => {
                report(&e);
                if e.source.record.is_none() {
                    record.error = Some(e.kind.to_string());
                } else {
                    record.failed += 1;
                }
            }
            Event::Skipped { .. } => *skipped += 1,
        });
        let failed = record.failed as usize + usize::from(record.error.is_some());
        self.summary.read += record.articles as usize + failed;
        self.summary.failed += failed;
        let readable = record.error.is_none();
        self.batch_files.push((location.to_string(), record));
        if self.batch.len() >= self.batch_size {
            self.flush()?;
        }
        Ok(readable)
    }

    /// Reads every file of the embedded demo corpus; returns how many were readable.
    pub fn demo(&mut self, opts: &Options) -> Result<usize> {
        let mut readable = 0;
        for (path, bytes) in crate::demo::FILES {
            let location = format!("demo/{path}");
            let read = |sink: &mut dyn FnMut(Event)| {
                marsad_ingest::read_bytes(&location, bytes, opts, sink)
            };
            readable += usize::from(self.file(
                &location,
                bytes.len() as u64,
                0,
                false,
                read,
                &mut |e| eprintln!("marsad: {e}"),
            )?);
        }
        Ok(readable)
    }

    /// Dedups the batch, finds entities and actors in the new articles, adds them, records
    /// the files and commits.
    fn flush(&mut self) -> Result<()> {
        if self.batch.is_empty() && self.batch_files.is_empty() {
            return Ok(());
        }
        let fps = fingerprints(&self.batch, 0);
        dedup_with(&mut self.batch, &fps, &DedupOptions::default());
        self.annotate()?;
        for (article, fp) in self.batch.iter_mut().zip(&fps) {
            let fp = Compact::from(fp);
            if article.dup_of.is_none() {
                match self.originals.find(&fp) {
                    Some(orig) if orig != article.id => article.dup_of = Some(orig.to_string()),
                    Some(_) => {}
                    None => self.originals.insert(&article.id, &fp),
                }
            }
            if self.writer.add(article, Some(&fp.to_bytes()))? {
                if article.dup_of.is_some() {
                    self.summary.duplicate += 1;
                } else {
                    self.summary.ingested += 1;
                }
            } else {
                self.summary.already_stored += 1;
            }
        }
        for (path, record) in &self.batch_files {
            self.writer.record_file(path, record)?;
        }
        self.writer.commit().context("commit failed")?;
        self.batch.clear();
        self.batch_files.clear();
        Ok(())
    }

    /// Entities, actors, quotes and events for the articles of the batch the store does not
    /// have yet (NER once per body on `threads` threads, then the registry in batch order,
    /// then quote speakers and event parties linked to actors), and the changed actor
    /// records, in the open batch.
    fn annotate(&mut self) -> Result<()> {
        let mut fresh = Vec::new();
        for (i, a) in self.batch.iter().enumerate() {
            if !self.writer.contains(&a.id)? {
                fresh.push(i);
            }
        }
        // Resolution is a function of the body: identical bodies (exact copies) run once.
        let mut first: HashMap<&str, usize> = HashMap::new();
        let mut bodies: Vec<&str> = Vec::new();
        let which: Vec<usize> = fresh
            .iter()
            .map(|&i| {
                let body = self.batch[i].body.as_str();
                *first.entry(body).or_insert_with(|| {
                    bodies.push(body);
                    bodies.len() - 1
                })
            })
            .collect();
        let found = pipeline::extract_batch(&bodies, self.threads);
        for (&i, &k) in fresh.iter().zip(&which) {
            let a = &mut self.batch[i];
            (a.entities, a.actors) = self.actors.annotate(&found[k].actors);
            a.quotes = found[k].quotes.clone();
            pipeline::link_speakers(&mut a.quotes, &a.entities);
            // Per article, not per body: event dates resolve against each article's own
            // publication time, so identical bodies published on different days differ.
            a.events = found[k].events.clone();
            pipeline::link_events(&mut a.events, &a.entities, a.published.as_ref());
        }
        self.writer.put_actors(&self.actors.take_changed())?;
        Ok(())
    }

    /// Commits what is left and waits for the index to settle.
    pub fn finish(mut self) -> Result<Summary> {
        self.flush()?;
        self.writer.finish()?;
        Ok(self.summary)
    }
}

fn report(progress: &ProgressBar, e: &IngestError) {
    progress.suspend(|| eprintln!("marsad: {e}"));
}

fn stat(path: &Path) -> (u64, i64) {
    std::fs::metadata(path).map_or((0, 0), |m| {
        let mtime = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_secs() as i64);
        (m.len(), mtime)
    })
}

fn progress_bar(len: u64, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::new(len);
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} files · {msg} · ETA {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}
