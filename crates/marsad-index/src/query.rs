//! marsad's query language.
//!
//! | syntax | meaning |
//! |---|---|
//! | `حفتر روسيا` | both words (AND is the default), in title or body |
//! | `"الجيش الليبي"` | the phrase |
//! | `حفتر OR السراج` | either (`|` works too); `AND` may be written and changes nothing |
//! | `-طرابلس`, `-"حكومة الوفاق"` | exclude |
//! | `outlet:"إرم نيوز"`, `author:…`, `tag:…`, `genre:news` | exact filters on metadata |
//! | `title:word`, `title:"a phrase"` | in the title only |
//!
//! Words go through exactly the analysis the index used ([`marsad_arabic::analyzer`]), so a
//! diacritized word, any alef variant or a word with clitics finds the same articles.
//! A word that analyzes to nothing (a stopword) is dropped from the query.

use crate::error::{Error, Result};
use crate::retrieval::{PROXIMITY_BOOST, PROXIMITY_SLOP};
use crate::schema::Fields;
use marsad_arabic::analyzer::Analyzer;
use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

/// How much a title match weighs against a body match.
pub const TITLE_BOOST: f32 = 2.0;

/// Metadata fields that take exact filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterField {
    /// `outlet:`
    Outlet,
    /// `author:`
    Author,
    /// `tag:`
    Tag,
    /// `genre:` (`news` or `opinion`)
    Genre,
}

/// One clause of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// A word, searched in title and body (or title only).
    Word { text: String, title_only: bool },
    /// A phrase, searched in title and body (or title only).
    Phrase { text: String, title_only: bool },
    /// An exact metadata filter.
    Filter { field: FilterField, value: String },
}

/// A parsed query: every group must match (a group matches when any of its clauses does),
/// and no excluded clause may match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    /// Conjunction of disjunctions.
    pub groups: Vec<Vec<Clause>>,
    /// Clauses that must not match.
    pub excluded: Vec<Clause>,
}

impl ParsedQuery {
    /// True when there is nothing to match (an empty query matches every article).
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// Parses `input`. A quote left open runs to the end of the input (pasted headlines often
/// carry a stray “); the only error is a filter without a value.
pub fn parse(input: &str) -> Result<ParsedQuery> {
    let mut parsed = ParsedQuery::default();
    let mut join_next = false;
    let mut chars = input.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        // Read one raw item: up to whitespace, with quoted parts kept whole.
        let mut end = i;
        let mut in_quote = false;
        while let Some(&(j, d)) = chars.peek() {
            if d.is_whitespace() && !in_quote {
                break;
            }
            if is_quote(d) {
                in_quote = !in_quote;
            }
            end = j + d.len_utf8();
            chars.next();
        }
        let raw = &input[i..end];
        match raw {
            "OR" | "|" => {
                join_next = !parsed.groups.is_empty();
                continue;
            }
            "AND" | "&&" => continue,
            _ => {}
        }
        let (negated, body) = match raw.strip_prefix('-') {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, raw),
        };
        let Some(clause) = clause(body)? else {
            continue;
        };
        if negated {
            parsed.excluded.push(clause);
        } else if join_next {
            if let Some(last) = parsed.groups.last_mut() {
                last.push(clause);
            }
        } else {
            parsed.groups.push(vec![clause]);
        }
        join_next = false;
    }
    Ok(parsed)
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»')
}

fn unquote(s: &str) -> (&str, bool) {
    let t = s.trim_matches(is_quote);
    (t, t.len() != s.len())
}

fn clause(item: &str) -> Result<Option<Clause>> {
    if let Some((name, value)) = item.split_once(':') {
        let field = match name {
            "outlet" => Some(FilterField::Outlet),
            "author" => Some(FilterField::Author),
            "tag" => Some(FilterField::Tag),
            "genre" => Some(FilterField::Genre),
            _ => None,
        };
        if let Some(field) = field {
            let (value, _) = unquote(value);
            if value.trim().is_empty() {
                return Err(Error::Query(format!(
                    "{name}: needs a value, as in {name}:\"…\""
                )));
            }
            return Ok(Some(Clause::Filter {
                field,
                value: value.trim().to_string(),
            }));
        }
        if name == "title" {
            let (value, quoted) = unquote(value);
            return Ok(text_clause(value, quoted, true));
        }
    }
    let (text, quoted) = unquote(item);
    Ok(text_clause(text, quoted, false))
}

