//! `marsad train …`: rebuild the model files we commit.

use anyhow::Result;
use clap::Subcommand;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum Train {
    /// The word-frequency lexicon that guards clitic segmentation.
    Lexicon(super::train_lexicon::Args),
    /// Word clusters for the NER tagger (word2vec + hierarchical k-means over a corpus).
    Clusters(super::train_clusters::Args),
    /// The gazetteer's person list, seeded from UniversalPetrarch's Arabic actor dictionary.
    Gazetteer(super::train_gazetteer::Args),
    /// The NER tagger (averaged structured perceptron on ANERcorp-style data).
    Ner(super::train_ner::Args),
    /// The learned event filter (logistic regression over the rules' candidate events,
    /// trained on marsad's event gold outside its held-out part).
    Events(super::train_events::Args),
    /// The learned trigger detector (multinomial logistic regression over the words no
    /// trigger rule took, trained on the same gold; after `events`, before `roles`).
    Triggers(super::train_triggers::Args),
    /// The learned participant models (logistic regressions that pick an event's source
    /// and target among the phrases of its sentence), trained on the same gold.
    Roles(super::train_roles::Args),
}

pub fn run(t: Train) -> Result<ExitCode> {
    match t {
        Train::Lexicon(args) => super::train_lexicon::run(args),
        Train::Clusters(args) => super::train_clusters::run(args),
        Train::Gazetteer(args) => super::train_gazetteer::run(args),
        Train::Ner(args) => super::train_ner::run(args),
        Train::Events(args) => super::train_events::run(args),
        Train::Triggers(args) => super::train_triggers::run(args),
        Train::Roles(args) => super::train_roles::run(args),
    }
}
