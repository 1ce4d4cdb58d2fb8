import { api, query } from '../api.js';
import { lineName, money, num, pct } from '../format.js';
import { iso } from '../period.js';
import { picker } from '../picker.js';
import { chart, el, fill, heatColors, section, table } from '../ui.js';

export async function render(view, params) {
  const attribute = params.get('segment_by') || 'segment';
  const { form, period } = picker('lines', params, { segment_by: attribute });
  const select = el('input', { id: 'segment-by', list: 'segment-attributes', value: attribute, size: 12 });
  const switcher = el('form', { class: 'picker', 'aria-label': 'Segment attribute' },
    el('label', { for: 'segment-by' }, 'Segment by'), select,
    el('datalist', { id: 'segment-attributes' }, ['segment', 'country', 'region', 'plan'].map((v) => el('option', { value: v }))),
    el('button', { type: 'submit' }, 'Switch'));
  switcher.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams(params);
    next.set('segment_by', select.value.trim());
    location.hash = 'lines?' + next;
  });
  const byLine = el('div');
  const heat = el('div');
  view.append(el('h1', {}, 'Product lines & segments'), form, switcher, section('Cross-sell MRR and penetration by line', byLine),
    section(`Penetration by line and ${attribute}`, heat));
  const report = api('/v1/metrics/cross-sell?' + query({ from: iso(period.from), to: iso(period.to), segment_by: attribute }));
  await fill(byLine, report, (r) => chart('Cross-sell MRR by product line. Table below.', {
    tooltip: { trigger: 'axis' }, grid: { left: 8, right: 20, top: 10, bottom: 30, containLabel: true },
    yAxis: { type: 'category', data: r.by_product_line.map((l) => lineName(l)) },
    xAxis: { type: 'value', axisLabel: { formatter: (v) => money(v, true) } },
    series: [{ type: 'bar', data: r.by_product_line.map((l) => l.cross_sell_mrr), itemStyle: { color: '#59a14f' } }],
  }, table([{ label: 'Product line', value: (l) => lineName(l) },
    { label: 'Cross-sell MRR', value: (l) => money(l.cross_sell_mrr), numeric: true },
    { label: 'Share', value: (l) => pct(l.share_of_cross_sell_pct), numeric: true },
    { label: 'Attaches', value: (l) => num(l.attaches), numeric: true },
    { label: 'Penetration', value: (l) => pct(l.penetration_pct), numeric: true },
    { label: 'Upsell MRR', value: (l) => money(l.upsell_mrr), numeric: true },
    { label: 'Line churn MRR', value: (l) => money(l.line_churn_mrr), numeric: true }], r.by_product_line), 300));
  await fill(heat, report, (r) => {
    const lines = r.by_product_line.map((l) => l.product_line);
    const names = r.by_product_line.map((l) => lineName(l));
    const segments = (r.by_segment || []).map((s) => s.segment);
    const cells = [];
    r.by_segment.forEach((s, y) => s.by_product_line.forEach((l) => {
      const x = lines.indexOf(l.product_line);
      if (x >= 0) cells.push([x, y, l.penetration_pct]);
    }));
    const rows = r.by_segment.map((s) => ({ segment: s.segment, ...Object.fromEntries(s.by_product_line.map((l) => [l.product_line, l.penetration_pct])) }));
    return chart(`Penetration (%) of each line in each ${attribute}. Table below.`, {
      tooltip: { position: 'top' }, grid: { left: 8, right: 20, top: 10, bottom: 80, containLabel: true },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'category', data: segments },
      visualMap: { min: 0, max: Math.max(1, ...cells.map((c) => c[2] || 0)), calculable: true, orient: 'horizontal',
        left: 'center', bottom: 0, inRange: { color: heatColors } },
      series: [{ type: 'heatmap', data: cells, label: { show: true, formatter: (p) => Number(p.value[2]).toFixed(1) } }],
    }, table([{ label: attribute, value: (r2) => r2.segment },
      ...lines.map((l, i) => ({ label: names[i], value: (r2) => pct(r2[l]), numeric: true }))], rows), 60 + 40 * segments.length + 80);
  });
}