fn text_clause(text: &str, quoted: bool, title_only: bool) -> Option<Clause> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let text = text.to_string();
    Some(if quoted {
        Clause::Phrase { text, title_only }
    } else {
        Clause::Word { text, title_only }
    })
}

/// Builds tantivy queries from parsed clauses with one analyzer.
#[derive(Debug)]
pub(crate) struct QueryBuilder<'a> {
    pub fields: &'a Fields,
    pub analyzer: &'a Analyzer,
}

impl QueryBuilder<'_> {
    /// The tantivy query for `parsed`. A query with no positive clause matches every
    /// article (minus exclusions); one whose words are all stopwords matches none.
    pub fn build(&self, parsed: &ParsedQuery) -> Box<dyn Query> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for group in &parsed.groups {
            let alternatives: Vec<Box<dyn Query>> =
                group.iter().filter_map(|c| self.clause(c)).collect();
            match alternatives.len() {
                0 => {}
                1 => clauses.extend(alternatives.into_iter().map(|q| (Occur::Must, q))),
                _ => clauses.push((
                    Occur::Must,
                    Box::new(BooleanQuery::new(
                        alternatives
                            .into_iter()
                            .map(|q| (Occur::Should, q))
                            .collect(),
                    )),
                )),
            }
        }
        // Ranking: neighbouring words that also stand together in the text score higher
        // (the proximity shape measured by `marsad eval search`).
        let words: Vec<Option<String>> = parsed
            .groups
            .iter()
            .map(|g| match g.as_slice() {
                [
                    Clause::Word {
                        text,
                        title_only: false,
                    },
                ] => Some(text.clone()),
                _ => None,
            })
            .collect();
        for pair in words.windows(2) {
            let (Some(a), Some(b)) = (&pair[0], &pair[1]) else {
                continue;
            };
            let (Some(a), Some(b)) = (self.analyze(a).pop(), self.analyze(b).into_iter().next())
            else {
                continue;
            };
            let mut phrase = PhraseQuery::new(vec![
                Term::from_field_text(self.fields.body, &a.1),
                Term::from_field_text(self.fields.body, &b.1),
            ]);
            phrase.set_slop(PROXIMITY_SLOP);
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(phrase), PROXIMITY_BOOST)),
            ));
        }
        if clauses.is_empty() {
            if !parsed.groups.is_empty() {
                return Box::new(EmptyQuery);
            }
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        for c in &parsed.excluded {
            if let Some(q) = self.clause(c) {
                clauses.push((Occur::MustNot, q));
            }
        }
        Box::new(BooleanQuery::new(clauses))
    }

    fn clause(&self, clause: &Clause) -> Option<Box<dyn Query>> {
        match clause {
            Clause::Filter { field, value } => {
                let f = match field {
                    FilterField::Outlet => self.fields.outlet,
                    FilterField::Author => self.fields.author,
                    FilterField::Tag => self.fields.tag,
                    FilterField::Genre => self.fields.genre,
                };
                Some(Box::new(TermQuery::new(
                    Term::from_field_text(f, value),
                    IndexRecordOption::Basic,
                )))
            }
            Clause::Word { text, title_only } | Clause::Phrase { text, title_only } => {
                let terms = self.analyze(text);
                if terms.is_empty() {
                    return None;
                }
                let phrase = matches!(clause, Clause::Phrase { .. }) || terms.len() > 1;
                let in_field = |field: Field| -> Box<dyn Query> {
                    if phrase && terms.len() > 1 {
                        Box::new(PhraseQuery::new_with_offset(
                            terms
                                .iter()
                                .map(|(pos, t)| (*pos, Term::from_field_text(field, t)))
                                .collect(),
                        ))
                    } else {
                        Box::new(TermQuery::new(
                            Term::from_field_text(field, &terms[0].1),
                            IndexRecordOption::WithFreqs,
                        ))
                    }
                };
                let title: Box<dyn Query> =
                    Box::new(BoostQuery::new(in_field(self.fields.title), TITLE_BOOST));
                if *title_only {
                    return Some(title);
                }
                Some(Box::new(BooleanQuery::new(vec![
                    (Occur::Should, title),
                    (Occur::Should, in_field(self.fields.body)),
                ])))
            }
        }
    }

    /// Terms with their positions relative to the first (stopword gaps kept).
    fn analyze(&self, text: &str) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut first = None;
        self.analyzer.analyze(text, |t| {
            let base = *first.get_or_insert(t.position);
            out.push(((t.position - base) as usize, t.text.to_string()));
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(t: &str) -> Clause {
        Clause::Word {
            text: t.into(),
            title_only: false,
        }
    }

    #[test]
    fn default_is_and() {
        let q = parse("حفتر روسيا").unwrap();
        assert_eq!(q.groups, vec![vec![word("حفتر")], vec![word("روسيا")]]);
    }

    #[test]
    fn or_joins_neighbours() {
        let q = parse("حفتر OR السراج ليبيا").unwrap();
        assert_eq!(
            q.groups,
            vec![vec![word("حفتر"), word("السراج")], vec![word("ليبيا")]]
        );
        assert_eq!(parse("a | b").unwrap().groups.len(), 1);
        // A leading OR has nothing to join.
        assert_eq!(parse("OR a").unwrap().groups, vec![vec![word("a")]]);
    }

    #[test]
    fn phrases_filters_and_exclusions() {
        let q = parse(
            "\"الجيش الليبي\" -طرابلس outlet:\"إرم نيوز\" tag:حفتر -\"حكومة الوفاق\" title:موسكو",
        )
        .unwrap();
        assert_eq!(
            q.groups,
            vec![
                vec![Clause::Phrase {
                    text: "الجيش الليبي".into(),
                    title_only: false
                }],
                vec![Clause::Filter {
                    field: FilterField::Outlet,
                    value: "إرم نيوز".into()
                }],
                vec![Clause::Filter {
                    field: FilterField::Tag,
                    value: "حفتر".into()
                }],
                vec![Clause::Word {
                    text: "موسكو".into(),
                    title_only: true
                }],
            ]
        );
        assert_eq!(
            q.excluded,
            vec![
                word("طرابلس"),
                Clause::Phrase {
                    text: "حكومة الوفاق".into(),
                    title_only: false
                }
            ]
        );
    }

    #[test]
    fn guillemets_quote_too() {
        let q = parse("«الجيش الليبي»").unwrap();
        assert_eq!(
            q.groups,
            vec![vec![Clause::Phrase {
                text: "الجيش الليبي".into(),
                title_only: false
            }]]
        );
    }

    #[test]
    fn times_and_unknown_prefixes_are_text() {
        assert_eq!(parse("12:30").unwrap().groups, vec![vec![word("12:30")]]);
        assert_eq!(
            parse("foo:bar").unwrap().groups,
            vec![vec![word("foo:bar")]]
        );
    }

    #[test]
    fn errors_say_what_is_wrong() {
        // A quote left open runs to the end: a pasted headline with a stray quote still works.
        assert_eq!(
            parse("قال «غير مغلق").unwrap().groups,
            vec![
                vec![word("قال")],
                vec![Clause::Phrase {
                    text: "غير مغلق".into(),
                    title_only: false
                }]
            ]
        );
        assert!(matches!(parse("outlet:"), Err(Error::Query(m)) if m.contains("needs a value")));
        assert!(parse("").unwrap().is_empty());
        assert!(parse("-وحده").unwrap().is_empty());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_input_parses_or_errors_cleanly(s in any::<String>()) {
                let _ = parse(&s);
            }
        }
    }
}
