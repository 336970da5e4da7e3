//! Warnings about what a reader guessed or dropped.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A warning attached to an article: something was guessed, repaired or dropped.
///
/// `kind` is a stable dotted identifier (`date.order-guessed`, `html.boilerplate-dropped`…)
/// that tools can filter on; `message` is for people.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable machine-readable identifier, `area.what`.
    pub kind: String,
    /// A one-line explanation.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic of `kind` with `message`.
    pub fn new(kind: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            kind: kind.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}
