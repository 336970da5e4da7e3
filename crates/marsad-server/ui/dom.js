// Small DOM helpers: elements are built with createElement and text nodes only, so no
// server string is ever parsed as HTML.

export const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(el, attrs) {
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// An internal link handled by the router.
export function link(href, attrs, ...children) {
  return h('a', { href, 'data-link': '', ...attrs }, ...children);
}

// Text with [start, end) highlight spans counted in code points (the API counts chars).
export function highlighted(text, spans, cls = 'hl') {
  const chars = Array.from(text);
  const out = [];
  let at = 0;
  for (const sp of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(sp.start, at);
    if (start >= sp.end) continue;
    if (start > at) out.push(chars.slice(at, start).join(''));
    out.push(h('mark', { class: cls }, chars.slice(start, sp.end).join('')));
    at = sp.end;
  }
  if (at < chars.length) out.push(chars.slice(at).join(''));
  return out;
}

export function emptyState(text) {
  return h('p', { class: 'empty', role: 'status' }, text);
}
