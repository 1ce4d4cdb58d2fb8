import { api, query } from '../api.js';
import { delta, int, lineName, missing, money, num, pct } from '../format.js';
import { addMonths, iso } from '../period.js';
import { picker } from '../picker.js';
import { chart, el, fill, section, table } from '../ui.js';

// Headline cards: field of GET /v1/metrics/cross-sell, label, kind. NRR and GRR show when the API sends them.
const CARDS = [
  ['ending_mrr', 'MRR', 'money'],
  ['cross_sell_mrr', 'Cross-sell MRR', 'money'],
  ['cross_sell_rate_pct', 'Cross-sell rate', 'pct'],
  ['customer_cross_sell_rate_pct', 'Customer cross-sell rate', 'pct'],
  ['products_per_customer', 'Products per customer', 'num'],
  ['attachment_rate', 'Attachment rate', 'num'],
  ['net_revenue_retention_pct', 'Net revenue retention', 'pct'],
  ['gross_revenue_retention_pct', 'Gross revenue retention', 'pct'],
];

const show = (kind, v) => (kind === 'money' ? money(v) : kind === 'pct' ? pct(v) : num(v));
const crossSell = (from, to) => api('/v1/metrics/cross-sell?' + query({ from: iso(from), to: iso(to) }));

export async function render(view, params) {
  const { form, period } = picker('overview', params);
  const cards = el('div', { class: 'cards', id: 'kpis' });
  const benchmark = el('div');
  const lines = el('div');
  const insights = el('div');
  view.append(el('h1', {}, 'Overview'), form, cards, section('Benchmark', benchmark),
    section('Top insights', insights), section('Cross-sell by product line', lines));

  const now = crossSell(period.from, period.to);
  const before = crossSell(period.previous.from, period.previous.to);
  await fill(cards, Promise.all([now, before]), ([a, b]) => CARDS.map(([field, title, kind]) => el('div', {
    class: 'card', 'data-field': field,
  }, el('h3', {}, title),
  el('p', { class: 'value', 'data-raw': a[field] ?? '' }, field in a ? show(kind, a[field]) : missing),
  el('p', { class: 'delta' }, field in a ? `${delta(a[field], b[field], kind)} vs previous (${show(kind, b[field])})` : 'not available yet'),
  el('div', { class: 'spark', 'data-spark': field }))));
  performance.mark('numbers-shown');
  const report = await now;
  const bm = report.benchmark;
  benchmark.replaceChildren(el('p', { class: 'verdict', 'data-field': 'benchmark_verdict', 'data-raw': bm.verdict },
    el('strong', {}, bm.verdict), ` · stage ${bm.stage} · healthy ${bm.healthy_range_pct.map(pct).join(' to ')}`
      + ` · top quartile ${pct(bm.top_quartile_pct)}`));
  lines.replaceChildren(table([
    { label: 'Product line', value: (r) => lineName(r) },
    { label: 'Cross-sell MRR', value: (r) => money(r.cross_sell_mrr), numeric: true },
    { label: 'Share', value: (r) => pct(r.share_of_cross_sell_pct), numeric: true },
    { label: 'Attaches', value: (r) => num(r.attaches), numeric: true },
    { label: 'Penetration', value: (r) => pct(r.penetration_pct), numeric: true },
  ], report.by_product_line));
  fill(insights, api('/v1/analytics/insights?' + query({ from: iso(period.from), to: iso(period.to) })),
    (r) => (r.insights.length ? el('ol', { class: 'insights' }, r.insights.slice(0, 5).map((i) => el('li', {
      class: 'insight ' + i.severity,
    }, el('strong', {}, i.title), evidence(i.comparison), el('p', {}, i.recommendation)))) : el('p', {}, 'No insight is supported by this period’s data.')));
  sparklines(period.to);
}

// The test behind an insight, as the API states it; account-wide insights carry none.
function evidence(c) {
  if (!c) return el('p', { class: 'evidence' }, 'Describes the whole account: no comparison of groups.');
  const signed = (v) => (Number(v) > 0 ? '+' : '') + num(v, 1);
  return el('p', { class: 'evidence', 'data-ci-low': c.ci_low_pct_points, 'data-ci-high': c.ci_high_pct_points },
    `${c.group_a} ${pct(c.rate_pct_a)} (${int(c.customers_a)} customers) vs ${c.group_b} ${pct(c.rate_pct_b)} `
      + `(${int(c.customers_b)} customers): ${signed(c.difference_pct_points)} points, 95 % interval `
      + `${signed(c.ci_low_pct_points)} to ${signed(c.ci_high_pct_points)}; ${c.test}, p ${pvalue(c.p_value)}`
      + (c.adjusted_p_value != null ? ` (adjusted p ${pvalue(c.adjusted_p_value)})` : '') + '.');
}

const pvalue = (p) => (p == null ? 'not computed' : Number(p) < 0.0001 ? '< 0.0001' : '= ' + num(p, 4));

// Twelve monthly windows ending with the period; the server caches each one.
async function sparklines(to) {
  const months = Array.from({ length: 12 }, (_, i) => addMonths(to, i - 12));
  const reports = await Promise.all(months.map((m) => crossSell(m, addMonths(m, 1)).catch(() => null)));
  for (const [field, title, kind] of CARDS) {
    const box = document.querySelector(`[data-spark="${field}"]`);
    if (!box || reports.every((r) => !r || !(field in r))) continue;
    const values = reports.map((r) => (r ? r[field] : null));
    const words = months.map((m, i) => `${iso(m).slice(0, 7)}: ${show(kind, values[i])}`).join('; ');
    box.replaceChildren(chart(`${title}, last 12 months: ${words}`, {
      grid: { left: 2, right: 2, top: 4, bottom: 2 },
      xAxis: { type: 'category', show: false, data: months.map((m) => iso(m).slice(0, 7)) },
      yAxis: { type: 'value', show: false, scale: true },
      tooltip: { trigger: 'axis' },
      series: [{ type: 'line', data: values, symbol: 'none', lineStyle: { width: 2 }, areaStyle: { opacity: 0.15 } }],
    }, null, 48));
  }
}
