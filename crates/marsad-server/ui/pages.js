// The pages: search, article, actors, actor, events. Each renders into `main` from the
// address and the API; nothing is invented when the API has nothing to say.

import { getJSON, apiUrl } from './api.js';
import { h, link, highlighted, emptyState, clear } from './dom.js';
import {
  t, fmt, monthLabel, dateLabel, entityLabel, certaintyLabel, actorTypeLabel, eventLabel,
  EVENT_TYPES, CERTAINTIES,
} from './i18n.js';
import { timelineChart } from './timeline.js';
import { networkChart } from './network.js';

const ENTITY_KINDS = ['PER', 'ORG', 'LOC', 'MISC'];

function badge(certainty) {
  return h('span', { class: `badge cert-${certainty}`, 'data-certainty': certainty }, certaintyLabel(certainty));
}

function section(title, ...children) {
  return h('section', { class: 'panel' }, h('h2', {}, title), ...children);
}

function meta(items) {
  return h('p', { class: 'meta' }, items.filter(Boolean).flatMap((x, i) => (i ? [h('span', { class: 'sep' }, ' · '), x] : [x])));
}

// A resolved actor links to its page; a party the actor layer did not resolve (unknown
// gunmen, protesters) is shown by its words.
function actorLink(a) {
  if (!a) return null;
  return a.id
    ? link(`/actor/${encodeURIComponent(a.id)}`, { class: 'actor' }, a.name)
    : h('span', { class: 'actor unresolved', title: t('unresolved_actor') }, a.name);
}

// ---------------------------------------------------------------- search

