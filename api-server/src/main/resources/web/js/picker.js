import { current, iso, label } from './period.js';
import { el } from './ui.js';

/** Period picker (month, quarter, year ending with a month, or custom dates); writes the address. */
export function picker(page, params, extra = {}) {
  const p = current(params);
  const last = new Date(p.to - 86400000);
  const kind = el('select', { id: 'period-kind', name: 'period' },
    ['month', 'quarter', 'year', 'custom'].map((k) => el('option', { value: k, selected: k === p.kind }, k)));
  const month = el('input', { id: 'period-month', type: 'month', value: iso(last).slice(0, 7), required: true });
  const from = el('input', { id: 'period-from', type: 'date', value: iso(p.from) });
  const to = el('input', { id: 'period-to', type: 'date', value: iso(p.to) });
  const custom = el('span', { class: 'custom', hidden: p.kind !== 'custom' },
    el('label', { for: 'period-from' }, 'From'), from, el('label', { for: 'period-to' }, 'to (exclusive)'), to);
  const ending = el('span', { hidden: p.kind === 'custom' }, el('label', { for: 'period-month' }, 'ending with'), month);
  kind.addEventListener('change', () => {
    custom.hidden = kind.value !== 'custom';
    ending.hidden = kind.value === 'custom';
  });
  const form = el('form', { class: 'picker', 'aria-label': 'Period' },
    el('label', { for: 'period-kind' }, 'Period'), kind, ending, custom,
    el('button', { type: 'submit' }, 'Show'),
    el('span', { class: 'period-label', id: 'period-label' }, `${label(p)} · compared with ${label(p.previous)}`));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams({ period: kind.value, ...extra });
    if (kind.value === 'custom') {
      next.set('from', from.value);
      next.set('to', to.value);
    } else {
      const [y, m] = month.value.split('-').map(Number);
      next.set('to', iso(new Date(Date.UTC(y, m, 1))));
    }
    location.hash = page + '?' + next;
  });
  return { form, period: p };
}
