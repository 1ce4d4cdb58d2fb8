import { api, setCsrfToken } from './api.js';
import { setCurrency } from './format.js';
import { disposeCharts, el, errorBox } from './ui.js';

const pages = {
  overview: () => import('./pages/overview.js'),
  movements: () => import('./pages/movements.js'),
  lines: () => import('./pages/lines.js'),
  cohorts: () => import('./pages/cohorts.js'),
  basket: () => import('./pages/basket.js'),
  prospects: () => import('./pages/prospects.js'),
  campaigns: () => import('./pages/campaigns.js'),
  data: () => import('./pages/data.js'),
  reports: () => import('./pages/reports.js'),
};

const main = document.getElementById('main');

function route() {
  const [name, search] = location.hash.slice(1).split('?');
  return { page: pages[name] ? name : 'overview', params: new URLSearchParams(search || '') };
}

async function show() {
  const { page, params } = route();
  disposeCharts();
  document.querySelectorAll('#nav a').forEach((a) => {
    if (a.getAttribute('href') === '#' + page) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  const view = el('div', { class: 'page', 'data-page': page });
  main.replaceChildren(view);
  try {
    const module = await pages[page]();
    await module.render(view, params);
    view.setAttribute('data-ready', 'true');
    performance.mark('page-ready');
  } catch (error) {
    view.replaceChildren(errorBox(error));
    view.setAttribute('data-ready', 'error');
  }
}

// Keep the period when moving between pages.
document.getElementById('nav').addEventListener('click', (event) => {
  const link = event.target.closest('a');
  if (!link) return;
  const { params } = route();
  const keep = new URLSearchParams([...params].filter(([k]) => ['period', 'from', 'to'].includes(k)));
  if ([...keep].length) {
    event.preventDefault();
    location.hash = link.getAttribute('href').slice(1) + '?' + keep;
  }
});

document.getElementById('sign-out').addEventListener('click', async () => {
  await api('/web/session', { method: 'DELETE' });
  location.href = '/web/sign-in.html';
});

async function start() {
  const response = await fetch('/web/session', { credentials: 'same-origin' });
  if (!response.ok) {
    location.replace('/web/sign-in.html' + location.hash);
    return;
  }
  const session = await response.json();
  setCsrfToken(session.csrf_token);
  setCurrency(session.currency);
  document.getElementById('tenant').textContent = `${session.tenant} · ${session.currency}`;
  window.addEventListener('hashchange', show);
  await show();
}

start();