export async function searchPage(main, url, signal) {
  const p = Object.fromEntries(url.searchParams);
  const page = Math.max(1, parseInt(p.page ?? '1', 10) || 1);
  const go = (changes) => {
    const next = new URLSearchParams(url.searchParams);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === undefined || v === '') next.delete(k); else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    const qs = next.toString();
    window.marsadNavigate(qs ? `/?${qs}` : '/');
  };

  const q = h('input', { type: 'search', name: 'q', value: p.q ?? '', placeholder: t('search_placeholder'), 'aria-label': t('nav_search'), autocomplete: 'off' });
  const from = h('input', { type: 'date', name: 'from', value: p.from ?? '', 'aria-label': t('from') });
  const to = h('input', { type: 'date', name: 'to', value: p.to ?? '', 'aria-label': t('to') });
  const form = h('form', { class: 'searchbar', role: 'search', onsubmit: (e) => { e.preventDefault(); go({ q: q.value.trim(), from: from.value, to: to.value }); } },
    q,
    h('label', { class: 'date' }, t('from'), from),
    h('label', { class: 'date' }, t('to'), to),
    h('button', { type: 'submit' }, t('search_button')));

  const facets = h('aside', { class: 'facets', 'aria-label': 'facets' });
  const results = h('div', { class: 'results' });
  const summary = h('p', { class: 'summary' });
  clear(main).append(form, summary, h('div', { class: 'search-layout' }, facets, results));
  results.append(h('p', { class: 'loading' }, t('loading')));

  const [res, stats] = await Promise.all([
    getJSON('/api/search', { q: p.q, outlet: p.outlet, month: p.month, actor: p.actor, event_type: p.event_type, genre: p.genre, from: p.from, to: p.to, page, per_page: 20 }, signal),
    getJSON('/api/stats', {}, signal),
  ]);
  summary.textContent = t('store_summary', stats.articles, stats.outlets.filter((o) => o.value).length, dateLabel(stats.earliest?.slice(0, 10)), dateLabel(stats.latest?.slice(0, 10)));

  const f = res.facets ?? { outlets: [], months: [], actors: [], event_types: [], genres: [] };
  // Active filters.
  const chips = [];
  for (const [key, label] of [['outlet', t('facet_outlet')], ['month', t('facet_month')], ['actor', t('facet_actor')], ['event_type', t('facet_event_type')], ['genre', t('facet_genre')]]) {
    if (p[key]) {
      const shown = key === 'month' ? monthLabel(p[key])
        : key === 'event_type' ? eventLabel(p[key])
        : key === 'genre' ? t(`genre_${p[key]}`)
          : key === 'actor' ? (f.actors.find((v) => v.value === p.actor)?.label ?? p[key]) : p[key];
      chips.push(h('button', { class: 'chip', type: 'button', title: t('clear_filter'), onclick: () => go({ [key]: null }) }, `${label}: ${shown} ✕`));
    }
  }

  const facetBlock = (key, title, values, label = (v) => v.label ?? v.value) => {
    const list = h('ul', { class: 'facet-list' });
    const max = Math.max(1, ...values.map((v) => v.count));
    for (const v of values) {
      const active = p[key] === v.value;
      list.append(h('li', { class: active ? 'active' : '' },
        h('button', { type: 'button', class: 'facet', 'data-facet': key, 'data-value': v.value, 'aria-pressed': String(active), onclick: () => go({ [key]: active ? null : v.value }) },
          h('span', { class: 'facet-label' }, label(v) || '—'),
          h('span', { class: 'facet-count' }, fmt(v.count)),
          h('span', { class: 'facet-bar', 'data-w': Math.round((100 * v.count) / max) }))));
    }
    return h('div', { class: 'facet-block', 'data-facet-block': key }, h('h3', {}, title), values.length ? list : emptyState(t('no_data_yet')));
  };
  facets.append(
    facetBlock('outlet', t('facet_outlet'), f.outlets),
    facetBlock('month', t('facet_month'), f.months, (v) => monthLabel(v.value)),
    facetBlock('actor', t('facet_actor'), f.actors),
    facetBlock('event_type', t('facet_event_type'), f.event_types, (v) => eventLabel(v.value)),
    facetBlock('genre', t('facet_genre'), f.genres, (v) => t(`genre_${v.value}`)),
  );
  for (const bar of facets.querySelectorAll('.facet-bar')) bar.style.width = `${bar.dataset.w}%`;

  clear(results);
  results.append(h('div', { class: 'result-head' }, h('strong', { class: 'total' }, t('results', res.total)), ...chips));
  if (!res.hits.length) {
    results.append(emptyState(t('no_results')));
    return;
  }
  const list = h('ol', { class: 'hits', start: (page - 1) * res.per_page + 1 });
  for (const hit of res.hits) {
    list.append(h('li', { class: 'hit' },
      h('h3', {}, link(`/article/${encodeURIComponent(hit.id)}`, {}, hit.title || hit.id)),
      meta([hit.outlet, dateLabel(hit.published), hit.author, opinionTag(hit.genre), hit.dup_of ? h('span', { class: 'tag-copy' }, t('copy_of')) : null]),
      hit.snippet ? h('p', { class: 'snippet' }, hit.snippet.start > 0 ? '… ' : '', highlighted(hit.snippet.text, hit.snippet.highlights), ' …') : null));
  }
  results.append(list);
  const pages = Math.max(1, Math.ceil(res.total / res.per_page));
  if (pages > 1) {
    results.append(h('nav', { class: 'pager' },
      h('button', { type: 'button', disabled: page <= 1, onclick: () => go({ page: page - 1 }) }, t('prev')),
      h('span', {}, t('page_of', page, pages)),
      h('button', { type: 'button', disabled: page >= pages, onclick: () => go({ page: page + 1 }) }, t('next'))));
  }
}

// ---------------------------------------------------------------- article

