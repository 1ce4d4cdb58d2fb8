import { api, query } from '../api.js';
import { int, money, num, pct } from '../format.js';
import { addMonths, iso } from '../period.js';
import { picker } from '../picker.js';
import { chart, el, fill, heatColors, section, table } from '../ui.js';

export async function render(view, params) {
  const { form, period } = picker('cohorts', params);
  const heat = el('div');
  const churn = el('div');
  const clv = el('div');
  view.append(el('h1', {}, 'Cohorts & retention'), form,
    section('Attached-cohort logo retention (% of customers that cross-sold in the month, still active N months later)', heat),
    section('Churn by lines held', churn), section('Customer lifetime value: single- versus multi-line', clv));
  // the six cohorts whose twelve months after fit before the period's end
  const months = Array.from({ length: 6 }, (_, i) => iso(addMonths(period.to, i - 18)).slice(0, 7));
  await fill(heat, Promise.all(months.map((m) => api('/v1/analytics/cohorts?' + query({ month: m })))), (cohorts) => {
    const cells = [];
    cohorts.forEach((c, y) => c.points.forEach((p) => cells.push([p.months_after - 1, y, p.attached_logo_retention_pct])));
    return chart('Retention of each attached cohort by months after. Table below.', {
      tooltip: { position: 'top' }, grid: { left: 8, right: 10, top: 10, bottom: 70, containLabel: true },
      xAxis: { type: 'category', name: 'months after', nameLocation: 'center', nameGap: 25, data: Array.from({ length: 12 }, (_, i) => i + 1) },
      yAxis: { type: 'category', data: cohorts.map((c) => `${c.month} (${c.attached_customers})`) },
      visualMap: { min: 0, max: 100, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: heatColors } },
      series: [{ type: 'heatmap', data: cells, label: { show: true, formatter: (p) => (p.value[2] === null ? '' : Math.round(p.value[2])) } }],
    }, table([{ label: 'Cohort', value: (c) => c.month }, { label: 'Attached', value: (c) => int(c.attached_customers), numeric: true },
      ...Array.from({ length: 12 }, (_, i) => ({ label: `+${i + 1}`, numeric: true,
        value: (c) => pct(c.points[i] ? c.points[i].attached_logo_retention_pct : null) }))], cohorts), 330);
  });
  const window = { from: iso(period.from), to: iso(period.to) };
  fill(churn, api('/v1/analytics/churn-risk?' + query(window)), (r) => [chart('Churn rate by lines held. Table below.', {
    grid: { left: 8, right: 10, top: 10, bottom: 30, containLabel: true }, tooltip: {},
    xAxis: { type: 'category', data: r.by_lines_held.map((g) => g.lines_held + ' line(s)') },
    yAxis: { type: 'value', axisLabel: { formatter: '{value} %' } },
    series: [{ type: 'bar', data: r.by_lines_held.map((g) => g.churn_rate_pct), itemStyle: { color: '#e15759' } }],
  }, table([{ label: 'Lines held', value: (g) => g.lines_held }, { label: 'Customers', value: (g) => int(g.customers), numeric: true },
    { label: 'Churned', value: (g) => int(g.churned), numeric: true }, { label: 'Churn rate', value: (g) => pct(g.churn_rate_pct), numeric: true }],
  r.by_lines_held), 240)]);
  fill(clv, api('/v1/analytics/clv?' + query(window)), (r) => {
    const groups = [['Overall', r.overall], ['Single line', r.single_line], ['Multi-line', r.multi_line]];
    return chart(`CLV: single-line ${money(r.single_line.clv)}, multi-line ${money(r.multi_line.clv)}. Table below.`, {
      grid: { left: 8, right: 10, top: 10, bottom: 30, containLabel: true }, tooltip: {},
      xAxis: { type: 'category', data: groups.map((g) => g[0]) },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v) => money(v, true) } },
      series: [{ type: 'bar', data: groups.map((g) => g[1].clv), itemStyle: { color: '#4e79a7' } }],
    }, table([{ label: 'Group', value: (g) => g[0] }, { label: 'Customers at start', value: (g) => int(g[1].starting_customers), numeric: true },
      { label: 'ARPA', value: (g) => money(g[1].arpa), numeric: true }, { label: 'Monthly churn', value: (g) => num(g[1].monthly_churn_rate, 4), numeric: true },
      { label: 'Lifetime (months)', value: (g) => num(g[1].lifetime_months), numeric: true }, { label: 'CLV', value: (g) => money(g[1].clv), numeric: true }],
    groups), 240);
  });
}
