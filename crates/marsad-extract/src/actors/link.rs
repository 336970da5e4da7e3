//! Within-article coreference: the mentions of one person, and organizations by name.
//!
//! * A full name (two words or more) opens a person; another full name with the same first
//!   and last word is the same person (`خليفة حفتر`, `خليفة بلقاسم حفتر`), and the longest
//!   is the canonical name.
//! * A bare surname (`حفتر`) links to the most recent earlier person with that last word;
//!   when none comes earlier, to the only later one. A bare given name links only when one
//!   person of the article has it. Anything else is a person of its own.
//! * Titles: the title before a name (`العقيد`, `الفريق أول`), a role phrase before it
//!   (`المتحدث باسم القوات الليبية العقيد أحمد المسماري`) and an apposition after it
//!   (`ماتيو توالدو، خبير الشؤون الدولية في …`) become roles. A title standing alone
//!   (`الجنرال`, `الناطق باسم الجيش الليبي`) is a nominal mention of the most recent person
//!   introduced with a title of the same class (`الناطق` and `المتحدث` are one class, and
//!   so are `الجنرال`, `المشير` and `الفريق`).
//! * Organizations link by the gazetteer's canonical name (`حكومة الوفاق الوطني` →
//!   `حكومة الوفاق`), else by their search form.

use super::attributes::{country_in, listed_org, listed_person_country, org_type};
use super::{ActorDraft, ActorKey, ArticleActors, Ctx, Mention, metonymy, normalize_name};
use crate::entity::EntityKind;
use crate::gazetteer::EntryKind;
use marsad_core::ActorType;

/// Longest complement a title takes (`باسم القوات المسلحة الليبية`), in tokens.
const MAX_COMPLEMENT: usize = 4;
/// Longest apposition after a name, in tokens.
const MAX_APPOSITION: usize = 8;
/// How far before a rank a role phrase may start, in tokens.
const MAX_ROLE_LOOKBACK: usize = 6;

/// Whether a title of `class` takes a complement when it stands alone (`القائد الأعلى
/// للقوات المسلحة`); ranks and heads of state do not (`الجنرال القاعة` is not a title).
fn takes_complement(class: &str) -> bool {
    !matches!(
        class,
        "general"
            | "president"
            | "king"
            | "prince"
            | "العقيد"
            | "العميد"
            | "اللواء"
            | "المقدم"
            | "الرائد"
            | "النقيب"
            | "الادميرال"
    )
}

/// The class a title belongs to, and whether it may stand alone for a person introduced
/// earlier. `title` is in search form.
pub fn title_class(title: &str) -> (String, bool) {
    let mut words = title.split(' ');
    let first = words.next().unwrap_or("");
    let rest: Vec<&str> = words.collect();
    let class = |c: &str| (c.to_string(), true);
    match first {
        "الجنرال" | "المشير" | "الفريق" => class("general"),
        "المتحدث" | "المتحدثه" | "الناطق" | "الناطقه" => {
            class("spokesperson")
        }
        "الرئيس" | "الرئيسه" if rest.first().is_none_or(|w| *w != "التنفيذي") => {
            class("president")
        }
        "الملك" | "العاهل" => class("king"),
        "الامير" => class("prince"),
        "الوزير" | "الوزيره" => class("minister"),
        "المبعوث" | "مبعوث" => class("envoy"),
        "السفير" | "السفيره" => class("ambassador"),
        "القائد" | "قائد" => class("commander"),
        "الامين" if rest.first() == Some(&"العام") => class("secretary-general"),
        "العقيد" | "العميد" | "اللواء" | "المقدم" | "الرائد" | "النقيب" | "الادميرال" => {
            class(first)
        }
        "وزير" | "وزيره" | "رئيس" | "رئيسه" if !rest.is_empty() => class(title),
        _ => (title.to_string(), false),
    }
}

/// One named mention of a person.
struct PersonUse {
    entity: usize,
    pos: usize,
    name: String,
    first: String,
    last: String,
    words: usize,
    /// `(title class, role text)` from the titles around this mention.
    titles: Vec<(String, String)>,
    /// The mention's new end (char) when a title inside the entity cut it.
    cut: Option<usize>,
}