// Splits the body into paragraphs and segments so that every annotation becomes nested
// elements; spans count code points, like the API.
function annotatedBody(article) {
  const chars = Array.from(article.body);
  const layers = [];
  article.quotes.forEach((q, i) => layers.push({ kind: 'quote', start: q.start, end: q.end, i, q }));
  article.events.forEach((e, i) => layers.push({ kind: 'event', start: e.evidence.start, end: e.evidence.end, i, e }));
  article.quotes.forEach((q, i) => { if (q.speaker_span) layers.push({ kind: 'speaker', start: q.speaker_span.start, end: q.speaker_span.end, i, q }); });
  article.entities.forEach((en, i) => layers.push({ kind: 'entity', start: en.start, end: en.end, i, en }));
  const order = { quote: 0, event: 1, speaker: 2, entity: 3 };
  const firstSeen = new Set();

  const paragraphs = [];
  let ps = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (i === chars.length || (chars[i] === '\n' && chars[i + 1] === '\n')) {
      if (i > ps) paragraphs.push([ps, i]);
      ps = i + 2;
      i += 1;
    }
  }
  const out = [];
  for (const [pStart, pEnd] of paragraphs) {
    const cuts = new Set([pStart, pEnd]);
    for (const l of layers) {
      if (l.end <= pStart || l.start >= pEnd) continue;
      cuts.add(Math.max(pStart, l.start));
      cuts.add(Math.min(pEnd, l.end));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const para = h('p', {});
    for (let k = 0; k + 1 < points.length; k++) {
      const [a, b] = [points[k], points[k + 1]];
      let node = document.createTextNode(chars.slice(a, b).join(''));
      const active = layers.filter((l) => l.start <= a && l.end >= b).sort((x, y) => order[y.kind] - order[x.kind]);
      for (const l of active) {
        const key = `${l.kind}-${l.i}`;
        const first = !firstSeen.has(key);
        firstSeen.add(key);
        let el;
        if (l.kind === 'entity' && l.en.actor) {
          el = link(`/actor/${encodeURIComponent(l.en.actor)}`, { class: `ent ent-${l.en.type}${l.en.nominal ? ' nominal' : ''}`, 'data-type': l.en.type, 'data-actor': l.en.actor, title: entityLabel(l.en.type) });
        } else if (l.kind === 'entity') {
          el = h('span', { class: `ent ent-${l.en.type}${l.en.nominal ? ' nominal' : ''}`, 'data-type': l.en.type, title: entityLabel(l.en.type) });
        } else if (l.kind === 'speaker') {
          el = h('span', { class: 'speaker', title: t('quotes') });
        } else if (l.kind === 'event') {
          el = h('span', { class: 'evidence', 'data-event': l.e.id, id: first ? `ev-${l.e.id}` : null, title: `${eventLabel(l.e.type)} · ${certaintyLabel(l.e.certainty)}` });
        } else {
          el = h('span', { class: `quote cert-${l.q.certainty.label}`, 'data-quote': l.i, id: first ? `q-${l.i}` : null, title: `${l.q.speaker ?? l.q.role ?? t('unnamed')} · ${certaintyLabel(l.q.certainty.label)}` });
        }
        el.append(node);
        node = el;
      }
      para.append(node);
    }
    out.push(para);
  }
  return out;
}

function flash(id) {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'center' });
  el.classList.remove('flash');
  void el.offsetWidth;
  el.classList.add('flash');
}

export async function articlePage(main, id, signal) {
  clear(main).append(h('p', { class: 'loading' }, t('loading')));
  const a = await getJSON(`/api/articles/${encodeURIComponent(id)}`, {}, signal);
  document.title = `${a.title} — ${t('brand')}`;
  const bodyBox = h('div', { class: 'article-body', lang: a.language === 'ar' ? 'ar' : null }, annotatedBody(a));

  const counts = Object.fromEntries(ENTITY_KINDS.map((k) => [k, a.entities.filter((e) => e.type === k).length]));
  const legend = h('div', { class: 'legend', 'aria-label': t('legend') },
    ENTITY_KINDS.map((k) => {
      const box = h('input', { type: 'checkbox', checked: true, onchange: (e) => bodyBox.classList.toggle(`hide-${k}`, !e.target.checked) });
      return h('label', { class: `legend-item ent-${k}` }, box, h('span', { class: `swatch ent ent-${k}` }, entityLabel(k)), ` ${fmt(counts[k])}`);
    }),
    a.annotations.entities === 'live' ? h('small', { class: 'note' }, `(${t('live_note')})`) : null);

  const quoteList = a.quotes.length
    ? h('ol', { class: 'quotes' }, a.quotes.map((q, i) => h('li', { class: 'quote-item' },
      h('div', { class: 'quote-head' },
        badge(q.certainty.label),
        h('strong', { class: 'who' }, q.speaker_actor ? link(`/actor/${encodeURIComponent(q.speaker_actor)}`, {}, q.speaker ?? q.role) : (q.speaker ?? q.role ?? t('unnamed'))),
        q.speaker && q.role ? h('span', { class: 'role' }, q.role) : null,
        h('span', { class: 'kind' }, q.direct ? t('direct') : t('reported_speech'))),
      h('blockquote', {}, q.direct ? `«${q.text}»` : q.text),
      h('a', { href: `#q-${i}`, class: 'jump', onclick: (e) => { e.preventDefault(); flash(`q-${i}`); } }, '↩ ', t('evidence')))))
    : emptyState(t('no_quotes'));

  const eventList = a.events.length
    ? h('ol', { class: 'events' }, a.events.map((e) => h('li', { class: 'event-item' },
      h('span', { class: `etype pol-${e.polarity ?? 'none'}` }, eventLabel(e.type)), ' ', badge(e.certainty), ' ',
      actorLink(e.source), e.target ? ' ← ' : '', actorLink(e.target),
      e.location ? h('span', { class: 'place' }, ` ${t('in_place', e.location.name)}`) : null,
      e.date ? h('span', { class: 'date' }, ` ${dateLabel(e.date)}`) : null, ' ',
      h('a', { href: `#ev-${e.id}`, class: 'jump', onclick: (ev) => { ev.preventDefault(); flash(`ev-${e.id}`); } }, t('evidence')))))
    : emptyState(a.annotations.events === 'unavailable' ? t('no_data_yet') : t('no_events'));

  const rel = a.related.length
    ? h('ul', { class: 'related' }, a.related.map((r) => h('li', {},
      h('span', { class: `relation rel-${r.relation}` }, t(`relation_${r.relation}`)), ' ',
      link(`/article/${encodeURIComponent(r.article.id)}`, {}, r.article.title), ' ',
      h('small', {}, [r.article.outlet, dateLabel(r.article.published)].filter(Boolean).join(' · ')))))
    : emptyState(t('no_related'));

  clear(main).append(
    h('article', { class: 'article' },
      h('h1', {}, a.title),
      meta([a.outlet, a.author, dateLabel(a.published), a.dateline, opinionTag(a.genre)]),
      a.tags.length ? h('p', { class: 'tags' }, a.tags.map((tg) => link(`/?q=${encodeURIComponent(`tag:"${tg}"`)}`, { class: 'tag' }, tg))) : null,
      a.url ? h('p', { class: 'source' }, t('source_link'), ': ', h('bdi', {}, a.url)) : null,
      legend,
      bodyBox),
    h('div', { class: 'side' },
      section(`${t('quotes')} (${fmt(a.quotes.length)})`, quoteList),
      section(`${t('events')} (${fmt(a.events.length)})`, eventList),
      section(t('related'), rel),
      a.diagnostics.length ? h('details', { class: 'panel diagnostics' }, h('summary', {}, t('diagnostics')),
        h('ul', {}, a.diagnostics.map((d) => h('li', {}, h('code', {}, d.kind), ' ', d.message)))) : null));
}

