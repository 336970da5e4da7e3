//! Metonymy and collectives: places and phrases that stand for a state.
//!
//! * A country name is the state (`روسيا`, `أمريكا` → the United States).
//! * A capital is the state when it acts (`تستقبل موسكو مبعوثين`, `اتصال مع موسكو`), and
//!   only a place after a locative word or proclitic (`في موسكو`, `بموسكو`, `ومقره لندن`).
//! * A collective head with a nisba is the state: `القيادة الروسية`, `الجانب الروسي`,
//!   `الحكومة الليبية`, `السلطات المصرية`, `الإدارة الأمريكية`, `الدب الروسي`.
//! * Seats of power listed in the gazetteer with a country (`الكرملين`, `البيت الأبيض`,
//!   `الإليزيه`, `داونينغ ستريت`) are their state's government.
//!
//! States are actors of type government named by the gazetteer's canonical country name.

use super::attributes::country_name;
use super::link::find_or_add;
use super::{ActorKey, ArticleActors, Ctx, Mention, normalize_name};
use crate::entity::EntityKind;
use crate::gazetteer::EntryKind;
use marsad_core::ActorType;
use std::sync::LazyLock;

/// Heads that, followed by a nisba, name the state.
const COLLECTIVE_HEADS: [&str; 8] = [
    "القيادة",
    "الجانب",
    "الحكومة",
    "السلطات",
    "الدب",
    "الإدارة",
    "النظام",
    "الدولة",
];

/// Seats of power that stand for their state's government (gazetteer canonical names).
const SEATS: [&str; 4] = ["الكرملين", "البيت الأبيض", "الإليزيه", "داونينغ ستريت"];

/// Words after which a capital is a place, not an actor (without و/ف).
const LOCATIVE: [&str; 13] = [
    "في",
    "إلى",
    "من",
    "داخل",
    "قرب",
    "عبر",
    "حتى",
    "مقره",
    "مقرها",
    "العاصمة",
    "عاصمة",
    "مدينة",
    "بين",
];

/// A word list in search form.
fn search_forms(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| normalize_name(s)).collect()
}

static COLLECTIVE: LazyLock<Vec<String>> = LazyLock::new(|| search_forms(&COLLECTIVE_HEADS));
/// The heads that take a feminine singular nisba (plurals of things do too: السلطات).
static FEMININE: LazyLock<Vec<String>> =
    LazyLock::new(|| search_forms(&["القيادة", "الحكومة", "السلطات", "الإدارة", "الدولة"]));
static SEAT_NAMES: LazyLock<Vec<String>> = LazyLock::new(|| search_forms(&SEATS));
static LOCATIVE_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| search_forms(&LOCATIVE));

fn listed(list: &[String], w: &str) -> bool {
    list.iter().any(|x| x == w)
}

/// The actor of the state with ISO-3 `code`, added to `out` when missing.
pub(crate) fn state_actor(out: &mut ArticleActors, code: &str) -> usize {
    let name = country_name(code).unwrap_or(code);
    let key = ActorKey {
        name: normalize_name(name),
        kind: ActorType::Government,
        country: Some(code.to_string()),
    };
    find_or_add(out, key, name)
}

/// The state an ORG entity over tokens `s..t` stands for: a seat of power or a collective.
pub(crate) fn org_state(
    ctx: &Ctx<'_>,
    norm: &[&str],
    s: usize,
    t: usize,
    text: &str,
) -> Option<String> {
    let entries = ctx.gazetteer.lookup(text);
    if let Some(e) = entries
        .iter()
        .find(|e| e.kind == EntryKind::Org && listed(&SEAT_NAMES, &normalize_name(&e.canonical)))
    {
        return e.country_code().map(str::to_string);
    }
    if t == s + 2 {
        return collective_at(ctx, norm, s);
    }
    None
}

/// The country of a collective (head + nisba) starting at token `i`.
fn collective_at(ctx: &Ctx<'_>, norm: &[&str], i: usize) -> Option<String> {
    let head = strip_conjunction(norm[i]);
    if !listed(&COLLECTIVE, head) || i + 1 >= norm.len() {
        return None;
    }
    // The nisba must agree with the head, or it qualifies something else
    // (`رئيس الحكومة اليمني`: the prime minister is Yemeni, not the government).
    let nisba = norm[i + 1];
    let agrees = if listed(&FEMININE, head) {
        nisba.ends_with("يه")
    } else {
        nisba.ends_with('ي')
    };
    if !agrees {
        return None;
    }
    nisba_country(ctx, nisba)
}