/// One person of the article.
struct Cluster {
    name: String,
    first: String,
    last: String,
    words: usize,
    /// Token positions of full-name mentions.
    full_at: Vec<usize>,
    /// `(position, class, role text)` of every title it was introduced with.
    titles: Vec<(usize, String, String)>,
    aliases: Vec<String>,
    roles: Vec<String>,
    entities: Vec<usize>,
}

impl Cluster {
    fn new(u: &PersonUse) -> Cluster {
        Cluster {
            name: u.name.clone(),
            first: u.first.clone(),
            last: u.last.clone(),
            words: u.words,
            full_at: Vec::new(),
            titles: Vec::new(),
            aliases: Vec::new(),
            roles: Vec::new(),
            entities: Vec::new(),
        }
    }

    fn add(&mut self, u: &PersonUse) {
        super::push_unique(&mut self.aliases, &u.name);
        for (class, role) in &u.titles {
            self.titles.push((u.pos, class.clone(), role.clone()));
            super::push_unique(&mut self.roles, role);
        }
        self.entities.push(u.entity);
    }
}

/// Links the named entities of the article (see the module docs).
pub(crate) fn link(ctx: &Ctx<'_>, out: &mut ArticleActors) {
    let norm = ctx.norm_refs();
    let mut covered = vec![false; ctx.tokens.len()];
    for (i, e) in ctx.entities.iter().enumerate() {
        out.mentions.push(Mention {
            start: e.start,
            end: e.end,
            text: e.text.clone(),
            kind: e.kind,
            entity: Some(i),
            actor: None,
            nominal: false,
        });
        if let Some((s, t)) = ctx.entity_tokens[i] {
            covered[s..t].iter_mut().for_each(|c| *c = true);
        }
    }
    let mut uses = Vec::new();
    for (i, e) in ctx.entities.iter().enumerate() {
        let Some((s, t)) = ctx.entity_tokens[i] else {
            continue;
        };
        match e.kind {
            EntityKind::Per => {
                if let Some(u) = person_use(ctx, &norm, i, s, t, &mut covered) {
                    if let Some(end) = u.cut {
                        let m = &mut out.mentions[i];
                        m.end = end;
                        m.text = u.name.clone();
                    }
                    uses.push(u);
                }
            }
            EntityKind::Org => link_org(ctx, &norm, i, s, t, out),
            EntityKind::Loc | EntityKind::Misc => {}
        }
    }
    let mut clusters = cluster_people(&uses);
    expand_given_names(ctx, &norm, &uses, &mut clusters, &mut covered, out);
    let mut actor_of_cluster = Vec::with_capacity(clusters.len());
    for c in &clusters {
        let country = listed_person_country(&c.name);
        let key = ActorKey {
            name: normalize_name(&c.name),
            kind: ActorType::Person,
            country,
        };
        let mut draft = ActorDraft::new(key, &c.name);
        if draft.country.is_none() {
            draft.country = c.roles.iter().find_map(|r| country_in(r));
        }
        for a in &c.aliases {
            draft.add_alias(a);
        }
        for r in &c.roles {
            draft.add_role(r);
        }
        let a = out.actors.len();
        out.actors.push(draft);
        for &e in &c.entities {
            out.mentions[e].actor = Some(a);
        }
        actor_of_cluster.push(a);
    }
    titles_alone(ctx, &norm, &covered, &clusters, &actor_of_cluster, out);
}