// ---------------------------------------------------------------- actors

export async function actorsPage(main, url, signal) {
  const qv = url.searchParams.get('q') ?? '';
  const input = h('input', { type: 'search', value: qv, placeholder: t('actors_filter'), 'aria-label': t('actors_filter') });
  const form = h('form', { class: 'searchbar', onsubmit: (e) => { e.preventDefault(); window.marsadNavigate(input.value.trim() ? `/actors?q=${encodeURIComponent(input.value.trim())}` : '/actors'); } },
    input, h('button', { type: 'submit' }, t('search_button')));
  const box = h('div', {});
  clear(main).append(h('h1', {}, t('actors_title')), form, box);
  const res = await getJSON('/api/actors', { q: qv, per_page: 100 }, signal);
  if (!res.actors.length) {
    box.append(emptyState(t('no_data_yet')));
    return;
  }
  box.append(h('table', { class: 'grid-table' },
    h('thead', {}, h('tr', {}, h('th', {}, t('actors_title')), h('th', {}, t('type')), h('th', {}, t('country')), h('th', {}, t('mentions')), h('th', {}, t('articles_col')))),
    h('tbody', {}, res.actors.map((a) => h('tr', {},
      h('td', {}, link(`/actor/${encodeURIComponent(a.id)}`, {}, a.name)),
      h('td', {}, actorTypeLabel(a.type)), h('td', {}, a.country ?? ''), h('td', { class: 'num' }, fmt(a.mentions)), h('td', { class: 'num' }, fmt(a.articles)))))));
}

