import { api, query } from '../api.js';
import { num } from '../format.js';
import { iso } from '../period.js';
import { picker } from '../picker.js';
import { el, fill, section, table } from '../ui.js';

const drivers = (p) => p.drivers.slice(0, 3).map((d) => `${d.feature} (${num(d.contribution, 3)})`).join(', ');

// A figure with its 95 % bootstrap interval, as the API sends both.
const withInterval = (v, low, high, digits) => `${num(v, digits)} (95 % interval ${num(low, digits)} to ${num(high, digits)})`;

// The holdout quality of a line's model; a line without enough adopters says so instead of showing figures.
function quality(l) {
  if (l.status !== 'ok' || !l.model) {
    const label = l.status === 'insufficient_data' ? 'Insufficient data' : 'No model';
    return el('p', { class: 'status', 'data-status': l.status }, el('strong', {}, label),
      ` (${l.holdout_rows} holdout rows, ${l.holdout_adopters} adopters): `
      + (l.note ? l.note.replace(/^insufficient data:\s*/i, '') : 'too few adopters to train and test a model') + '.');
  }
  const m = l.model;
  const verdict = l.beats_baseline === true ? 'beats the segment baseline'
    : l.beats_baseline === false ? 'does not beat the segment baseline beyond its interval' : '';
  return el('p', { class: 'quality', 'data-status': l.status },
    `Holdout AUC ${withInterval(m.auc, m.auc_ci_low, m.auc_ci_high, 3)}, top-decile lift `
      + `${withInterval(m.top_decile_lift, m.lift_ci_low, m.lift_ci_high, 2)} (${l.holdout_rows} rows, `
      + `${l.holdout_adopters} adopters); segment baseline AUC ${num(l.baseline?.auc, 3)}`
      + (verdict ? `; ${verdict}` : '') + '.' + (l.note ? ' ' + l.note : ''));
}

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
    const pm = r.pooled.model;
    const pooled = pm && pm.auc != null ? ` Pooled holdout AUC ${withInterval(pm.auc, pm.auc_ci_low, pm.auc_ci_high, 3)} (popularity `
      + `${num(r.pooled.popularity?.auc, 3)}), top-decile lift ${withInterval(pm.top_decile_lift, pm.lift_ci_low, pm.lift_ci_high, 2)}; `
      : ' Too few adopters for a pooled holdout quality; ';
    return [el('p', {}, download, pooled,
      `${r.sampled_customers} of ${r.customers} customers sampled.`),
    ...r.lines.map((l) => section(l.product_line,
      quality(l),
      table([{ label: '#', value: (p) => l.prospects.indexOf(p) + 1, numeric: true }, { label: 'Customer', value: (p) => p.customer_id },
        { label: 'Score', value: (p) => num(p.score, 4), numeric: true }, { label: 'Main drivers', value: drivers }], l.prospects)))];
  });
}