/// Reads a PER entity: the name without any title inside it, the titles before it and an
/// apposition after it. Marks the role tokens as covered.
fn person_use(
    ctx: &Ctx<'_>,
    norm: &[&str],
    entity: usize,
    s: usize,
    t: usize,
    covered: &mut [bool],
) -> Option<PersonUse> {
    let entity_end = t;
    let mut titles = Vec::new();
    let mut name_start = s;
    // A title the tagger put inside the entity.
    if let Some(m) = ctx.match_kind(norm, s, EntryKind::Title)
        && m.end < t
    {
        let (_, _, text) = ctx.span(s, m.end, m.proclitic);
        titles.push((
            title_class(&norm_title(norm, s, m.end, m.proclitic)).0,
            text,
        ));
        name_start = m.end;
    }
    // A title inside the name ends it (`منصور بن راشد الوزير الزيدي`: two people run
    // together; `محمد الهاشمي السفير`: the title of the next words), when at least two
    // name words stay; the mention keeps them.
    let mut t = t;
    if let Some(k) = (name_start + 2..t).find(|&k| {
        ctx.match_kind(norm, k, EntryKind::Title)
            .is_some_and(|m| m.end <= t && m.proclitic <= 1)
    }) {
        t = k;
    }
    let words: Vec<usize> = (name_start..t).filter(|&k| ctx.is_word(k)).collect();
    if words.is_empty() {
        return None;
    }
    // The title right before the name, and a role phrase before that title.
    if name_start == s
        && let Some((ts, te, clitic)) = title_ending_at(ctx, norm, s)
    {
        let (_, _, text) = ctx.span(ts, te, clitic);
        titles.push((title_class(&norm_title(norm, ts, te, clitic)).0, text));
        covered[ts..te].iter_mut().for_each(|c| *c = true);
        if let Some((rs, clitic)) = role_before(ctx, norm, ts) {
            let (_, _, text) = ctx.span(rs, ts, clitic);
            let class = title_class(&norm_title(norm, rs, ts, clitic)).0;
            titles.push((class, text));
            covered[rs..ts].iter_mut().for_each(|c| *c = true);
        }
    }
    // An apposition: `الاسم، خبير الشؤون الدولية في …`.
    if t + 1 < ctx.tokens.len()
        && matches!(ctx.tokens[t].text(ctx.body), "،" | ",")
        && let Some(m) = ctx.match_kind(norm, t + 1, EntryKind::Title)
        && m.proclitic == 0
    {
        let mut end = m.end;
        while end < ctx.tokens.len()
            && end - (t + 1) < MAX_APPOSITION
            && ctx.is_word(end)
            && !starts_clause(norm[end])
        {
            end += 1;
        }
        let (_, _, text) = ctx.span(t + 1, end, 0);
        titles.push((title_class(&norm_title(norm, t + 1, m.end, 0)).0, text));
        covered[t + 1..end].iter_mut().for_each(|c| *c = true);
    }
    let (_, _, name) = ctx.span(words[0], t, 0);
    // A proclitic on the first name word belongs to the entity's own span handling.
    let name = if name_start == s && t == entity_end {
        ctx.entities[entity].text.clone()
    } else if name_start == s {
        let e = &ctx.entities[entity];
        let end = ctx.tokens[t - 1].end;
        e.text.chars().take(end.saturating_sub(e.start)).collect()
    } else {
        name
    };
    let name_norm = normalize_name(&name);
    let parts: Vec<&str> = name_norm.split(' ').collect();
    Some(PersonUse {
        entity,
        pos: s,
        first: parts.first().copied().unwrap_or("").to_string(),
        last: parts.last().copied().unwrap_or("").to_string(),
        words: parts.len(),
        cut: (name_start == s && t != entity_end).then(|| ctx.tokens[t - 1].end),
        name,
        titles,
    })
}

/// Search form of a title over tokens `s..e` without the proclitic of its first token.
fn norm_title(norm: &[&str], s: usize, e: usize, clitic: usize) -> String {
    let mut out = String::new();
    for (k, w) in norm[s..e].iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        if k == 0 {
            out.extend(w.chars().skip(clitic));
        } else {
            out.push_str(w);
        }
    }
    out
}

/// A title match ending exactly at token `end`: `(start, end, proclitic)`, the longest.
fn title_ending_at(ctx: &Ctx<'_>, norm: &[&str], end: usize) -> Option<(usize, usize, usize)> {
    (end.saturating_sub(3)..end).find_map(|j| {
        ctx.match_kind(norm, j, EntryKind::Title)
            .filter(|m| m.end == end)
            .map(|m| (j, m.end, m.proclitic))
    })
}