export async function actorPage(main, id, url, signal) {
  clear(main).append(h('p', { class: 'loading' }, t('loading')));
  const cert = url.searchParams.get('certainty') ?? '';
  const [p, graph, said] = await Promise.all([
    getJSON(`/api/actors/${encodeURIComponent(id)}`, {}, signal),
    getJSON('/api/graph', { actor: id }, signal),
    getJSON(`/api/actors/${encodeURIComponent(id)}/quotes`, { certainty: cert, per_page: 50 }, signal),
  ]);
  const a = p.actor;
  document.title = `${a.name} — ${t('brand')}`;

  const chart = timelineChart(p.timeline);
  const detail = h('div', { class: 'edge-detail', role: 'status' });
  const net = networkChart(graph, a.id, {
    onNode: (v) => window.marsadNavigate(`/actor/${encodeURIComponent(v.id)}`),
    onEdge: (e) => {
      const names = new Map(graph.nodes.map((v) => [v.id, v.label]));
      const other = e.source === a.id ? e.target : e.source;
      clear(detail).append(
        h('strong', {}, t('edge_between', names.get(e.source) ?? e.source, names.get(e.target) ?? e.target)), ' · ',
        t('shared_articles', e.articles), ' · ',
        `${t('events_count', e.events)}: ${t('cooperation')} ${fmt(e.cooperation)}، ${t('conflict')} ${fmt(e.conflict)} · `,
        link(`/?actor=${encodeURIComponent(other)}`, {}, t('nav_search')), ' · ',
        link(`/events?actor=${encodeURIComponent(other)}`, {}, t('nav_events')));
    },
  });
  const counterparts = p.counterparts.length
    ? h('ul', { class: 'counterparts' }, p.counterparts.map((c) => h('li', {}, actorLink(c.actor), ' ',
      h('small', {}, t('shared_articles', c.articles)),
      c.events ? [' · ', h('span', { class: 'pol-cooperation' }, `${t('cooperation')} ${fmt(c.cooperation)}`), '، ',
        h('span', { class: 'pol-conflict' }, `${t('conflict')} ${fmt(c.conflict)}`)] : null)))
    : null;

  const quotes = said.quotes;
  const certSelect = h('select', { 'aria-label': t('certainty'), onchange: (e) => window.marsadNavigate(`/actor/${encodeURIComponent(id)}${e.target.value ? `?certainty=${e.target.value}` : ''}`) },
    h('option', { value: '' }, t('all_certainties')),
    CERTAINTIES.map((c) => h('option', { value: c, selected: c === cert }, certaintyLabel(c))));

  clear(main).append(
    h('header', { class: 'actor-head' },
      h('h1', {}, a.name),
      meta([actorTypeLabel(a.type), a.country, `${t('mentions')}: ${fmt(a.mentions)}`, `${t('articles_col')}: ${fmt(a.articles)}`, link(`/?actor=${encodeURIComponent(a.id)}`, {}, t('nav_search'))]),
      a.aliases.filter((x) => x !== a.name).length ? h('p', { class: 'aliases' }, h('strong', {}, `${t('aliases')}: `), a.aliases.filter((x) => x !== a.name).map((x) => h('span', { class: 'chip static' }, x))) : null,
      a.roles.length ? h('p', { class: 'roles' }, h('strong', {}, `${t('roles')}: `), a.roles.join('، ')) : null,
      p.possibly_same.length ? h('p', { class: 'possibly-same', title: t('possibly_same_hint') }, h('strong', {}, `${t('possibly_same')}: `),
        p.possibly_same.map((o) => h('span', { class: 'chip static' }, link(`/actor/${encodeURIComponent(o.id)}`, {}, o.name), ' ', h('small', {}, fmt(o.mentions))))) : null),
    section(t('timeline'), chart ?? emptyState(t('no_data_yet')),
      chart ? h('p', { class: 'chart-legend' }, h('span', { class: 'key mentions' }, t('mentions')), h('span', { class: 'key cooperation' }, t('cooperation')), h('span', { class: 'key conflict' }, t('conflict'))) : null),
    section(t('network'), net ?? emptyState(t('no_data_yet')),
      net ? h('p', { class: 'chart-legend' }, h('span', { class: 'key cooperation' }, t('cooperation')), h('span', { class: 'key conflict' }, t('conflict')), h('span', { class: 'key comention' }, t('comention'))) : null,
      detail, counterparts),
    section(`${t('what_they_said')} (${fmt(said.total)})`, certSelect,
      quotes.length ? h('ol', { class: 'quotes' }, quotes.map((it) => h('li', { class: 'quote-item' },
        h('div', { class: 'quote-head' }, badge(it.quote.certainty.label), h('span', { class: 'kind' }, it.quote.direct ? t('direct') : t('reported_speech'))),
        h('blockquote', {}, it.quote.direct ? `«${it.quote.text}»` : it.quote.text),
        h('small', {}, link(`/article/${encodeURIComponent(it.article.id)}`, {}, it.article.title), ' · ', [it.article.outlet, dateLabel(it.article.published)].filter(Boolean).join(' · ')))))
        : emptyState(t('no_data_yet'))));
}

// An opinion piece is marked where it is listed; news is the default and unmarked.
function opinionTag(genre) {
  return genre === 'opinion' ? h('span', { class: 'tag-opinion' }, t('genre_opinion')) : null;
}

// ---------------------------------------------------------------- events

