// End-to-end tests of `marsad serve --demo` in Debian's headless Chromium, driven by
// playwright-core (which downloads no browser).
//
//   MARSAD_BIN=target/release/marsad node crates/marsad-server/e2e/run.mjs
//
// Environment: MARSAD_BIN (default: target/release/marsad from the repository root),
// CHROMIUM (default /usr/bin/chromium), E2E_ARTIFACTS (default target/e2e-artifacts),
// E2E_TIMEOUT_S (whole run, default 240). Screenshots go to the artifacts folder.
// Exit code 0 when every scenario passes, 1 otherwise, 2 when the setup fails.

import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const BIN = process.env.MARSAD_BIN ? resolve(process.env.MARSAD_BIN) : join(root, 'target/release/marsad');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = resolve(process.env.E2E_ARTIFACTS ?? join(root, 'target/e2e-artifacts'));
const TOTAL_TIMEOUT_S = Number(process.env.E2E_TIMEOUT_S ?? 240);
const STEP_TIMEOUT_MS = 20_000;

const started = Date.now();
let server = null;
let context = null;
let profile = null;

function log(msg) {
  console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);
}

async function cleanup() {
  try { if (context) await context.close(); } catch (_) { /* already gone */ }
  if (server && server.exitCode === null) server.kill('SIGTERM');
  if (profile) rmSync(profile, { recursive: true, force: true });
}

const watchdog = setTimeout(async () => {
  console.error(`[e2e] FAIL: the whole run exceeded ${TOTAL_TIMEOUT_S} s; stopping`);
  await cleanup();
  process.exit(1);
}, TOTAL_TIMEOUT_S * 1000);

function startServer() {
  if (!existsSync(BIN)) throw new Error(`${BIN} does not exist: build it with \`cargo build --release -p marsad\` or set MARSAD_BIN`);
  return new Promise((resolveUrl, reject) => {
    const child = spawn(BIN, ['serve', '--demo', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    server = child;
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`marsad serve printed no address within 60 s; stderr: ${err}`)), 60_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /serving (http:\/\/[^\s]+)/.exec(out);
      if (m) { clearTimeout(timer); resolveUrl(m[1].replace(/\/$/, '')); }
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`marsad serve exited with ${code}: ${err}`)); });
  });
}

class Failure extends Error {}
function expect(cond, message) {
  if (!cond) throw new Failure(message);
}

async function shot(page, name) {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  log(`screenshot ${path}`);
}

// ------------------------------------------------------------------ scenarios

async function searchScenario(page, base) {
  await page.goto(`${base}/`);
  await page.waitForSelector('form.searchbar input[type=search]');
  expect(await page.getAttribute('html', 'dir') === 'rtl', 'the page is not right-to-left');
  expect(await page.getAttribute('html', 'lang') === 'ar', 'the page language is not Arabic');
  await page.fill('form.searchbar input[type=search]', 'هدنة');
  await page.press('form.searchbar input[type=search]', 'Enter');
  await page.waitForURL(/q=/);
  await page.waitForSelector('li.hit');
  const hits = await page.locator('li.hit').count();
  expect(hits > 0, 'searching هدنة shows no results');
  const marks = await page.locator('li.hit mark.hl').allTextContents();
  expect(marks.length > 0, 'no highlighted word in the snippets');
  expect(marks.some((m) => m.includes('هدن')), `highlights do not mark the query word: ${marks.slice(0, 5)}`);
  const outlets = page.locator('[data-facet-block=outlet] button.facet');
  const months = page.locator('[data-facet-block=month] button.facet');
  expect(await outlets.count() > 0, 'the outlet facet is empty');
  expect(await months.count() > 0, 'the month facet is empty');
  // The facet counts add up to the total (each article has one outlet).
  const total = Number((await page.textContent('.total')).replace(/[^\d]/g, ''));
  const outletSum = (await page.locator('[data-facet-block=outlet] .facet-count').allTextContents()).map((x) => Number(x.replace(/[^\d]/g, ''))).reduce((a, b) => a + b, 0);
  expect(outletSum === total, `outlet facet counts sum to ${outletSum}, the total is ${total}`);
  await shot(page, 'search');
  // Clicking a facet filters.
  const first = outlets.first();
  const outletName = await first.getAttribute('data-value');
  const expected = Number((await first.locator('.facet-count').textContent()).replace(/[^\d]/g, ''));
  await first.click();
  await page.waitForURL(/outlet=/);
  await page.waitForSelector('button.chip');
  await page.waitForSelector('li.hit');
  const filtered = Number((await page.textContent('.total')).replace(/[^\d]/g, ''));
  expect(filtered === expected, `after choosing outlet ${outletName}: ${filtered} results, the facet said ${expected}`);
  const metas = await page.locator('li.hit .meta').allTextContents();
  expect(metas.every((m) => m.includes(outletName)), `a hit is not from ${outletName}`);
  // Month facet and date range.
  await page.goto(`${base}/?q=${encodeURIComponent('الصفصاف')}&from=2024-05-01&to=2024-09-30`);
  await page.waitForSelector('li.hit');
  const monthValues = await page.locator('[data-facet-block=month] button.facet').evaluateAll((els) => els.map((e) => e.dataset.value));
  expect(monthValues.length > 0 && monthValues.every((m) => m >= '2024-05' && m <= '2024-09'), `months outside the range: ${monthValues}`);
  // The genre facet: the demo's one column, marked as opinion where it is listed.
  await page.goto(`${base}/`);
  await page.waitForSelector('[data-facet-block=genre] button.facet');
  await page.locator('[data-facet-block=genre] button.facet[data-value=opinion]').click();
  await page.waitForURL(/genre=opinion/);
  await page.waitForSelector('li.hit .tag-opinion');
  const columns = await page.locator('li.hit').count();
  expect(columns === 1, `the opinion facet lists ${columns} articles, the demo has one column`);
  expect((await page.textContent('li.hit .tag-opinion')).includes('رأي'), 'the column is not marked رأي');
  return `${hits} hits for هدنة, ${await outlets.count()} outlets in the facet, outlet filter, date range and genre facet work`;
}

