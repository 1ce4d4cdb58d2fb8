import { api, query } from '../api.js';
import { num } from '../format.js';
import { iso } from '../period.js';
import { picker } from '../picker.js';
import { el, fill, section, table } from '../ui.js';

const drivers = (p) => p.drivers.slice(0, 3).map((d) => `${d.feature} (${num(d.contribution, 3)})`).join(', ');

function csv(lines) {
  const quote = (v) => `"${String(v ?? '').replaceAll('"', '""')}"`;
  const rows = [['product_line', 'rank', 'customer_id', 'score', 'drivers']];
  lines.forEach((l) => l.prospects.forEach((p, i) => rows.push([l.product_line, i + 1, p.customer_id, p.score, drivers(p)])));
  return rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

export async function render(view, params) {
  const { form, period } = picker('prospects', params);
  const body = el('div');
  const date = iso(new Date(period.to - 86400000));
  view.append(el('h1', {}, 'Prospects'), form,
    el('p', {}, `Customers most likely to adopt each line within 90 days of ${date}. The first request of new data trains the models (seconds).`),
    body);
  await fill(body, api('/v1/analytics/propensity?' + query({ date, limit: 20 })), (r) => {
    const download = el('a', { class: 'button', id: 'prospects-csv', download: `prospects-${date}.csv`,
      href: URL.createObjectURL(new Blob([csv(r.lines)], { type: 'text/csv' })) }, 'Download CSV');
    return [el('p', {}, download, ` Pooled holdout AUC ${num(r.pooled.model.auc, 4)} (popularity ${num(r.pooled.popularity.auc, 4)}), `
      + `top-decile lift ${num(r.pooled.model.top_decile_lift, 2)}; ${r.sampled_customers} of ${r.customers} customers sampled.`),
    ...r.lines.map((l) => section(l.product_line,
      el('p', {}, l.model ? `Holdout AUC ${num(l.model.auc, 4)}, top-decile lift ${num(l.model.top_decile_lift, 2)} `
        + `(${l.holdout_rows} rows, ${l.holdout_adopters} adopters); segment baseline AUC ${num(l.baseline?.auc, 4)}.` : '', l.note ? ` ${l.note}` : ''),
      table([{ label: '#', value: (p) => l.prospects.indexOf(p) + 1, numeric: true }, { label: 'Customer', value: (p) => p.customer_id },
        { label: 'Score', value: (p) => num(p.score, 4), numeric: true }, { label: 'Main drivers', value: drivers }], l.prospects)))];
  });
}
