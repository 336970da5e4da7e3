//! Where the store lives: `--data DIR`, else `$MARSAD_DATA`, else the platform's data
//! directory (`$XDG_DATA_HOME/marsad`, `~/.local/share/marsad` on Linux;
//! `~/Library/Application Support/marsad` on macOS; `%APPDATA%\marsad` on Windows).

use std::path::PathBuf;

/// The environment variable that overrides the default data directory.
pub const ENV: &str = "MARSAD_DATA";

/// Resolves the data directory from an explicit choice, the environment, or the platform
/// default; `None` only when no home directory can be found.
pub fn resolve(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit
        .or_else(|| {
            std::env::var_os(ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(|| dirs::data_dir().map(|d| d.join("marsad")))
}