async function articleScenario(page, base) {
  // An article that has copies: found through the API, opened through the UI.
  const res = await (await page.request.get(`${base}/api/search?q=${encodeURIComponent('وقف إطلاق النار القاهرة')}&per_page=50`)).json();
  const copy = res.hits.find((h) => h.dup_of);
  expect(copy, 'no duplicate among the hits for the Cairo ceasefire');
  await page.goto(`${base}/article/${copy.dup_of}`);
  await page.waitForSelector('.article-body p');
  const title = await page.textContent('article h1');
  expect(title && title.length > 5, 'the article has no title');
  const types = await page.locator('.article-body .ent').evaluateAll((els) => [...new Set(els.map((e) => e.dataset.type))]);
  const entities = await page.locator('.article-body .ent').count();
  expect(entities >= 3, `only ${entities} highlighted entities`);
  expect(types.length >= 2, `entities of only ${types.length} type(s): ${types}`);
  // Entity colours differ by type.
  const colours = await page.locator('.article-body .ent').evaluateAll((els) => [...new Set(els.map((e) => getComputedStyle(e).backgroundColor))]);
  expect(colours.length >= 2, `entities share one colour: ${colours}`);
  const quotes = await page.locator('.quote-item').count();
  expect(quotes > 0, 'no quote listed');
  const badges = await page.locator('.quote-item .badge').evaluateAll((els) => els.map((e) => e.dataset.certainty));
  expect(badges.length === quotes && badges.every(Boolean), 'a quote has no certainty badge');
  expect(await page.locator('.article-body .quote').count() > 0, 'no quote marked in the body');
  const related = await page.locator('ul.related li').allTextContents();
  expect(related.some((r) => r.includes(copy.title)), `the copy «${copy.title}» is not listed under copies`);
  // Every event of the article is listed, each party shown: resolved ones as links to their
  // actor page, unresolved ones (no actor id) by their words.
  const api = await (await page.request.get(`${base}/api/articles/${copy.dup_of}`)).json();
  const listed = await page.locator('ol.events li.event-item').count();
  expect(listed === api.events.length, `${listed} events listed, the API has ${api.events.length}`);
  const parties = api.events.flatMap((e) => [e.source, e.target]).filter(Boolean);
  const linked = await page.locator('ol.events a.actor').count();
  const unresolved = await page.locator('ol.events span.actor.unresolved').count();
  expect(linked === parties.filter((p) => p.id).length && unresolved === parties.filter((p) => !p.id).length,
    `event parties: ${linked} linked and ${unresolved} unresolved shown, the API has ${parties.length}`);
  await shot(page, 'article');
  // The copy links back to its original.
  await page.locator('ul.related a', { hasText: copy.title }).first().click();
  await page.waitForURL(new RegExp(`/article/${copy.id}`));
  await page.waitForSelector('.rel-original');
  return `${entities} entities of ${types.length} types, ${quotes} quotes with badges (${[...new Set(badges)].join(', ')}), ${listed} events with ${parties.length} parties, ${related.length} related copies`;
}

