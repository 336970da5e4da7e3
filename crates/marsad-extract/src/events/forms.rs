//! The written forms of a trigger lemma: verb conjugations and noun inflections, generated in
//! the folded alphabet of [`crate::claims::words::KEY_FOLDS`] (ا for every alef, ي for ى, ه
//! for ة) and *without* proclitics, which matching strips (see [`super::lexicon`]).
//!
//! The generator over-produces rather than under-produces: a form that is not a word never
//! meets a token, while a missing one loses an event. Classes are read from the lemma as
//! written (before folding), because folding merges letters the morphology tells apart: a
//! final ى is a weak verb (التقى), a final ئ or أ is a consonant (يهنئ، هنأ).

use crate::claims::words::fold;

/// Object and possessive pronouns that attach to verbs and nouns (`ي` is left out on nouns:
/// it would turn every nisba adjective, اجتماعي, into "my meeting").
const PRONOUNS: [&str; 9] = ["ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا", "ني"];
const NOUN_PRONOUNS: [&str; 7] = ["ه", "ها", "هم", "هما", "هن", "كم", "نا"];

/// One generated form: its folded letters and whether it carries a suffix (pronoun, tanwin
/// alef) that forbids the article in front.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Form {
    pub text: String,
    pub suffixed: bool,
    /// A verb form whose ending is a plural subject (استقبلوا، يتظاهرون): its subject is that
    /// pronoun, never a phrase after it.
    pub plural: bool,
    /// The suffix is a pronoun (زيارته), not the accusative alef (اعتصاما).
    pub pronoun: bool,
}

fn push(out: &mut Vec<Form>, text: String, suffixed: bool) {
    push_p(out, text, suffixed, false);
}

fn push_p(out: &mut Vec<Form>, text: String, suffixed: bool, plural: bool) {
    if text.chars().count() >= 2 && !out.iter().any(|f| f.text == text) {
        out.push(Form {
            text,
            suffixed,
            plural,
            pronoun: suffixed,
        });
    }
}

