//! The `--data DIR` option shared by every command that uses the store.

use anyhow::{Context, Result};
use marsad_index::{Store, datadir};
use std::path::PathBuf;

#[derive(Debug, Clone, clap::Args)]
pub struct DataArgs {
    /// The data directory (default: $MARSAD_DATA, else the platform's data directory).
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
}

impl DataArgs {
    /// The resolved data directory.
    pub fn dir(&self) -> Result<PathBuf> {
        datadir::resolve(self.data.clone()).context(
            "no data directory: pass --data DIR or set MARSAD_DATA (no home directory was found)",
        )
    }

    /// Opens (creating if needed) the store.
    pub fn open(&self) -> Result<Store> {
        let dir = self.dir()?;
        Store::open(&dir).with_context(|| format!("cannot open the store in {}", dir.display()))
    }
}
