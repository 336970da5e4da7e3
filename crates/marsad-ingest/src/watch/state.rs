//! What `watch` remembers between polls and runs: validators and seen item keys.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet, VecDeque};
use std::path::Path;

/// How many item keys are remembered per feed; feeds show the latest few dozen items, so
/// this is generous while keeping the state file small.
pub const MAX_SEEN: usize = 5000;

/// One feed's memory.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct FeedState {
    /// The last ETag, sent back as If-None-Match.
    pub etag: Option<String>,
    /// The last Last-Modified, sent back as If-Modified-Since.
    pub last_modified: Option<String>,
    /// Consecutive failures, for backoff.
    pub failures: u32,
    /// Item keys seen, oldest first.
    pub seen: VecDeque<String>,
    #[serde(skip)]
    index: HashSet<String>,
}

impl FeedState {
    /// Remembers `key`; true when it is new.
    pub fn remember(&mut self, key: &str) -> bool {
        if self.index.len() != self.seen.len() {
            self.index = self.seen.iter().cloned().collect();
        }
        if self.index.contains(key) {
            return false;
        }
        self.seen.push_back(key.to_string());
        self.index.insert(key.to_string());
        while self.seen.len() > MAX_SEEN {
            if let Some(old) = self.seen.pop_front() {
                self.index.remove(&old);
            }
        }
        true
    }
}

/// Every feed's memory, saved as JSON.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct WatchState {
    pub feeds: BTreeMap<String, FeedState>,
}

impl WatchState {
    /// Loads a state file; a missing file is an empty state.
    pub fn load(path: &Path) -> std::io::Result<WatchState> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(WatchState::default()),
            Err(e) => Err(e),
        }
    }

    /// Saves atomically (write a sibling, then rename), so a crash never leaves half a file.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let tmp = path.with_extension("tmp");
        std::fs::write(
            &tmp,
            serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?,
        )?;
        std::fs::rename(tmp, path)
    }
}
