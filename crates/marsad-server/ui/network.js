// The counterparts network: a deterministic force-directed layout (Fruchterman–Reingold,
// fixed iterations, the focal actor pinned at the centre) drawn as SVG. Edges with events
// are green for mostly cooperative relations, red for mostly conflictual ones, grey when
// balanced; edges of co-mentions only are dashed. Nodes and edges are clickable.

import { s } from './dom.js';
import { t, fmt } from './i18n.js';

function polarity(e) {
  if (!e.events) return 'comention';
  if (e.cooperation > e.conflict) return 'cooperation';
  if (e.conflict > e.cooperation) return 'conflict';
  return 'mixed';
}

// An ego network: the focal actor at the centre, the others on two ellipses (the
// strongest ties on the inner one), ordered around them by angle so that labels spread.
export function egoLayout(nodes, edges, center, W, H) {
  const strength = new Map();
  for (const e of edges) {
    if (e.source === center) strength.set(e.target, (strength.get(e.target) ?? 0) + e.weight);
    if (e.target === center) strength.set(e.source, (strength.get(e.source) ?? 0) + e.weight);
  }
  const others = nodes.filter((v) => v.id !== center)
    .sort((a, b) => (strength.get(b.id) ?? 0) - (strength.get(a.id) ?? 0) || a.label.localeCompare(b.label));
  const inner = others.slice(0, Math.min(8, Math.ceil(others.length / 3)));
  const outer = others.slice(inner.length);
  const pos = new Map([[center, { x: W / 2, y: H / 2 }]]);
  const ring = (list, rx, ry, phase) => list.forEach((v, i) => {
    const a = phase + (2 * Math.PI * i) / list.length;
    pos.set(v.id, { x: W / 2 + rx * Math.cos(a), y: H / 2 + ry * Math.sin(a) });
  });
  ring(inner, W * 0.2, H * 0.24, -Math.PI / 2);
  ring(outer, W * 0.4, H * 0.4, -Math.PI / 2 + Math.PI / Math.max(1, outer.length));
  return pos;
}

// A force-directed layout for graphs without a focal actor.
export function layout(nodes, edges, center, W, H) {
  const n = nodes.length;
  const pos = new Map();
  nodes.forEach((node, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    pos.set(node.id, node.id === center ? { x: W / 2, y: H / 2 } : { x: W / 2 + (W / 3) * Math.cos(a), y: H / 2 + (H / 3) * Math.sin(a) });
  });
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.6;
  let temp = W / 8;
  for (let iter = 0; iter < 300; iter++) {
    const disp = new Map(nodes.map((v) => [v.id, { x: 0, y: 0 }]));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = pos.get(nodes[i].id), b = pos.get(nodes[j].id);
        let dx = a.x - b.x, dy = a.y - b.y;
        let d = Math.hypot(dx, dy);
        if (d < 0.01) { dx = 0.01 * (i + 1); dy = 0.01 * (j + 1); d = Math.hypot(dx, dy); }
        const f = (k * k) / d;
        const da = disp.get(nodes[i].id), db = disp.get(nodes[j].id);
        da.x += (dx / d) * f; da.y += (dy / d) * f;
        db.x -= (dx / d) * f; db.y -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      const a = pos.get(e.source), b = pos.get(e.target);
      if (!a || !b || a === b) continue;
      const dx = a.x - b.x, dy = a.y - b.y;
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const f = (d * d) / k;
      const da = disp.get(e.source), db = disp.get(e.target);
      da.x -= (dx / d) * f; da.y -= (dy / d) * f;
      db.x += (dx / d) * f; db.y += (dy / d) * f;
    }
    for (const v of nodes) {
      if (v.id === center) continue;
      const p = pos.get(v.id), d = disp.get(v.id);
      const len = Math.max(0.01, Math.hypot(d.x, d.y));
      p.x += (d.x / len) * Math.min(len, temp);
      p.y += (d.y / len) * Math.min(len, temp);
      p.x = Math.min(W - 60, Math.max(60, p.x));
      p.y = Math.min(H - 30, Math.max(30, p.y));
    }
    temp = Math.max(1, temp * 0.97);
  }
  return pos;
}

export function networkChart(graph, center, { onNode, onEdge } = {}) {
  const nodes = graph.nodes ?? [];
  const edges = (graph.edges ?? []).filter((e) => e.source !== e.target);
  if (!nodes.length || !edges.length) return null;
  const W = 760, H = 460;
  const pos = nodes.some((v) => v.id === center) ? egoLayout(nodes, edges, center, W, H) : layout(nodes, edges, center, W, H);
  const maxW = Math.max(1, ...edges.map((e) => e.weight));
  const maxN = Math.max(1, ...nodes.map((v) => v.weight));
  const svg = s('svg', { class: 'chart network', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': t('network') });
  const gEdges = s('g', { class: 'edges' });
  const isEgo = (e) => e.source === center || e.target === center;
  for (const e of [...edges].sort((x, y) => Number(isEgo(x)) - Number(isEgo(y)))) {
    const a = pos.get(e.source), b = pos.get(e.target);
    if (!a || !b) continue;
    const cls = polarity(e);
    const ego = e.source === center || e.target === center;
    const line = s('line', {
      class: `edge ${cls}${ego ? ' ego' : ' peer'}`, x1: a.x, y1: a.y, x2: b.x, y2: b.y,
      'stroke-width': (ego ? 1.5 : 0.8) + (ego ? 5 : 2) * Math.sqrt(e.weight / maxW), tabindex: 0,
      'data-source': e.source, 'data-target': e.target,
    }, s('title', {}, `${t('shared_articles', e.articles)} — ${t('events_count', e.events)}: ${t('cooperation')} ${fmt(e.cooperation)}، ${t('conflict')} ${fmt(e.conflict)}`));
    if (onEdge) {
      line.addEventListener('click', () => onEdge(e));
      line.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') onEdge(e); });
    }
    gEdges.append(line);
  }
  svg.append(gEdges);
  const gNodes = s('g', { class: 'nodes' });
  for (const v of nodes) {
    const p = pos.get(v.id);
    const r = v.id === center ? 16 : 7 + 9 * Math.sqrt(v.weight / maxN);
    const g = s('g', { class: `node${v.id === center ? ' center' : ''}`, tabindex: 0, 'data-id': v.id, transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})` });
    // Labels go outward: below the lower half, above the upper half.
    const below = v.id === center || p.y >= H / 2;
    g.append(s('circle', { r }), s('text', { y: below ? r + 14 : -r - 6, 'text-anchor': 'middle' }, v.label), s('title', {}, v.label));
    if (onNode && v.id !== center) {
      g.addEventListener('click', () => onNode(v));
      g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') onNode(v); });
    }
    gNodes.append(g);
  }
  svg.append(gNodes);
  return svg;
}