async function actorScenario(page, base) {
  const stats = await (await page.request.get(`${base}/api/stats`)).json();
  if (stats.annotations.actors === null) {
    // Actor resolution has not run on this store: the pages must say so, not break.
    await page.goto(`${base}/actors`);
    await page.waitForSelector('p.empty');
    expect((await page.textContent('p.empty')).includes('لا توجد بيانات بعد'), 'the actors page has no empty-state message');
    await shot(page, 'actors-empty');
    page.allowedErrors = /status of 404/;
    await page.goto(`${base}/actor/0000000000000000`);
    await page.waitForSelector('.error');
    expect((await page.textContent('.error h1')).includes('غير موجود'), 'an unknown actor does not show «غير موجود»');
    return 'the store has no actors yet (stats.annotations.actors is null): empty state and 404 page checked';
  }
  const actors = await (await page.request.get(`${base}/api/actors?per_page=100`)).json();
  expect(actors.actors.length > 0, 'the store counts actors but /api/actors lists none');
  // The most mentioned actor with counterparts.
  let chosen = null;
  for (const a of actors.actors.slice(0, 20)) {
    const p = await (await page.request.get(`${base}/api/actors/${a.id}`)).json();
    if (p.counterparts.length > 0 && p.timeline.length > 0) { chosen = a; break; }
  }
  expect(chosen, 'none of the 20 most mentioned actors has both a timeline and counterparts');
  await page.goto(`${base}/actors`);
  await page.locator('table a', { hasText: chosen.name }).first().click();
  await page.waitForURL(/\/actor\//);
  await page.waitForSelector('svg.timeline');
  const bars = await page.locator('svg.timeline rect.bar').count();
  expect(bars > 0, 'the timeline SVG has no bars');
  await page.waitForSelector('svg.network');
  const nodes = await page.locator('svg.network .node').count();
  const edges = await page.locator('svg.network line.edge').count();
  expect(nodes >= 2 && edges >= 1, `the network SVG has ${nodes} nodes and ${edges} edges`);
  const box = await page.locator('svg.network').boundingBox();
  expect(box && box.width > 200 && box.height > 100, 'the network SVG has no size');
  await page.locator('svg.network line.edge').first().dispatchEvent('click');
  await page.waitForFunction(() => document.querySelector('.edge-detail')?.textContent.trim().length > 0);
  await shot(page, 'actor');
  // "What they said": the actor with the most stored quotes shows them with certainty badges.
  let speaker = null;
  for (const a of actors.actors.slice(0, 40)) {
    const q = await (await page.request.get(`${base}/api/actors/${a.id}/quotes?per_page=1`)).json();
    if (q.total > 0 && (!speaker || q.total > speaker.total)) speaker = { ...a, total: q.total };
  }
  let said = 'no actor has stored quotes';
  if (speaker) {
    await page.goto(`${base}/actor/${speaker.id}`);
    await page.waitForSelector('.quote-item .badge');
    const shown = await page.locator('.quote-item').count();
    expect(shown === Math.min(speaker.total, 50), `${speaker.name}: ${shown} quotes shown, ${speaker.total} stored`);
    const confirmed = (await (await page.request.get(`${base}/api/actors/${speaker.id}/quotes?certainty=confirmed&per_page=1`)).json()).total;
    await page.selectOption('section.panel select', 'confirmed');
    await page.waitForURL(/certainty=confirmed/);
    await page.waitForSelector(confirmed ? '.quote-item .badge' : 'section.panel p.empty');
    const labels = await page.locator('.quote-item .badge').evaluateAll((els) => els.map((e) => e.dataset.certainty));
    expect(labels.length === Math.min(confirmed, 50) && labels.every((l) => l === 'confirmed'), `the certainty filter shows ${labels.length} (${[...new Set(labels)]}), the API has ${confirmed}`);
    await shot(page, 'actor-quotes');
    said = `${speaker.name}: ${shown} quotes with badges, certainty filter works`;
  }
  // A person the API offers as possibly the same as another is shown on the page, linked.
  let maybe = 'no person has a possible namesake';
  for (const a of actors.actors.filter((x) => x.type === 'person').slice(0, 40)) {
    const p = await (await page.request.get(`${base}/api/actors/${a.id}`)).json();
    if (!p.possibly_same.length) continue;
    await page.goto(`${base}/actor/${a.id}`);
    await page.waitForSelector('p.possibly-same a');
    const shown = await page.locator('p.possibly-same a').evaluateAll((els) => els.map((e) => e.textContent));
    expect(JSON.stringify(shown) === JSON.stringify(p.possibly_same.map((o) => o.name)), `${a.name}: possibly the same shows ${shown}, the API has ${p.possibly_same.map((o) => o.name)}`);
    maybe = `${a.name}: possibly the same as ${shown.join('، ')}`;
    break;
  }
  return `${chosen.name}: ${bars} timeline bars, ${nodes} nodes and ${edges} edges, edge click shows details; ${said}; ${maybe}`;
}

async function chartsScenario(page, base) {
  // The SVG renderers on their own, with inputs written here (the demo store may not have
  // actors and events yet); checks the drawing, not the data.
  await page.goto(`${base}/events`);
  const r = await page.evaluate(async () => {
    const { timelineChart } = await import('/assets/timeline.js');
    const { networkChart } = await import('/assets/network.js');
    const tl = timelineChart([
      { month: '2024-01', mentions: 4, events: 2, cooperation: 1, conflict: 1 },
      { month: '2024-04', mentions: 1, events: 0, cooperation: 0, conflict: 0 },
    ]);
    const graph = {
      nodes: [{ id: 'a', label: 'أ', type: 'person', weight: 3 }, { id: 'b', label: 'ب', type: 'party', weight: 2 }, { id: 'c', label: 'ج', type: 'igo', weight: 1 }],
      edges: [{ source: 'a', target: 'b', weight: 2, articles: 3, events: 2, cooperation: 2, conflict: 0 },
        { source: 'c', target: 'a', weight: 1, articles: 1, events: 1, cooperation: 0, conflict: 1 },
        { source: 'b', target: 'c', weight: 4, articles: 4, events: 0, cooperation: 0, conflict: 0 }],
    };
    let clicked = null;
    const net = networkChart(graph, 'a', { onEdge: (e) => { clicked = `${e.source}-${e.target}`; } });
    document.body.append(tl, net);
    net.querySelector('line.edge[data-source="a"][data-target="b"]').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    const inside = [...net.querySelectorAll('.node')].every((g) => {
      const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(g.getAttribute('transform'));
      return m && +m[1] >= 0 && +m[1] <= 760 && +m[2] >= 0 && +m[2] <= 460;
    });
    return {
      months: tl.querySelectorAll('g.month').length,
      bars: tl.querySelectorAll('rect.bar').length,
      coop: net.querySelectorAll('line.edge.cooperation').length,
      conflict: net.querySelectorAll('line.edge.conflict').length,
      comention: net.querySelectorAll('line.edge.comention').length,
      nodes: net.querySelectorAll('.node').length,
      inside,
      clicked,
      empty: timelineChart([]) === null && networkChart({ nodes: [], edges: [] }, 'a') === null,
    };
  });
  expect(r.months === 4, `the timeline should fill 4 months from January to April, drew ${r.months}`);
  expect(r.bars === 4, `the timeline should draw 4 bars (2 of mentions, 1 of cooperation, 1 of conflict), drew ${r.bars}`);
  expect(r.coop === 1 && r.conflict === 1 && r.comention === 1, `edge kinds: ${r.coop} cooperation, ${r.conflict} conflict, ${r.comention} co-mention`);
  expect(r.nodes === 3 && r.inside, 'network nodes missing or outside the drawing');
  expect(r.clicked === 'a-b', `clicking an edge gave ${r.clicked}`);
  expect(r.empty, 'empty inputs should draw nothing (the page shows the empty state instead)');
  return 'timeline fills missing months, stacks cooperation/conflict; network colours and click work';
}

async function eventsScenario(page, base) {
  await page.goto(`${base}/events?type=ACCUSE`);
  await page.waitForSelector('form.filters select[name=type]');
  expect(await page.inputValue('form.filters select[name=type]') === 'ACCUSE', 'the type filter is not kept from the address');
  const href = await page.getAttribute('a.export', 'href');
  expect(href.includes('format=csv') && href.includes('type=ACCUSE'), `the CSV link ignores the filters: ${href}`);
  const csv = await page.request.get(`${base}${href}`);
  expect(csv.status() === 200, `CSV export answered ${csv.status()}`);
  expect((csv.headers()['content-type'] ?? '').startsWith('text/csv'), 'the CSV export is not text/csv');
  const text = await csv.text();
  expect(text.replace(/^\uFEFF/, '').startsWith('id,date,type,'), 'the CSV has no header row');
  const api = await (await page.request.get(`${base}/api/events?type=ACCUSE`)).json();
  const rows = await page.locator('table.events-table tbody tr').count();
  if (api.total === 0) {
    expect(await page.locator('p.empty').count() > 0, 'no events and no empty-state message');
  } else {
    expect(rows === Math.min(api.total, 50), `${rows} rows shown, the API has ${api.total}`);
  }
  // The actor box suggests actors by name.
  const stats = await (await page.request.get(`${base}/api/stats`)).json();
  if (stats.annotations.actors !== null) {
    await page.fill('form.filters input[name=actor]', 'حكومة');
    await page.waitForFunction(() => document.querySelectorAll('#actor-suggestions option').length > 0);
    const ids = await page.locator('#actor-suggestions option').evaluateAll((os) => os.map((o) => o.value));
    expect(ids.every((v) => /^[0-9a-f]{16}$/.test(v)), `suggestions are not actor ids: ${ids}`);
  }
  await shot(page, 'events');
  return api.total === 0 ? 'no events in the store yet: empty state, filters and CSV header checked' : `${rows} ACCUSE events listed, CSV exported`;
}

async function languageScenario(page, base) {
  await page.goto(`${base}/`);
  await page.waitForSelector('#lang-toggle');
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.dir === 'ltr');
  expect((await page.textContent('.top nav')).includes('Search'), 'English labels missing after the toggle');
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  expect((await page.textContent('.top nav')).includes('البحث'), 'Arabic labels missing after toggling back');
  // Arabic is drawn with an Arabic font, not a fallback box font.
  // Which Arabic fonts of the stack are installed: a font is there when text drawn with it
  // measures differently from the generic fallback.
  const fonts = await page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d');
    const sample = 'مرصد الأخبار العربية ١٢٣';
    const width = (font) => { ctx.font = `32px ${font}`; return ctx.measureText(sample).width; };
    return ['Noto Naskh Arabic', 'Noto Sans Arabic', 'Noto Kufi Arabic', 'Amiri', 'KacstBook', 'KacstOne']
      .filter((f) => ['monospace', 'serif'].some((g) => width(`"${f}", ${g}`) !== width(g)));
  });
  const used = await page.evaluate(() => getComputedStyle(document.querySelector('main')).fontFamily);
  expect(fonts.length > 0, `no Arabic font of the stack is installed (${used}); install fonts-noto-core`);
  return `English toggle works; Arabic fonts installed from the stack: ${fonts.join(', ')}`;
}

