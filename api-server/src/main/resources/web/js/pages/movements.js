import { api, query } from '../api.js';
import { money } from '../format.js';
import { addMonths, iso } from '../period.js';
import { picker } from '../picker.js';
import { chart, el, fill, section, table } from '../ui.js';

// The API signs losses negative (spec/metrics.md); the sign here only picks the stack.
const TYPES = [
  ['new_business_mrr', 'New business', 1], ['reactivation_mrr', 'Reactivation', 1], ['cross_sell_mrr', 'Cross-sell', 1],
  ['upsell_mrr', 'Upsell', 1], ['contraction_mrr', 'Contraction', -1], ['line_churn_mrr', 'Line churn', -1],
  ['churn_mrr', 'Churn', -1],
];
const COLORS = ['#4e79a7', '#76b7b2', '#59a14f', '#edc948', '#f28e2b', '#e15759', '#b07aa1'];

export async function render(view, params) {
  const { form, period } = picker('movements', params);
  const bars = el('div');
  const waterfall = el('div');
  view.append(el('h1', {}, 'Movements'), form, section('Monthly MRR movements, last 12 months', bars),
    section('MRR bridge of the period', waterfall));
  const from = addMonths(period.to, -12);
  await fill(bars, api('/v1/metrics/movements?' + query({ from: iso(from), to: iso(period.to), granularity: 'month' })),
    (m) => chart('Stacked monthly movements; gains above zero, losses below. Table below.', {
      color: COLORS,
      legend: { top: 0 }, tooltip: { trigger: 'axis' }, grid: { left: 8, right: 10, top: 50, bottom: 30, containLabel: true },
      xAxis: { type: 'category', data: m.periods.map((p) => p.from.slice(0, 7)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v) => money(v, true) } },
      series: TYPES.map(([f, name, sign]) => ({ name, type: 'bar', stack: sign > 0 ? 'gain' : 'loss',
        data: m.periods.map((p) => p[f]) })),
    }, table([{ label: 'Month', value: (p) => p.from.slice(0, 7) },
      { label: 'Starting MRR', value: (p) => money(p.starting_mrr), numeric: true },
      ...TYPES.map(([f, name]) => ({ label: name, value: (p) => money(p[f]), numeric: true })),
      { label: 'Ending MRR', value: (p) => money(p.ending_mrr), numeric: true }], m.periods), 380));
  await fill(waterfall, api('/v1/metrics/cross-sell?' + query({ from: iso(period.from), to: iso(period.to) })), (r) => {
    const steps = [['Starting MRR', r.starting_mrr, 0]];
    let level = r.starting_mrr;
    for (const [f, name] of TYPES) {
      const next = level + r[f];
      steps.push([name, r[f], Math.min(level, next)]);
      level = next;
    }
    steps.push(['Ending MRR', r.ending_mrr, 0]);
    // Movements are small beside MRR: the axis starts near the lowest level, and says so.
    const lows = steps.slice(1, -1).map((s) => s[2]).concat([r.starting_mrr, r.ending_mrr]);
    const span = Math.max(...steps.map((s) => s[2] + Math.abs(s[1]))) - Math.min(...lows);
    const floor = Math.max(0, Math.min(...lows) - span * 0.5);
    const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(floor, 1))) - 1);
    const base = Math.floor(floor / magnitude) * magnitude;
    const bars = steps.map((s, i) => (i === 0 || i === steps.length - 1 ? [s[0], s[1], base] : s));
    return [el('p', { class: 'axis-note', id: 'waterfall-axis' }, base > 0
      ? `Axis starts at ${money(base)}, not at zero, so that the movements can be seen.` : 'Axis from zero.'),
    chart(`MRR bridge from ${money(r.starting_mrr)} to ${money(r.ending_mrr)}. Table below.`, {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, grid: { left: 8, right: 10, top: 20, bottom: 50, containLabel: true },
      xAxis: { type: 'category', data: steps.map((s) => s[0]), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', min: base, axisLabel: { formatter: (v) => money(v, true) } },
      series: [
        { type: 'bar', stack: 'w', itemStyle: { color: 'transparent' }, data: bars.map((s) => s[2]), tooltip: { show: false } },
        { type: 'bar', stack: 'w', label: { show: true, position: 'top', formatter: (p) => money(steps[p.dataIndex][1] || 0, true) },
          data: bars.map((s, i) => ({ value: i === 0 || i === bars.length - 1 ? s[1] - base : Math.abs(s[1]),
          itemStyle: { color: i === 0 || i === steps.length - 1 ? '#4e79a7' : s[1] >= 0 ? '#59a14f' : '#e15759' } })) },
      ],
    }, table([{ label: 'Step', value: (s) => s[0] }, { label: 'Amount', value: (s) => money(s[1]), numeric: true }], steps))];
  });
}
