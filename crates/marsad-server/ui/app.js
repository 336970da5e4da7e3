// The single-page app: a router over the address, the header, the language toggle and
// error display. Pages live in pages.js.

import { h, clear, link } from './dom.js';
import { t, setLang, currentLang } from './i18n.js';
import { searchPage, articlePage, actorsPage, actorPage, eventsPage } from './pages.js';

const main = document.getElementById('main');
const header = document.getElementById('top');
let controller = null;

function renderHeader(path) {
  const nav = [['/', 'nav_search'], ['/actors', 'nav_actors'], ['/events', 'nav_events']];
  clear(header).append(
    link('/', { class: 'brand' }, h('img', { src: '/assets/icon.svg', alt: '', width: 28, height: 28 }), h('span', {}, t('brand')), h('small', {}, t('tagline'))),
    h('nav', { 'aria-label': 'main' }, nav.map(([href, key]) => {
      const active = href === '/' ? path === '/' || path.startsWith('/article/') : path.startsWith(href.replace(/s$/, ''));
      return link(href, { class: active ? 'active' : '', 'aria-current': active ? 'page' : null }, t(key));
    })),
    h('button', { type: 'button', class: 'lang', id: 'lang-toggle', onclick: () => { setLang(currentLang() === 'ar' ? 'en' : 'ar'); render(); } }, t('lang_toggle')));
}

async function render() {
  const url = new URL(window.location.href);
  const path = decodeURIComponent(url.pathname);
  renderHeader(url.pathname);
  document.title = t('brand');
  if (controller) controller.abort();
  controller = new AbortController();
  const { signal } = controller;
  main.setAttribute('aria-busy', 'true');
  try {
    let m;
    if (path === '/') await searchPage(main, url, signal);
    else if ((m = /^\/article\/([^/]+)$/.exec(path))) await articlePage(main, m[1], signal);
    else if (path === '/actors') await actorsPage(main, url, signal);
    else if ((m = /^\/actor\/([^/]+)$/.exec(path))) await actorPage(main, m[1], url, signal);
    else if (path === '/events') await eventsPage(main, url, signal);
    else throw Object.assign(new Error(t('not_found')), { status: 404 });
    if (url.hash) {
      const target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
      if (target) { target.scrollIntoView({ block: 'center' }); target.classList.add('flash'); }
    }
  } catch (e) {
    if (e.name === 'AbortError') return;
    clear(main).append(h('div', { class: 'error', role: 'alert' },
      h('h1', {}, e.status === 404 ? t('not_found') : t('error')),
      h('p', {}, e.message),
      link('/', {}, t('back_to_search'))));
  } finally {
    if (!signal.aborted) main.setAttribute('aria-busy', 'false');
  }
}

window.marsadNavigate = (href) => {
  history.pushState(null, '', href);
  window.scrollTo(0, 0);
  render();
};

document.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-link]');
  if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  window.marsadNavigate(a.getAttribute('href'));
});
window.addEventListener('popstate', render);

setLang(currentLang());
render();
