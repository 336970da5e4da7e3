//! Facet counts: how many matching documents hold each value of a raw, fast text field
//! (outlet, month, actor, event type), counted in the same pass as the ranking.
//!
//! tantivy's aggregation framework did this job at several times the cost: it builds a
//! bucket per term in a hash map and turns every counted term ordinal of every segment back
//! into its string before keeping the top ones. Here a segment counts into a plain array
//! indexed by term ordinal; the segments' ordinals are then mapped to *global* ordinals (the
//! rank of the term among the terms of every segment, see [`GlobalOrds`]) and added up, so
//! the top terms are picked from integers and only they are turned into strings.
//!
//! The counts are exact: tantivy cut each segment to its `10 * size` best terms before
//! merging, so a term spread over several segments could come out undercounted or missing.

use rustc_hash::FxHashMap;
use std::cmp::Reverse;
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::index::SegmentId;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// The terms of some fast text fields over a set of segments: every distinct term in byte
/// order, and for each segment where each of its term ordinals falls in that order.
///
/// Building it streams every term dictionary once, so the store keeps it until the
/// segments change (a commit or a merge), see [`GlobalOrds::current`].
#[derive(Debug)]
pub(crate) struct GlobalOrds {
    /// The segments it was built for, sorted.
    segments: Vec<SegmentId>,
    /// One per field, in the order the fields were given.
    fields: Vec<FieldOrds>,
}

#[derive(Debug, Default)]
struct FieldOrds {
    /// Every term of the field in any segment, in byte order: index = global ordinal.
    terms: Vec<String>,
    /// Per segment: the global ordinal of each of its term ordinals.
    to_global: FxHashMap<SegmentId, Vec<u32>>,
}

impl GlobalOrds {
    /// The global ordinals of `fields` over the segments of `searcher`: `cached` when it
    /// was built for the same segments, else built anew (and stored back in `cached`).
    pub(crate) fn current(
        cached: &std::sync::Mutex<Option<Arc<GlobalOrds>>>,
        searcher: &tantivy::Searcher,
        fields: &[&str],
    ) -> tantivy::Result<Arc<GlobalOrds>> {
        let mut segments: Vec<SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(SegmentReader::segment_id)
            .collect();
        segments.sort_unstable();
        let mut slot = cached.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(g) = slot.as_ref().filter(|g| g.segments == segments) {
            return Ok(g.clone());
        }
        let built = Arc::new(GlobalOrds::build(searcher.segment_readers(), fields)?);
        *slot = Some(built.clone());
        Ok(built)
    }

    fn build(readers: &[SegmentReader], fields: &[&str]) -> tantivy::Result<GlobalOrds> {
        let mut segments: Vec<SegmentId> = readers.iter().map(SegmentReader::segment_id).collect();
        segments.sort_unstable();
        let mut out = Vec::with_capacity(fields.len());
        for name in fields {
            // Each segment's terms, in its (byte) order.
            let mut per_segment: Vec<(SegmentId, Vec<String>)> = Vec::new();
            for reader in readers {
                let Some(column) = reader.fast_fields().str(name)? else {
                    continue;
                };
                let mut terms = Vec::with_capacity(column.num_terms());
                let mut stream = column.dictionary().stream()?;
                while stream.advance() {
                    terms.push(String::from_utf8_lossy(stream.key()).into_owned());
                }
                per_segment.push((reader.segment_id(), terms));
            }
            let mut terms: Vec<String> = per_segment
                .iter()
                .flat_map(|(_, t)| t.iter().cloned())
                .collect();
            terms.sort_unstable();
            terms.dedup();
            // Both lists are sorted: one walk maps a segment's terms to global ordinals.
            let to_global = per_segment
                .into_iter()
                .map(|(id, local)| {
                    let mut g = 0usize;
                    let map = local
                        .iter()
                        .map(|t| {
                            while terms[g] != *t {
                                g += 1;
                            }
                            g as u32
                        })
                        .collect();
                    (id, map)
                })
                .collect();
            out.push(FieldOrds { terms, to_global });
        }
        Ok(GlobalOrds {
            segments,
            fields: out,
        })
    }
}

/// Counts, for each field of its [`GlobalOrds`], the matching documents holding each term.
pub(crate) struct FacetCollector {
    fields: Vec<&'static str>,
    ords: Arc<GlobalOrds>,
}