export async function eventsPage(main, url, signal) {
  const p = Object.fromEntries(url.searchParams);
  const page = Math.max(1, parseInt(p.page ?? '1', 10) || 1);
  const type = h('select', { name: 'type', 'aria-label': t('facet_event_type') },
    h('option', { value: '' }, t('all_types')), EVENT_TYPES.map((ty) => h('option', { value: ty, selected: ty === p.type }, eventLabel(ty))));
  const certainty = h('select', { name: 'certainty', 'aria-label': t('certainty') },
    h('option', { value: '' }, t('all_certainties')), CERTAINTIES.map((c) => h('option', { value: c, selected: c === p.certainty }, certaintyLabel(c))));
  // The actor box suggests actors by name (the value sent is the actor id).
  const suggestions = h('datalist', { id: 'actor-suggestions' });
  const actor = h('input', { type: 'text', name: 'actor', value: p.actor ?? '', placeholder: t('actor_id'), 'aria-label': t('actor_id'), list: 'actor-suggestions', autocomplete: 'off' });
  let pending = null;
  actor.addEventListener('input', () => {
    clearTimeout(pending);
    const q = actor.value.trim();
    if (q.length < 2 || /^[0-9a-f]{16}$/.test(q)) return;
    pending = setTimeout(async () => {
      try {
        const res = await getJSON('/api/actors', { q, per_page: 10 });
        clear(suggestions).append(...res.actors.map((a) => h('option', { value: a.id, label: `${a.name} (${fmt(a.articles)})` })));
      } catch (_) { /* suggestions are optional */ }
    }, 200);
  });
  const genre = h('select', { name: 'genre', 'aria-label': t('facet_genre') },
    h('option', { value: '' }, t('all_genres')), ['news', 'opinion'].map((g) => h('option', { value: g, selected: g === p.genre }, t(`genre_${g}`))));
  const from = h('input', { type: 'date', name: 'from', value: p.from ?? '', 'aria-label': t('from') });
  const to = h('input', { type: 'date', name: 'to', value: p.to ?? '', 'aria-label': t('to') });
  const filters = { type: p.type, certainty: p.certainty, actor: p.actor, genre: p.genre, from: p.from, to: p.to };
  const form = h('form', { class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const el of [type, certainty, actor, genre, from, to]) if (el.value.trim()) next.set(el.name, el.value.trim());
    window.marsadNavigate(`/events${next.toString() ? `?${next}` : ''}`);
  } }, type, certainty, actor, suggestions, genre, h('label', { class: 'date' }, t('from'), from), h('label', { class: 'date' }, t('to'), to),
  h('button', { type: 'submit' }, t('filter')),
  h('a', { class: 'button export', href: apiUrl('/api/events', { ...filters, format: 'csv' }), download: 'marsad-events.csv' }, t('export_csv')));
  const box = h('div', {});
  clear(main).append(h('h1', {}, t('events_title')), form, box);
  const res = await getJSON('/api/events', { ...filters, page, per_page: 50 }, signal);
  box.append(h('p', { class: 'total' }, t('events_count', res.total)));
  if (!res.events.length) {
    box.append(emptyState(t('no_data_yet')));
    return;
  }
  box.append(h('table', { class: 'grid-table events-table' },
    h('thead', {}, h('tr', {}, [t('date'), t('facet_event_type'), t('certainty'), t('source_actor'), t('target_actor'), t('evidence')].map((c) => h('th', {}, c)))),
    h('tbody', {}, res.events.map((e) => h('tr', {},
      h('td', {}, dateLabel(e.date ?? e.article.published)),
      h('td', {}, h('span', { class: `etype pol-${e.polarity ?? 'none'}` }, eventLabel(e.type))),
      h('td', {}, badge(e.certainty)),
      h('td', {}, actorLink(e.source)), h('td', {}, actorLink(e.target)),
      h('td', {}, link(`/article/${encodeURIComponent(e.article.id)}#ev-${e.id}`, {}, e.text)))))));
  const pages = Math.max(1, Math.ceil(res.total / res.per_page));
  if (pages > 1) {
    const nav = (n) => { const q = new URLSearchParams(url.searchParams); q.set('page', n); window.marsadNavigate(`/events?${q}`); };
    box.append(h('nav', { class: 'pager' },
      h('button', { type: 'button', disabled: page <= 1, onclick: () => nav(page - 1) }, t('prev')),
      h('span', {}, t('page_of', page, pages)),
      h('button', { type: 'button', disabled: page >= pages, onclick: () => nav(page + 1) }, t('next'))));
  }
}
