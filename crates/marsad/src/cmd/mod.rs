//! One file per subcommand.

pub mod analyze;
pub mod train;