/// A role phrase (a title and its complement) ending at token `end`: `(start, proclitic)`.
fn role_before(ctx: &Ctx<'_>, norm: &[&str], end: usize) -> Option<(usize, usize)> {
    for j in (end.saturating_sub(MAX_ROLE_LOOKBACK)..end).rev() {
        if !ctx.is_word(j) {
            return None;
        }
        if let Some(m) = ctx.match_kind(norm, j, EntryKind::Title)
            && m.end < end
            && m.end + MAX_COMPLEMENT >= end
            && (m.end..end).all(|k| complement_word(ctx, norm, k, k == m.end))
        {
            return Some((j, m.proclitic));
        }
    }
    None
}

/// Whether token `k` can continue a title's complement: a definite word, or (first) an
/// organization head, bare or with ل + ال (`حكومة`, `للقوات`, `للجيش`; not `للصحفيين`).
fn complement_word(ctx: &Ctx<'_>, norm: &[&str], k: usize, first: bool) -> bool {
    let w = norm[k];
    let heads = EntryKind::Body.bit() | EntryKind::OrgHead.bit();
    if w.starts_with("ال") {
        return !starts_clause(w) && !matches!(w, "الا" | "الان" | "الذين" | "اللذين");
    }
    // `للقوات`, or an indefinite head in construct (`باسم حكومة الوحدة`).
    first && ctx.is_word(k) && ctx.gazetteer.single_token_mask(w) & heads != 0
}

/// The content words of a role phrase after its title word, in search form without the
/// article and the feminine ending (`المتحدث باسم القوات الليبية` → `قوات`, `ليبي`).
fn role_words(role: &str) -> Vec<String> {
    normalize_name(role)
        .split(' ')
        .skip(1)
        .map(|w| {
            let w = w
                .strip_prefix("لل")
                .or_else(|| w.strip_prefix("ال"))
                .unwrap_or(w);
            // Gender agreement: الوطنية and الوطني are one word here.
            w.strip_suffix('ه').unwrap_or(w).to_string()
        })
        .filter(|w| {
            w.chars().count() >= 3 && !matches!(w.as_str(), "باسم" | "رسمي" | "عام" | "اعلي")
        })
        .collect()
}

/// Two role phrases of one class can name the same person: when either has no
/// complement, when they share a content word, or when both name the same country
/// (`المتحدث باسم القوات الليبية`, `الناطق باسم الجيش الليبي`).
fn roles_compatible(a: &str, b: &str) -> bool {
    let (wa, wb) = (role_words(a), role_words(b));
    if wa.is_empty() || wb.is_empty() || wa.iter().any(|w| wb.contains(w)) {
        return true;
    }
    matches!((country_in(a), country_in(b)), (Some(x), Some(y)) if x == y)
}

/// Words that start a clause and end a title's complement.
fn starts_clause(w: &str) -> bool {
    matches!(
        w,
        "ان" | "انه"
            | "انها"
            | "الي"
            | "على"
            | "علي"
            | "عن"
            | "من"
            | "قد"
            | "لا"
            | "لم"
            | "ما"
            | "الذي"
            | "التي"
    )
}