// ------------------------------------------------------------------ main

async function main() {
  mkdirSync(ARTIFACTS, { recursive: true });
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install chromium (or set CHROMIUM)`);
  const base = await startServer();
  log(`server at ${base}`);
  profile = mkdtempSync(join(tmpdir(), 'marsad-e2e-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1366, height: 900 },
    locale: 'ar',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const results = [];
  for (const [name, scenario] of [
    ['search', searchScenario],
    ['article', articleScenario],
    ['actor', actorScenario],
    ['charts', chartsScenario],
    ['events', eventsScenario],
    ['language', languageScenario],
  ]) {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    // A scenario may expect some console errors (a 404 it asks for): page.allowedErrors.
    page.on('console', (m) => {
      if (m.type() === 'error' && !(page.allowedErrors && page.allowedErrors.test(m.text()))) problems.push(`console error: ${m.text()}`);
    });
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) problems.push(`request outside the server: ${r.url()}`); });
    const t0 = Date.now();
    try {
      const detail = await scenario(page, base);
      expect(problems.length === 0, problems.join('; '));
      results.push({ name, ok: true, detail, ms: Date.now() - t0 });
      log(`PASS ${name}: ${detail}`);
    } catch (e) {
      const detail = e instanceof Failure ? e.message : `${e.name}: ${e.message.split('\n')[0]}`;
      results.push({ name, ok: false, detail: problems.length ? `${detail}; ${problems.join('; ')}` : detail, ms: Date.now() - t0 });
      log(`FAIL ${name}: ${results.at(-1).detail}`);
      try { await shot(page, `failed-${name}`); } catch (_) { /* page may be gone */ }
    }
    await page.close();
  }
  writeFileSync(join(ARTIFACTS, 'results.json'), JSON.stringify(results, null, 2));
  const failed = results.filter((r) => !r.ok);
  log(`${results.length - failed.length}/${results.length} scenarios passed`);
  return failed.length ? 1 : 0;
}

let code = 2;
try {
  code = await main();
} catch (e) {
  console.error(`[e2e] setup failed: ${e.message}`);
  code = 2;
} finally {
  clearTimeout(watchdog);
  await cleanup();
}
process.exit(code);
