use super::*;
use crate::ner::conll::TaggedSentence;
use crate::ner::perceptron::TrainConfig;
use crate::ner::tags::NUM_TAGS;

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
    // Not assert_eq: a failure would print megabytes of bytes.
    assert!(
        m.to_bytes().unwrap() == EMBEDDED_MODEL,
        "the embedded model does not serialize back to its own bytes"
    );
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

fn toy_config(doc_window: usize) -> NerConfig {
    NerConfig {
        perceptron: TrainConfig {
            epochs: 5,
            seed: 3,
            min_feature_count: 1,
            lexical_dropout: 0.1,
            ensemble: 2,
        },
        folds: 2,
        aux_ensemble: 1,
        lexicon_min_count: 1,
        o_penalty: 0.0,
        doc_window,
    }
}

#[test]
fn training_learns_and_is_deterministic() {
    let data = toy_corpus();
    let cfg = toy_config(0);
    let mut epochs_seen = Vec::new();
    let mut cb = |e: usize, _: &NerModel| epochs_seen.push(e);
    let a = NerModel::train(&data, Clusters::default(), &cfg, None, "toy", Some(&mut cb)).unwrap();
    assert_eq!(epochs_seen, [1, 2, 3, 4, 5]);
    let scores = a.evaluate(&data, false);
    assert_eq!(scores.micro().f1(), 100.0);
    let b = NerModel::train(&data, Clusters::default(), &cfg, None, "toy", None).unwrap();
    assert_eq!(a.to_bytes().unwrap(), b.to_bytes().unwrap());
    // An unseen name in the learnt context.
    let tags = a.tag_tokens(&["قال", "عمر", "إنه", "كان", "في", "دمشق", "أمس"]);
    assert_eq!(tags[5], Tag::B(EntityKind::Loc));
    assert!(NerModel::train(&[], Clusters::default(), &cfg, None, "", None).is_err());
}

#[test]
fn two_passes_with_a_lexicon_train_deterministically_and_round_trip() {
    let data = toy_corpus();
    let cfg = toy_config(3);
    // Raw texts in which the tagger will find the toy names, so the lexicon has entries.
    let corpus: Vec<String> = vec![
        "قال زيد إنه كان في دمشق أمس.".into(),
        "قال بكر إنه كان في بغداد أمس. قال عمرو إنه كان في عمان أمس.".into(),
    ];
    let a = NerModel::train(&data, Clusters::default(), &cfg, Some(&corpus), "toy", None).unwrap();
    let lexicon = a.lexicon.as_deref().expect("a lexicon was learnt");
    assert!(
        lexicon.get("زيد").is_some_and(|c| c[1] > 0),
        "{:?}",
        lexicon.get("زيد")
    );
    assert!(a.doc.is_some());
    assert_eq!(a.evaluate(&data, false).micro().f1(), 100.0);
    let b = NerModel::train(&data, Clusters::default(), &cfg, Some(&corpus), "toy", None).unwrap();
    let bytes = a.to_bytes().unwrap();
    assert_eq!(bytes, b.to_bytes().unwrap());
    let back = NerModel::from_bytes(&bytes).unwrap();
    assert_eq!(back.to_bytes().unwrap(), bytes);
    let sentences: Vec<Vec<&str>> = data
        .iter()
        .map(|s| s.tokens.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        back.tagger().tag_document(&sentences),
        a.tagger().tag_document(&sentences)
    );
}

#[test]
fn trains_on_a_single_sentence_with_every_stage() {
    let data = &toy_corpus()[..1];
    let corpus = vec!["قال زيد إنه كان في دمشق أمس.".to_string()];
    let mut cfg = toy_config(2);
    for folds in [0, 1, 5] {
        cfg.folds = folds;
        let m =
            NerModel::train(data, Clusters::default(), &cfg, Some(&corpus), "one", None).unwrap();
        assert_eq!(
            m.tag_tokens(
                &data[0]
                    .tokens
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
            )
            .len(),
            7
        );
    }
}

#[test]
fn fused_scores_equal_the_separate_passes() {
    let data = toy_corpus();
    let m = NerModel::train(
        &data,
        Clusters::default(),
        &toy_config(2),
        None,
        "toy",
        None,
    )
    .unwrap();
    let (window, second) = m.doc.as_ref().unwrap();
    let mut tagger = m.tagger();
    let sentences: Vec<Vec<&str>> = data
        .iter()
        .map(|s| s.tokens.iter().map(String::as_str).collect())
        .collect();
    tagger.run(&sentences);
    let mut features = tagger.features[..sentences.len()].to_vec();
    // Recompute with the unfused weights: first pass, document features, second pass.
    let mut first = Vec::new();
    let mut e = Vec::new();
    for (s, f) in features.iter_mut().enumerate() {
        f.extra.clear();
        f.extra_offsets.clear();
        let mut path = Vec::new();
        decode_with(&m.weights, f, 0.0, &mut e, &mut path);
        assert_eq!(path, tagger.first[s]);
        first.push(path);
    }
    doc::add_features(&mut features, &first, *window);
    for (s, f) in features.iter().enumerate() {
        let mut path = Vec::new();
        decode_with(second, f, 0.0, &mut e, &mut path);
        assert_eq!(path, tagger.path[s]);
        let mut fused = tagger.second[s].clone();
        fused.iter_mut().for_each(|r| *r = [0.0; NUM_TAGS]);
        let mut unused = Vec::new();
        m.fused.emissions(f, &mut unused, &mut fused);
        m.fused.add_second(f, &mut fused);
        second.emissions(f, &mut e);
        for (x, y) in fused.iter().zip(&e) {
            for t in 0..NUM_TAGS {
                assert!((x[t] - y[t]).abs() < 1e-3, "{x:?} {y:?}");
            }
        }
    }
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

/// `recognize` with the embedded model reuses a tagger per thread: texts of every length, in
/// any order, find what a fresh tagger finds.
#[test]
fn recognize_with_a_reused_tagger_finds_what_a_fresh_one_finds() {
    let model = NerModel::embedded();
    let short = "قال الرئيس الأمريكي باراك أوباما في واشنطن إن حكومة الوفاق الوطني في ليبيا شريك.";
    let other = "وصل الوفد إلى موسكو، وأكد أن روسيا وأمريكا تدعمان حكومة الوفاق.";
    // Longer than KEEP_TAGGER_TOKENS, so the kept tagger is dropped after it.
    let long = format!("{short} {other} ").repeat(KEEP_TAGGER_TOKENS / 20);
    assert!(tokenize(&long).len() > KEEP_TAGGER_TOKENS);
    for text in [
        short,
        other,
        long.as_str(),
        short,
        "",
        other,
        long.as_str(),
        short,
    ] {
        let fresh = model.recognize_with(&mut model.tagger(), text);
        assert_eq!(model.recognize(text), fresh, "{text:.40}");
    }
    assert!(!model.recognize(short).is_empty());
}
