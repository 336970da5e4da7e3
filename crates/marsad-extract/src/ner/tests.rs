use super::*;
use crate::ner::conll::TaggedSentence;
use crate::ner::perceptron::TrainConfig;

#[test]
fn clitic_bytes_table() {
    let cases: &[(&str, usize, &str)] = &[
        ("وأمريكا", 1, "أمريكا"),
        ("وَأمريكا", 1, "أمريكا"),
        ("وبموسكو", 2, "موسكو"),
        ("لندن", 0, "لندن"),
        // Never the whole token.
        ("وب", 2, "وب"),
    ];
    for (token, letters, rest) in cases {
        let b = clitic_bytes(token, *letters);
        assert_eq!(&token[b..], *rest, "{token}");
    }
}

#[test]
fn embedded_model_loads_and_is_current() {
    let m = NerModel::try_embedded().expect("the embedded model loads");
    assert!(m.num_features() > 10_000, "{} features", m.num_features());
    assert!(m.num_cluster_words() > 10_000);
    assert!(
        m.gazetteer_is_current(),
        "data/gazetteer changed since data/ner.model was trained: rerun `marsad train ner` (see docs/benchmarks.md)"
    );
}

#[test]
fn embedded_model_serializes_to_the_same_bytes() {
    let m = NerModel::embedded();
    assert_eq!(m.to_bytes().unwrap(), EMBEDDED_MODEL);
}

#[test]
fn tag_tokens_edge_cases() {
    let m = NerModel::embedded();
    assert!(m.tag_tokens(&[]).is_empty());
    for tokens in [vec![""], vec!["،", "."], vec!["\u{200f}"], vec!["ـــ"]] {
        assert_eq!(m.tag_tokens(&tokens).len(), tokens.len());
    }
}

/// A tiny corpus in which names follow قال and places follow في.
fn toy_corpus() -> Vec<TaggedSentence> {
    let names = ["زيد", "عمرو", "بكر", "خالد"];
    let places = ["دمشق", "القاهرة", "بغداد", "عمان"];
    let mut out = Vec::new();
    for (i, n) in names.iter().enumerate() {
        for p in places.iter().skip(i % 2) {
            let tokens = ["قال", n, "إنه", "كان", "في", p, "أمس"];
            let tags = [
                Tag::O,
                Tag::B(EntityKind::Per),
                Tag::O,
                Tag::O,
                Tag::O,
                Tag::B(EntityKind::Loc),
                Tag::O,
            ];
            out.push(TaggedSentence {
                tokens: tokens.iter().map(|s| s.to_string()).collect(),
                tags: tags.to_vec(),
            });
        }
    }
    out
}

use crate::entity::EntityKind;

#[test]
fn training_learns_and_is_deterministic() {
    let data = toy_corpus();
    let cfg = TrainConfig {
        epochs: 5,
        seed: 3,
        min_feature_count: 1,
        lexical_dropout: 0.1,
        ensemble: 2,
    };
    let mut epochs_seen = Vec::new();
    let mut cb = |e: usize, _: &NerModel| epochs_seen.push(e);
    let a = NerModel::train(&data, Clusters::default(), &cfg, "toy", Some(&mut cb)).unwrap();
    assert_eq!(epochs_seen, [1, 2, 3, 4, 5]);
    let scores = a.evaluate(&data, false);
    assert_eq!(scores.micro().f1(), 100.0);
    let b = NerModel::train(&data, Clusters::default(), &cfg, "toy", None).unwrap();
    assert_eq!(a.to_bytes().unwrap(), b.to_bytes().unwrap());
    // An unseen name in the learnt context.
    let tags = a.tag_tokens(&["قال", "عمر", "إنه", "كان", "في", "دمشق", "أمس"]);
    assert_eq!(tags[5], Tag::B(EntityKind::Loc));
    assert!(NerModel::train(&[], Clusters::default(), &cfg, "", None).is_err());
}

#[test]
fn recognize_keeps_offsets_and_drops_proclitics() {
    let text = "وصل الوفد إلى موسكو، وأكد أن روسيا وأمريكا تدعمان حكومة الوفاق.";
    let chars: Vec<char> = text.chars().collect();
    let entities = NerModel::embedded().recognize(text);
    for e in &entities {
        let slice: String = chars[e.start..e.end].iter().collect();
        assert_eq!(slice, e.text);
    }
    let find = |s: &str| entities.iter().find(|e| e.text == s).map(|e| e.kind);
    assert_eq!(find("موسكو"), Some(EntityKind::Loc));
    assert_eq!(find("روسيا"), Some(EntityKind::Loc));
    assert_eq!(find("أمريكا"), Some(EntityKind::Loc), "{entities:?}");
    assert_eq!(find("حكومة الوفاق"), Some(EntityKind::Org), "{entities:?}");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn arabicish() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "قال",
            "الرئيس",
            "حكومة",
            "الوفاق",
            "و",
            "ب",
            "موسكو",
            "ليبيا",
            "أحمد",
            " ",
            "  ",
            "\n",
            "،",
            ".",
            "«",
            "»",
            "ـ",
            "\u{064e}",
            "\u{200f}",
            "2016",
            "٢٠١٦",
            "x",
            "(",
            "ال",
            "لل",
            "الولايات",
            "المتحدة",
            "😀",
            "\u{fefb}",
            "مجلس",
            "الأمن",
            "الليبي",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn recognize_never_panics_and_spans_are_in_range(text in arabicish()) {
            let n = text.chars().count();
            let chars: Vec<char> = text.chars().collect();
            let entities = NerModel::embedded().recognize(&text);
            let mut last_end = 0;
            for e in &entities {
                prop_assert!(e.start < e.end && e.end <= n, "{e:?} in {n} chars");
                prop_assert!(e.start >= last_end, "overlap or disorder: {entities:?}");
                last_end = e.end;
                let slice: String = chars[e.start..e.end].iter().collect();
                prop_assert_eq!(&slice, &e.text);
            }
        }

        #[test]
        fn recognize_accepts_any_string(text in any::<String>()) {
            let n = text.chars().count();
            for e in NerModel::embedded().recognize(&text) {
                prop_assert!(e.start < e.end && e.end <= n);
            }
        }

        #[test]
        fn tag_tokens_gives_one_tag_per_token(tokens in prop::collection::vec(any::<String>(), 0..12)) {
            let refs: Vec<&str> = tokens.iter().map(String::as_str).collect();
            prop_assert_eq!(NerModel::embedded().tag_tokens(&refs).len(), refs.len());
        }
    }
}
