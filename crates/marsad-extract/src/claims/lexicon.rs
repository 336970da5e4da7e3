//! The certainty cue lexicon: marsad's own lists, written for Arabic news.
//!
//! Entries are written in ordinary spelling and folded with [`super::words::KEY_FOLDS`] when
//! the lexicon is built, so `أ/ا`, `ة/ه` and `ى/ي` variants all match.

use marsad_core::CertaintyLabel;

/// Multi-word cues, tried before single words at every position (so `لا يستبعد` is a hedge,
/// not a negation). Each is a list of words that must follow one another.
pub(crate) const PHRASES: &[(CertaintyLabel, &[&str])] = &[
    (CertaintyLabel::Possible, &["لا", "يستبعد"]),
    (CertaintyLabel::Possible, &["لا", "تستبعد"]),
    (CertaintyLabel::Possible, &["لا", "نستبعد"]),
    (CertaintyLabel::Possible, &["لا", "يستبعدون"]),
    (CertaintyLabel::Possible, &["من", "المحتمل"]),
    (CertaintyLabel::Possible, &["من", "الممكن"]),
    (CertaintyLabel::Possible, &["من", "المرجح"]),
    (CertaintyLabel::Expected, &["من", "المتوقع"]),
    (CertaintyLabel::Expected, &["من", "المقرر"]),
    (CertaintyLabel::Expected, &["من", "المنتظر"]),
    (CertaintyLabel::Expected, &["من", "المفترض"]),
    (CertaintyLabel::Expected, &["من", "المخطط"]),
    (CertaintyLabel::Denied, &["عارية", "عن", "الصحة"]),
    (CertaintyLabel::Denied, &["عار", "عن", "الصحة"]),
    (CertaintyLabel::Denied, &["غير", "صحيح"]),
    (CertaintyLabel::Denied, &["غير", "صحيحة"]),
    (CertaintyLabel::Denied, &["غير", "دقيق"]),
    (CertaintyLabel::Denied, &["غير", "دقيقة"]),
    (CertaintyLabel::Denied, &["لا", "صحة"]),
    (CertaintyLabel::Reported, &["شهود", "عيان"]),
    (CertaintyLabel::Reported, &["وسائل", "إعلام"]),
    (CertaintyLabel::Reported, &["وسائل", "الإعلام"]),
    (CertaintyLabel::Reported, &["أفادت", "تقارير"]),
    (CertaintyLabel::Reported, &["وردت", "أنباء"]),
];

/// Words after `لا` / `ما` that make a continuative or fixed phrase, not a negation.
pub(crate) const NOT_NEGATION_AFTER_LA: &[&str] = &[
    "يزال", "تزال", "زال", "زالت", "يزالون", "نزال", "سيما", "بد", "شك", "سيّما",
];

/// Single-word cues.
pub(crate) const WORDS: &[(CertaintyLabel, &[&str])] = &[
    (
        CertaintyLabel::Denied,
        &[
            "لا", "لم", "لن", "ليس", "ليست", "لسنا", "لست", "ليسوا", "عدم", "نفى", "نفت",
            "ينفي", "تنفي", "نفوا", "نافيا", "نافية", "ينفون", "ولا",
        ],
    ),
    (
        CertaintyLabel::Possible,
        &[
            "ربما", "يمكن", "يمكنه", "يمكنها", "يمكننا", "يمكنهم", "يمكنني", "بإمكان",
            "بإمكانه", "بإمكانها", "بإمكاننا", "بإمكانهم", "بمقدور", "بمقدوره", "بمقدورها",
            "بمقدورنا", "محتمل", "محتملة", "المحتمل", "احتمال", "احتمالات", "يحتمل", "ممكن",
            "الممكن", "لعل", "لعله", "عسى", "يرجح", "المرجح", "مرجح",
        ],
    ),
    (
        CertaintyLabel::Expected,
        &[
            "سوف", "المتوقع", "متوقع", "يتوقع", "تتوقع", "نتوقع", "يتوقعون", "المقرر", "مقرر",
            "يعتزم", "تعتزم", "نعتزم", "يعتزمون", "عزم", "عزمها", "عزمه", "عزمهم", "عزمنا",
            "المرتقب", "يرتقب", "تخطط", "يخطط", "نخطط", "يخططون", "تنوي", "ينوي",
            "ننوي", "نية", "تريد", "يريد", "نريد", "المفترض", "يفترض", "المقبل", "المقبلة",
            "القادم", "القادمة", "مستقبلا", "خطط", "خطة",
        ],
    ),
    (
        CertaintyLabel::Reported,
        &[
            "مصادر", "المصادر", "مصدر", "تقارير", "التقارير", "تسريبات", "أنباء", "الأنباء",
            "شهود", "تواتر", "تواترت", "يقال", "مزاعم", "ادعاءات", "ادعاءه",
        ],
    ),
];