fn drop_last(s: &str) -> &str {
    match s.char_indices().last() {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Perfect forms of a verb given in the third person masculine singular (`استقبل`, `التقى`,
/// `دعا`, `زار`, `شن`): every person, with object pronouns when `transitive` (an
/// intransitive verb with a pronoun, تظاهرتنا, is a noun). Passive perfects share these
/// letters once diacritics are gone (اُستقبل).
pub(crate) fn perfect(lemma: &str, transitive: bool) -> Vec<Form> {
    let p = fold(lemma);
    let mut out = Vec::new();
    if p.is_empty() {
        return out;
    }
    let last = lemma.chars().last().unwrap_or(' ');
    if last == 'ى' || (last == 'ي' && lemma.chars().count() >= 4) {
        // Defective with ya: التقى → التقت، التقوا، التقيا، التقينا، التقاه.
        let b = drop_last(&p);
        push(&mut out, p.clone(), false);
        for s in ["ت", "وا", "يا", "تا", "ينا", "يت", "يتم", "ين"] {
            push_p(
                &mut out,
                format!("{b}{s}"),
                false,
                matches!(s, "وا" | "يا" | "تا"),
            );
        }
        for pr in PRONOUNS.iter().filter(|_| transitive) {
            push(&mut out, format!("{b}ا{pr}"), true);
            push(&mut out, format!("{b}ت{pr}"), true);
            push_p(&mut out, format!("{b}و{pr}"), true, true);
        }
    } else if last == 'ا' {
        // Defective with waw: دعا → دعت، دعوا، دعتا، دعونا، دعاه.
        let b = drop_last(&p);
        push(&mut out, p.clone(), false);
        for s in ["ت", "وا", "تا", "ونا", "وت", "وتم"] {
            push_p(&mut out, format!("{b}{s}"), false, s == "وا");
        }
        for pr in PRONOUNS.iter().filter(|_| transitive) {
            push(&mut out, format!("{b}ا{pr}"), true);
            push(&mut out, format!("{b}ت{pr}"), true);
            push_p(&mut out, format!("{b}و{pr}"), true, true);
        }
    } else {
        push(&mut out, p.clone(), false);
        for s in ["ت", "وا", "ا", "تا", "ن", "نا", "تم", "تن"] {
            push_p(
                &mut out,
                format!("{p}{s}"),
                false,
                matches!(s, "وا" | "ن" | "ا" | "تا"),
            );
        }
        for pr in PRONOUNS.iter().filter(|_| transitive) {
            push(&mut out, format!("{p}{pr}"), true);
            push(&mut out, format!("{p}ت{pr}"), true);
            push_p(&mut out, format!("{p}و{pr}"), true, true);
        }
        let chars: Vec<char> = p.chars().collect();
        // Hollow verbs shorten before a consonant suffix: زار → زرنا، زرت.
        if chars.len() == 3 && chars[1] == 'ا' {
            let short: String = [chars[0], chars[2]].iter().collect();
            for s in ["نا", "ت", "تم"] {
                push(&mut out, format!("{short}{s}"), false);
            }
        }
        // Doubled verbs split before a consonant suffix: شن → شننا.
        if chars.len() == 2 {
            for s in ["نا", "ت", "تم"] {
                push(&mut out, format!("{p}{}{s}", chars[1]), false);
            }
        }
    }
    out
}

/// Imperfect forms from the third person masculine singular (`يستقبل`, `يلتقي`, `يدعو`):
/// every person prefix (ي ت ن أ), plural, dual and feminine plural endings, subjunctive and
/// jussive plurals, with object pronouns when `transitive`. The future `سـ` and the lam of purpose are
/// proclitics and are stripped when matching.
pub(crate) fn imperfect(lemma: &str, transitive: bool) -> Vec<Form> {
    let i = fold(lemma);
    let mut out = Vec::new();
    let Some(b) = i.strip_prefix('ي') else {
        return out;
    };
    if b.chars().count() < 2 {
        return out;
    }
    let last = lemma.chars().last().unwrap_or(' ');
    let weak = matches!(last, 'ي' | 'ى' | 'و');
    let plural_stem = if weak { drop_last(b) } else { b };
    for pre in ["ي", "ت", "ن", "ا"] {
        push(&mut out, format!("{pre}{b}"), false);
        if weak {
            // The jussive drops the weak letter: لم يلتق، لم يدع.
            push(&mut out, format!("{pre}{plural_stem}"), false);
        }
        for s in ["ان", "ا", "ن"] {
            push_p(&mut out, format!("{pre}{b}{s}"), false, true);
        }
        for s in ["ون", "وا", "ين"] {
            push_p(&mut out, format!("{pre}{plural_stem}{s}"), false, s != "ين");
        }
        for pr in PRONOUNS.iter().filter(|_| transitive) {
            push(&mut out, format!("{pre}{b}{pr}"), true);
            push_p(&mut out, format!("{pre}{plural_stem}ون{pr}"), true, true);
            push_p(&mut out, format!("{pre}{plural_stem}و{pr}"), true, true);
        }
    }
    out
}

/// Forms of a noun (`زيارة`, `لقاء`, `هجوم`, `محادثات`): bare, with a possessive pronoun,
/// with the accusative alef of tanwin, dual, and the sound feminine plural of a ة noun. The
/// article and prepositions are proclitics, stripped when matching.
pub(crate) fn noun(lemma: &str) -> Vec<Form> {
    let f = fold(lemma);
    let mut out = Vec::new();
    if f.is_empty() {
        return out;
    }
    push(&mut out, f.clone(), false);
    let last = lemma.chars().last().unwrap_or(' ');
    if last == 'ة' {
        let b = drop_last(&f);
        for s in ["تان", "تين", "ات"] {
            push(&mut out, format!("{b}{s}"), false);
        }
        for pr in NOUN_PRONOUNS {
            push(&mut out, format!("{b}ت{pr}"), true);
            push(&mut out, format!("{b}ات{pr}"), true);
        }
        return out;
    }
    for s in ["ان", "ين"] {
        push(&mut out, format!("{f}{s}"), false);
    }
    if !f.ends_with('ا') && !lemma.ends_with("ات") {
        let text = format!("{f}ا");
        if !out.iter().any(|x| x.text == text) {
            out.push(Form {
                text,
                suffixed: true,
                plural: false,
                pronoun: false,
            });
        }
    }
    for pr in NOUN_PRONOUNS {
        push(&mut out, format!("{f}{pr}"), true);
    }
    if lemma.ends_with('ء') {
        // The hamza takes the seat of the case vowel before a pronoun: لقاؤه، لقائه.
        let b = drop_last(&f);
        for pr in NOUN_PRONOUNS {
            push(&mut out, format!("{b}و{pr}"), true);
            push(&mut out, format!("{b}ي{pr}"), true);
        }
    }
    if last == 'ى' {
        let b = drop_last(&f);
        for pr in NOUN_PRONOUNS {
            push(&mut out, format!("{b}ا{pr}"), true);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(forms: &[Form], w: &str) -> bool {
        let w = fold(w);
        forms.iter().any(|f| f.text == w)
    }

    #[test]
    fn verb_classes_conjugate() {
        let p = perfect("استقبل", true);
        for w in [
            "استقبل",
            "استقبلت",
            "استقبلوا",
            "استقبلا",
            "استقبله",
            "استقبلوهم",
        ] {
            assert!(has(&p, w), "{w}");
        }
        let p = perfect("التقى", true);
        for w in ["التقى", "التقت", "التقوا", "التقيا", "التقينا", "التقاه"]
        {
            assert!(has(&p, w), "{w}");
        }
        let p = perfect("دعا", true);
        for w in ["دعا", "دعت", "دعوا", "دعونا", "دعاه"] {
            assert!(has(&p, w), "{w}");
        }
        let p = perfect("زار", true);
        for w in ["زار", "زارت", "زاروا", "زرنا"] {
            assert!(has(&p, w), "{w}");
        }
        assert!(has(&perfect("شن", true), "شننا") && has(&perfect("شن", true), "شنت"));
        assert!(has(&perfect("هنأ", true), "هنأت"));
        let i = imperfect("يلتقي", true);
        for w in ["يلتقي", "تلتقي", "يلتقون", "يلتقيان", "نلتقي", "يلتقوا"]
        {
            assert!(has(&i, w), "{w}");
        }
        assert!(!has(&i, "يلتقيون"));
        let i = imperfect("يدعو", true);
        for w in ["يدعو", "تدعو", "يدعون", "يدعوان", "أدعو", "يدعوه"] {
            assert!(has(&i, w), "{w}");
        }
        let i = imperfect("يستقبل", true);
        for w in [
            "يستقبل",
            "تستقبل",
            "يستقبلون",
            "يستقبلان",
            "يستقبلن",
            "يستقبلونه",
        ] {
            assert!(has(&i, w), "{w}");
        }
        assert!(has(&imperfect("يؤيد", true), "يؤيدون") && has(&imperfect("يهنئ", true), "يهنئون"));
    }

    #[test]
    fn nouns_inflect() {
        let n = noun("زيارة");
        for w in [
            "زيارة",
            "زيارته",
            "زيارتها",
            "زيارتين",
            "زيارات",
            "زياراتهم",
        ] {
            assert!(has(&n, w), "{w}");
        }
        assert!(n.iter().any(|f| f.text == fold("زيارته") && f.suffixed));
        let n = noun("لقاء");
        for w in ["لقاء", "لقاءه", "لقاؤه", "لقائه", "لقاءين"] {
            assert!(has(&n, w), "{w}");
        }
        let n = noun("هجوم");
        assert!(has(&n, "هجوما") && has(&n, "هجومهم"));
        assert!(!has(&noun("اجتماع"), "اجتماعي"), "no nisba from a pronoun");
        assert!(!has(&noun("محادثات"), "محادثاتا"));
    }
}
