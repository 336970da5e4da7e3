//! Quotes and claims: who said what, and how sure the text is.
//!
//! Every span counts chars (Unicode scalar values) of the article body, like every other
//! annotation (see [`crate::Article`]).

use serde::{Deserialize, Serialize};
use std::fmt;

/// How sure the text is about a statement or an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CertaintyLabel {
    /// Narrated as fact, or asserted by a named source (أكد، أعلن).
    Confirmed,
    /// Unnamed or indirect sourcing: مصادر، تقارير، شهود عيان، وسائل إعلام.
    Reported,
    /// Planned or future: من المتوقع، من المقرر، يعتزم، سـ/سوف + verb.
    Expected,
    /// Hedged: قد + imperfect، ربما، يمكن أن، من المحتمل.
    Possible,
    /// Negated or denied: نفى، لا يوجد، لم + verb، عارية عن الصحة.
    Denied,
}

impl CertaintyLabel {
    /// Every label, in a stable order (the rows of a confusion matrix).
    pub const ALL: [CertaintyLabel; 5] = [
        CertaintyLabel::Confirmed,
        CertaintyLabel::Reported,
        CertaintyLabel::Expected,
        CertaintyLabel::Possible,
        CertaintyLabel::Denied,
    ];

    /// The stable lowercase name used in JSON, the store and the CLI.
    pub fn name(self) -> &'static str {
        match self {
            CertaintyLabel::Confirmed => "confirmed",
            CertaintyLabel::Reported => "reported",
            CertaintyLabel::Expected => "expected",
            CertaintyLabel::Possible => "possible",
            CertaintyLabel::Denied => "denied",
        }
    }

    /// Parses a name written by [`CertaintyLabel::name`].
    pub fn parse(s: &str) -> Option<CertaintyLabel> {
        CertaintyLabel::ALL.into_iter().find(|l| l.name() == s)
    }
}

impl fmt::Display for CertaintyLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A certainty label with the evidence for it: the cue that set it (if any) and the clause
/// it governs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certainty {
    /// The label.
    pub label: CertaintyLabel,
    /// The cue as written (`لا يوجد`, `ربما`, `مصادر`…); `None` for plain narration.
    pub cue: Option<String>,
    /// Char span of the cue, when there is one.
    pub cue_start: Option<usize>,
    /// End of the cue span, exclusive.
    pub cue_end: Option<usize>,
    /// Char span of the clause the label governs.
    pub scope_start: usize,
    /// End of the scope, exclusive.
    pub scope_end: usize,
}

/// One statement attributed to a source, direct («…») or reported (قال إن…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The speaker's name as the article gives it (`أحمد المسماري`), resolved through
    /// continuations (`وأضاف`) and role phrases that refer back to a named speaker; `None`
    /// for unnamed sources.
    pub speaker: Option<String>,
    /// Char span of the speaker's name mention used, when there is one.
    pub speaker_start: Option<usize>,
    /// End of the speaker span, exclusive.
    pub speaker_end: Option<usize>,
    /// The actor id the speaker was linked to, when an actor registry knows them.
    pub speaker_actor: Option<String>,
    /// The role or description the article uses (`المتحدث باسم القوات الليبية`,
    /// `مصادر محلية`).
    pub role: Option<String>,
    /// The cue word as written (`وأضاف`, `بحسب`, `مشيرا`).
    pub cue: String,
    /// Char span of the cue.
    pub cue_start: usize,
    /// End of the cue span, exclusive.
    pub cue_end: usize,
    /// The quoted or reported content, `body[start..end]`.
    pub text: String,
    /// True for verbatim speech: inside quotation marks or after a colon.
    pub direct: bool,
    /// How sure the text is of the content.
    pub certainty: Certainty,
    /// Char span of the content in the body.
    pub start: usize,
    /// End of the content span, exclusive.
    pub end: usize,
}

impl Quote {
    /// Who said it, for display: the name, else the role, else `?`.
    pub fn who(&self) -> &str {
        self.speaker
            .as_deref()
            .or(self.role.as_deref())
            .unwrap_or("?")
    }
}