impl FacetCollector {
    /// A collector over `fields`, whose global ordinals `ords` holds (built for the same
    /// fields, in the same order, over the segments searched).
    pub(crate) fn new(fields: &[&'static str], ords: Arc<GlobalOrds>) -> FacetCollector {
        FacetCollector {
            fields: fields.to_vec(),
            ords,
        }
    }
}

/// One field's counts over every segment, by global ordinal.
pub(crate) struct TermCounts {
    ords: Arc<GlobalOrds>,
    field: usize,
    counts: Counts,
}

/// A segment's counts: per field (`None` when the segment has no value for it).
pub(crate) struct FacetSegmentCollector {
    segment: SegmentId,
    fields: Vec<Option<FieldCounter>>,
}

/// One field's counts in one segment.
pub(crate) struct FieldCounter {
    column: StrColumn,
    counts: Counts,
    /// Per term ordinal: 1 + the last document counted for it, so that a document holding
    /// a term twice counts once.
    last_doc: Vec<u32>,
}

/// A count per ordinal, and the ordinals counted, so that merging and ranking visit those
/// only (a broad query counts a few thousand of the tens of thousands of actors).
#[derive(Debug, Default)]
pub(crate) struct Counts {
    counts: Vec<u32>,
    touched: Vec<u32>,
}

impl Counts {
    fn new(len: usize) -> Counts {
        Counts {
            counts: vec![0; len],
            touched: Vec::new(),
        }
    }

    fn add(&mut self, ord: usize, n: u32) {
        if let Some(c) = self.counts.get_mut(ord) {
            if *c == 0 {
                self.touched.push(ord as u32);
            }
            *c += n;
        }
    }

    /// `(ordinal, count)` of the ordinals counted, in no particular order.
    fn iter(&self) -> impl Iterator<Item = (usize, u32)> + '_ {
        self.touched
            .iter()
            .map(|&o| (o as usize, self.counts[o as usize]))
    }
}

/// What a segment hands over: its id and, per field, its counts by term ordinal.
pub(crate) type SegmentCounts = (SegmentId, Vec<Option<Counts>>);

impl Collector for FacetCollector {
    type Fruit = Vec<TermCounts>;
    type Child = FacetSegmentCollector;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<FacetSegmentCollector> {
        let fast = reader.fast_fields();
        let fields = self
            .fields
            .iter()
            .map(|name| {
                Ok(fast.str(name)?.map(|column| {
                    let terms = column.num_terms();
                    FieldCounter {
                        column,
                        counts: Counts::new(terms),
                        last_doc: vec![0; terms],
                    }
                }))
            })
            .collect::<tantivy::Result<_>>()?;
        Ok(FacetSegmentCollector {
            segment: reader.segment_id(),
            fields,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<SegmentCounts>) -> tantivy::Result<Vec<TermCounts>> {
        let mut merged: Vec<TermCounts> = (0..self.fields.len())
            .map(|field| TermCounts {
                ords: self.ords.clone(),
                field,
                counts: Counts::new(self.ords.fields.get(field).map_or(0, |f| f.terms.len())),
            })
            .collect();
        for (segment, fields) in segments {
            for (total, counts) in merged.iter_mut().zip(fields) {
                let Some(counts) = counts else { continue };
                let to_global = self
                    .ords
                    .fields
                    .get(total.field)
                    .and_then(|f| f.to_global.get(&segment))
                    .ok_or_else(|| {
                        tantivy::TantivyError::InternalError(format!(
                            "facet ordinals were built without segment {segment:?}"
                        ))
                    })?;
                for (local, n) in counts.iter() {
                    if let Some(&g) = to_global.get(local) {
                        total.counts.add(g as usize, n);
                    }
                }
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for FacetSegmentCollector {
    type Fruit = SegmentCounts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        for field in self.fields.iter_mut().flatten() {
            for ord in field.column.term_ords(doc) {
                let ord = ord as usize;
                match field.last_doc.get_mut(ord) {
                    Some(last) if *last != doc + 1 => {
                        *last = doc + 1;
                        field.counts.add(ord, 1);
                    }
                    _ => {}
                }
            }
        }
    }

    fn harvest(self) -> SegmentCounts {
        (
            self.segment,
            self.fields
                .into_iter()
                .map(|f| f.map(|f| f.counts))
                .collect(),
        )
    }
}

impl TermCounts {
    fn term(&self, global: usize) -> String {
        self.ords.fields[self.field].terms[global].clone()
    }

    /// Every term with a count, in term (byte) order.
    pub(crate) fn all(&self) -> Vec<(String, u64)> {
        let mut counted: Vec<(usize, u32)> = self.counts.iter().collect();
        counted.sort_unstable();
        counted
            .into_iter()
            .map(|(g, n)| (self.term(g), u64::from(n)))
            .collect()
    }

    /// The `k` terms held by the most documents, most first, ties by term (byte order,
    /// which is global ordinal order).
    pub(crate) fn top(&self, k: usize) -> Vec<(String, u64)> {
        let mut counted: Vec<(Reverse<u32>, usize)> =
            self.counts.iter().map(|(g, n)| (Reverse(n), g)).collect();
        if counted.len() > k && k > 0 {
            counted.select_nth_unstable(k - 1);
        }
        counted.truncate(k);
        counted.sort_unstable();
        counted
            .into_iter()
            .map(|(Reverse(n), g)| (self.term(g), u64::from(n)))
            .collect()
    }
}