/// Groups the person mentions: full names first, then single words (see the module docs).
fn cluster_people(uses: &[PersonUse]) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = Vec::new();
    for u in uses.iter().filter(|u| u.words >= 2) {
        let found = clusters
            .iter()
            .position(|c| c.words >= 2 && c.first == u.first && c.last == u.last);
        let c = match found {
            Some(c) => c,
            None => {
                clusters.push(Cluster::new(u));
                clusters.len() - 1
            }
        };
        let c = &mut clusters[c];
        if u.words > c.words {
            c.name = u.name.clone();
            c.words = u.words;
        }
        c.full_at.push(u.pos);
        c.add(u);
    }
    for u in uses.iter().filter(|u| u.words == 1) {
        let by_surname: Vec<usize> = (0..clusters.len())
            .filter(|&c| clusters[c].words >= 2 && clusters[c].last == u.last)
            .collect();
        let earlier = by_surname
            .iter()
            .filter_map(|&c| {
                let before = clusters[c].full_at.iter().filter(|&&p| p < u.pos).max()?;
                Some((*before, c))
            })
            .max()
            .map(|(_, c)| c);
        let by_given: Vec<usize> = (0..clusters.len())
            .filter(|&c| clusters[c].words >= 2 && clusters[c].first == u.first)
            .collect();
        let target = earlier
            .or_else(|| (by_surname.len() == 1).then(|| by_surname[0]))
            .or_else(|| (by_surname.is_empty() && by_given.len() == 1).then(|| by_given[0]))
            .or_else(|| {
                clusters
                    .iter()
                    .position(|c| c.words == 1 && c.last == u.last)
            });
        match target {
            Some(c) => clusters[c].add(u),
            None => {
                let mut c = Cluster::new(u);
                c.add(u);
                clusters.push(c);
            }
        }
    }
    clusters
}

/// A surname mention right after the given name of its person (`الفريق أول خليفة حفتر`
/// where the tagger found only `حفتر`) is widened to the full name, and the title before
/// the given name becomes a role.
fn expand_given_names(
    ctx: &Ctx<'_>,
    norm: &[&str],
    uses: &[PersonUse],
    clusters: &mut [Cluster],
    covered: &mut [bool],
    out: &mut ArticleActors,
) {
    for u in uses.iter().filter(|u| u.words == 1) {
        let Some(c) = clusters.iter().position(|c| c.entities.contains(&u.entity)) else {
            continue;
        };
        let cl = &clusters[c];
        let Some(prev) = u.pos.checked_sub(1) else {
            continue;
        };
        let e = &ctx.entities[u.entity];
        if cl.words < 2
            || covered[prev]
            || !ctx.is_word(prev)
            || norm[prev] != cl.first
            || e.start != ctx.tokens[u.pos].start
        {
            continue;
        }
        let (start, end, text) = ctx.span(prev, u.pos + 1, 0);
        let m = &mut out.mentions[u.entity];
        (m.start, m.end, m.text) = (start, end, text.clone());
        covered[prev] = true;
        let cl = &mut clusters[c];
        super::push_unique(&mut cl.aliases, &text);
        if let Some((ts, te, clitic)) = title_ending_at(ctx, norm, prev) {
            let (_, _, title) = ctx.span(ts, te, clitic);
            cl.titles.push((
                u.pos,
                title_class(&norm_title(norm, ts, te, clitic)).0,
                title.clone(),
            ));
            super::push_unique(&mut cl.roles, &title);
            covered[ts..te].iter_mut().for_each(|c| *c = true);
        }
    }
}

