// The actor timeline: for each month, a bar of articles mentioning the actor and, beside
// it, a stacked bar of events (cooperation below, conflict above). Drawn as SVG, no library.

import { s } from './dom.js';
import { monthLabel, t, fmt } from './i18n.js';

function monthsBetween(first, last) {
  const out = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
    if (out.length > 600) break;
  }
  return out;
}

// The axis top: four equal integer steps of a round size covering `v`.
function niceMax(v) {
  const raw = Math.max(1, Math.ceil(v / 4));
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * p).find((s) => s >= raw) ?? raw;
  return step * 4;
}

export function timelineChart(points) {
  const known = points.filter((p) => /^\d{4}-\d{2}$/.test(p.month)).sort((a, b) => a.month.localeCompare(b.month));
  if (!known.length) return null;
  const byMonth = new Map(known.map((p) => [p.month, p]));
  const months = monthsBetween(known[0].month, known[known.length - 1].month);
  const W = 760, H = 240, left = 40, right = 12, top = 14, bottom = 44;
  const plotW = W - left - right, plotH = H - top - bottom;
  const max = niceMax(Math.max(1, ...known.map((p) => Math.max(p.mentions, p.cooperation + p.conflict, p.events))));
  const slot = plotW / months.length;
  const barW = Math.max(2, Math.min(22, slot * 0.38));
  const y = (v) => top + plotH - (v / max) * plotH;

  const svg = s('svg', {
    class: 'chart timeline', viewBox: `0 0 ${W} ${H}`, role: 'img',
    'aria-label': t('timeline'), preserveAspectRatio: 'xMidYMid meet',
  });
  // Grid and y axis.
  for (let i = 0; i <= 4; i++) {
    const v = (max / 4) * i;
    const gy = y(v);
    svg.append(s('line', { class: 'grid', x1: left, x2: W - right, y1: gy, y2: gy }));
    svg.append(s('text', { class: 'axis', x: left - 6, y: gy + 4, 'text-anchor': 'end' }, fmt(Math.round(v))));
  }
  months.forEach((m, i) => {
    const p = byMonth.get(m) ?? { month: m, mentions: 0, events: 0, cooperation: 0, conflict: 0 };
    const x0 = left + i * slot + slot / 2;
    const g = s('g', { class: 'month', 'data-month': m });
    if (p.mentions > 0) {
      g.append(s('rect', {
        class: 'bar mentions', x: x0 - barW - 1, y: y(p.mentions), width: barW, height: top + plotH - y(p.mentions),
      }, s('title', {}, `${monthLabel(m)}: ${fmt(p.mentions)} ${t('mentions')}`)));
    }
    let base = 0;
    for (const [cls, v] of [['cooperation', p.cooperation], ['conflict', p.conflict]]) {
      if (v > 0) {
        g.append(s('rect', {
          class: `bar ${cls}`, x: x0 + 1, y: y(base + v), width: barW, height: y(base) - y(base + v),
        }, s('title', {}, `${monthLabel(m)}: ${fmt(v)} ${t(cls)}`)));
        base += v;
      }
    }
    const other = p.events - p.cooperation - p.conflict;
    if (other > 0) {
      g.append(s('rect', {
        class: 'bar events', x: x0 + 1, y: y(base + other), width: barW, height: y(base) - y(base + other),
      }, s('title', {}, `${monthLabel(m)}: ${fmt(other)} ${t('events')}`)));
    }
    const every = Math.ceil(months.length / 12);
    if (i % every === 0 || i === months.length - 1) {
      const [yy, mm] = m.split('-');
      g.append(s('text', { class: 'axis', x: x0, y: H - bottom + 16, 'text-anchor': 'middle' }, monthLabel(m, true)));
      if (i === 0 || mm === '01') {
        g.append(s('text', { class: 'axis year', x: x0, y: H - bottom + 32, 'text-anchor': 'middle' }, yy));
      }
    }
    svg.append(g);
  });
  svg.append(s('line', { class: 'baseline', x1: left, x2: W - right, y1: top + plotH, y2: top + plotH }));
  return svg;
}
