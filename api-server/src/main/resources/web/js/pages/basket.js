import { api, query } from '../api.js';
import { int, num, pct } from '../format.js';
import { iso } from '../period.js';
import { picker } from '../picker.js';
import { chart, el, fill, heatColors, section, table } from '../ui.js';

export async function render(view, params) {
  const { form, period } = picker('basket', params);
  const lift = el('div');
  const sequences = el('div');
  const adoption = el('div');
  const date = iso(new Date(period.to - 86400000));
  view.append(el('h1', {}, 'Basket & journeys'), form, section(`Lift between lines held together on ${date}`, lift),
    section('Adoption sequences (which line came second)', sequences), section('Time to adoption (adoptions in the period)', adoption));
  const basket = api('/v1/analytics/basket?' + query({ date }));
  await fill(lift, basket, (b) => {
    const lines = [...new Set(b.pairs.flatMap((p) => [p.line_a, p.line_b]))].sort();
    const cells = b.pairs.flatMap((p) => [[lines.indexOf(p.line_a), lines.indexOf(p.line_b), p.lift],
      [lines.indexOf(p.line_b), lines.indexOf(p.line_a), p.lift]]);
    return chart('Lift of each pair of lines (1 = independent). Table below.', {
      tooltip: { position: 'top' }, grid: { left: 8, right: 10, top: 10, bottom: 90, containLabel: true },
      xAxis: { type: 'category', data: lines, axisLabel: { interval: 0, rotate: 30 } }, yAxis: { type: 'category', data: lines },
      visualMap: { min: 0, max: Math.max(2, ...cells.map((c) => c[2] || 0)), calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: heatColors } },
      series: [{ type: 'heatmap', data: cells, label: { show: true, formatter: (p) => Number(p.value[2]).toFixed(2) } }],
    }, table([{ label: 'Line A', value: (p) => p.line_a }, { label: 'Line B', value: (p) => p.line_b },
      { label: 'Both', value: (p) => int(p.holders_both), numeric: true }, { label: 'Support', value: (p) => num(p.support, 4), numeric: true },
      { label: 'Conf. A→B', value: (p) => num(p.confidence_a_to_b, 4), numeric: true },
      { label: 'Conf. B→A', value: (p) => num(p.confidence_b_to_a, 4), numeric: true },
      { label: 'Lift', value: (p) => num(p.lift, 4), numeric: true }], b.pairs), 80 + 45 * lines.length + 60);
  });
  await fill(sequences, basket, (b) => table([{ label: 'First line', value: (s) => s.first_line },
    { label: 'Then', value: (s) => s.second_line }, { label: 'Customers', value: (s) => int(s.customers), numeric: true },
    { label: 'Median days between', value: (s) => num(s.median_days_between), numeric: true }], b.sequences.slice(0, 20)));
  fill(adoption, api('/v1/analytics/time-to-adoption?' + query({ from: iso(period.from), to: iso(period.to) })), (t) => table([{ label: 'Product line', value: (l) => l.product_line },
    { label: 'Customers', value: (l) => int(l.customers), numeric: true }, { label: 'p25 days', value: (l) => num(l.p25_days), numeric: true },
    { label: 'Median days', value: (l) => num(l.median_days), numeric: true }, { label: 'p75 days', value: (l) => num(l.p75_days), numeric: true }],
  t.lines));
}