/// Titles standing alone: nominal mentions of the most recent person with a title of the
/// same class.
fn titles_alone(
    ctx: &Ctx<'_>,
    norm: &[&str],
    covered: &[bool],
    clusters: &[Cluster],
    actor_of_cluster: &[usize],
    out: &mut ArticleActors,
) {
    let mut person_starts = vec![false; ctx.tokens.len() + 1];
    for (i, e) in ctx.entities.iter().enumerate() {
        if e.kind == EntityKind::Per
            && let Some((s, _)) = ctx.entity_tokens[i]
        {
            person_starts[s] = true;
        }
    }
    let mut i = 0;
    while i < ctx.tokens.len() {
        if covered[i] {
            i += 1;
            continue;
        }
        let Some(m) = ctx.match_kind(norm, i, EntryKind::Title) else {
            i += 1;
            continue;
        };
        let title = norm_title(norm, i, m.end, m.proclitic);
        let (class, anaphoric) = title_class(&title);
        if !anaphoric || (i..m.end).any(|k| covered[k]) {
            i = m.end;
            continue;
        }
        // The complement: definite words (`باسم الجيش الليبي`, `الأعلى للقوات المسلحة`).
        let mut end = m.end;
        while takes_complement(&class)
            && end < ctx.tokens.len()
            && end - m.end < MAX_COMPLEMENT
            && !covered[end]
            && !person_starts[end]
            && complement_word(ctx, norm, end, end == m.end)
            && ctx.gazetteer.single_token_mask(norm[end]) & EntryKind::Title.bit() == 0
        {
            end += 1;
        }
        // The role may run on over an organization the tagger found (`باسم الجيش الليبي`),
        // which keeps its own mention.
        let mut role_end = end;
        if let Some(i) = ctx.entity_tokens.iter().enumerate().find_map(|(k, r)| {
            (ctx.entities[k].kind == EntityKind::Org && r.is_some_and(|(s, _)| s == end))
                .then_some(k)
        }) && let Some((_, t)) = ctx.entity_tokens[i]
            && t - m.end <= MAX_COMPLEMENT
        {
            role_end = t;
        }
        let by_name = title.ends_with("باسم");
        let next_is_nisba = m.end < ctx.tokens.len()
            && ctx.gazetteer.single_token_mask(norm[m.end]) & EntryKind::Nisba.bit() != 0;
        // A title before a name belongs to that name; a rank with a nisba (الجنرال الروسي)
        // describes someone else.
        if person_starts[end] || (next_is_nisba && !by_name) {
            i = end.max(i + 1);
            continue;
        }
        let role = ctx.span(i, role_end, m.proclitic).2;
        let target = clusters
            .iter()
            .enumerate()
            .filter_map(|(c, cl)| {
                let last = cl
                    .titles
                    .iter()
                    .filter(|(p, k, r)| *p < i && *k == class && roles_compatible(r, &role))
                    .map(|(p, _, _)| *p)
                    .max()?;
                Some((last, c))
            })
            .max()
            .map(|(_, c)| c);
        if let Some(c) = target {
            let (start, stop, text) = ctx.span(i, end, m.proclitic);
            let a = actor_of_cluster[c];
            if role_end > m.end {
                out.actors[a].add_role(&role);
            }
            out.mentions.push(Mention {
                start,
                end: stop,
                text,
                kind: EntityKind::Per,
                entity: None,
                actor: Some(a),
                nominal: true,
            });
        }
        i = end.max(i + 1);
    }
}

/// Links an ORG entity to an actor: the state it stands for (metonymy), else the
/// organization under its canonical name.
fn link_org(
    ctx: &Ctx<'_>,
    norm: &[&str],
    entity: usize,
    s: usize,
    t: usize,
    out: &mut ArticleActors,
) {
    let text = &ctx.entities[entity].text;
    if let Some(code) = metonymy::org_state(ctx, norm, s, t, text) {
        let a = metonymy::state_actor(out, &code);
        out.actors[a].add_alias(&metonymy::clean_alias(ctx, text));
        out.mentions[entity].actor = Some(a);
        return;
    }
    let text = &metonymy::clean_alias(ctx, text);
    let (name, country) = match listed_org(text) {
        Some((canonical, country)) => (canonical, country),
        None => (text.clone(), country_in(text)),
    };
    let key = ActorKey {
        name: normalize_name(&name),
        kind: org_type(&name),
        country,
    };
    let a = find_or_add(out, key, &name);
    out.actors[a].add_alias(text);
    out.mentions[entity].actor = Some(a);
}

/// A name as it stands alone: `للجيش الليبي` (ل + ال written لل) → `الجيش الليبي`.
pub fn definite(name: &str) -> String {
    match name.strip_prefix("لل") {
        Some(rest) if rest.chars().count() >= 2 && !rest.starts_with('ل') => format!("ال{rest}"),
        _ => name.to_string(),
    }
}

/// The index of the draft with `key`, added when missing.
pub(crate) fn find_or_add(out: &mut ArticleActors, key: ActorKey, name: &str) -> usize {
    if let Some(a) = out.actors.iter().position(|d| d.key == key) {
        return a;
    }
    out.actors.push(ActorDraft::new(key, name));
    out.actors.len() - 1
}