fn nisba_country(ctx: &Ctx<'_>, word: &str) -> Option<String> {
    if ctx.gazetteer.single_token_mask(word) & EntryKind::Nisba.bit() == 0 {
        return None;
    }
    ctx.gazetteer
        .lookup(word)
        .into_iter()
        .find(|e| e.kind == EntryKind::Nisba)
        .and_then(|e| e.country_code().map(str::to_string))
}

fn strip_conjunction(w: &str) -> &str {
    match w.strip_prefix('و').or_else(|| w.strip_prefix('ف')) {
        Some(rest) if rest.starts_with("ال") => rest,
        _ => w,
    }
}

/// Links LOC entities (countries; capitals that act) and adds collective mentions.
pub(crate) fn apply(ctx: &Ctx<'_>, out: &mut ArticleActors) {
    let norm = ctx.norm_refs();
    let mut covered = vec![false; ctx.tokens.len()];
    for (i, e) in ctx.entities.iter().enumerate() {
        let Some((s, t)) = ctx.entity_tokens[i] else {
            continue;
        };
        covered[s..t].iter_mut().for_each(|c| *c = true);
        if e.kind != EntityKind::Loc {
            continue;
        }
        let entries = ctx.gazetteer.lookup(&e.text);
        let country = entries
            .iter()
            .find(|x| x.kind == EntryKind::Country)
            .and_then(|x| x.country_code());
        let capital = entries.iter().find_map(|x| x.capital_of());
        let code = match (country, capital) {
            (Some(c), _) => Some(c),
            (None, Some(c)) if !locative(ctx, &norm, s, e.start) => Some(c),
            _ => None,
        };
        if let Some(code) = code {
            let a = state_actor(out, code);
            out.actors[a].add_alias(&clean_alias(ctx, &e.text));
            if let Some(m) = out.mentions.iter_mut().find(|m| m.entity == Some(i)) {
                m.actor = Some(a);
            }
        }
    }
    for m in out.mentions.iter().filter(|m| m.nominal) {
        let first = ctx.tokens.partition_point(|t| t.end <= m.start);
        let last = ctx.tokens.partition_point(|t| t.start < m.end);
        covered[first..last.max(first)]
            .iter_mut()
            .for_each(|c| *c = true);
    }
    for i in 0..ctx.tokens.len().saturating_sub(1) {
        if covered[i] || covered[i + 1] {
            continue;
        }
        let Some(code) = collective_at(ctx, &norm, i) else {
            continue;
        };
        let clitic = norm[i].chars().count() - strip_conjunction(norm[i]).chars().count();
        let (start, end, text) = ctx.span(i, i + 2, clitic);
        let a = state_actor(out, &code);
        out.actors[a].add_alias(&text);
        out.mentions.push(Mention {
            start,
            end,
            text,
            kind: EntityKind::Org,
            entity: None,
            actor: Some(a),
            nominal: true,
        });
        covered[i] = true;
        covered[i + 1] = true;
    }
}

/// A name as it stands alone: ل + ال written لل is the article (`للسعودية` → `السعودية`),
/// and a conjunction the tagger left on a listed name is dropped (`وإيران` → `إيران`).
pub(crate) fn clean_alias(ctx: &Ctx<'_>, text: &str) -> String {
    let text = super::link::definite(text);
    let mut chars = text.chars();
    if let Some('و' | 'ف') = chars.next() {
        let rest = chars.as_str();
        let norm = normalize_name(rest);
        if ctx
            .gazetteer
            .lookup(rest)
            .iter()
            .any(|e| normalize_name(&e.form) == norm)
        {
            return rest.to_string();
        }
    }
    text
}

/// True when a place at token `s` (entity starting at char `start`) is used as a place: a
/// proclitic ب or ل on it, or a locative word before it.
fn locative(ctx: &Ctx<'_>, norm: &[&str], s: usize, start: usize) -> bool {
    let token = &ctx.tokens[s];
    if start > token.start {
        let clitics: String = token
            .text(ctx.body)
            .chars()
            .take(start - token.start)
            .collect();
        if clitics.contains('ب') || clitics.contains('ل') {
            return true;
        }
    }
    let Some(prev) = s.checked_sub(1) else {
        return false;
    };
    if !ctx.is_word(prev) {
        return false;
    }
    let w = norm[prev];
    let w = match w.strip_prefix('و').or_else(|| w.strip_prefix('ف')) {
        Some(rest) if listed(&LOCATIVE_WORDS, rest) => rest,
        _ => w,
    };
    if listed(&LOCATIVE_WORDS, w) {
        return true;
    }
    // `العاصمة الروسية موسكو`.
    prev > 0 && ctx.gazetteer.single_token_mask(w) & EntryKind::Nisba.bit() != 0 && {
        let pp = strip_conjunction(norm[prev - 1]);
        listed(&LOCATIVE_WORDS, pp)
    }
}
