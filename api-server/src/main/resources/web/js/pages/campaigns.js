import { api, query } from '../api.js';
import { money, num, pct } from '../format.js';
import { iso } from '../period.js';
import { picker } from '../picker.js';
import { autoColumns, chart, el, fill, section, table } from '../ui.js';

export async function render(view, params) {
  const { form, period } = picker('campaigns', params);
  const window = { from: iso(period.from), to: iso(period.to) };
  const campaigns = el('div');
  const journeys = el('div');
  const engagement = el('div');
  view.append(el('h1', {}, 'Campaigns & engagement'), form, section('Campaigns', campaigns),
    section('Journeys by channel', journeys), section('Engagement', engagement));
  const moneyFields = { cost: money, attributed_cross_sell_mrr: money, incremental_revenue: money, roi_pct: pct, cross_sell_mrr: money };
  await fill(campaigns, api('/v1/analytics/campaigns?' + query(window)), (c) => (c.campaigns.length === 0
    ? el('p', {}, 'This tenant records no campaigns in this period.')
    : [el('p', {}, `Attributed cross-sell MRR ${money(c.attributed_cross_sell_mrr)} of ${money(c.cross_sell_mrr)}; `
      + `exposed vs unexposed uplift ${num(c.uplift.uplift_pct_points)} pp (95 % interval ${num(c.uplift.ci_low_pct_points)} to `
      + `${num(c.uplift.ci_high_pct_points)}; ${c.uplift.significant ? 'significant' : 'not significant'}).`),
    chart('Attributed cross-sell MRR by campaign. Table below.', {
      grid: { left: 8, right: 20, top: 10, bottom: 30, containLabel: true }, tooltip: {},
      yAxis: { type: 'category', data: c.campaigns.map((x) => x.name) },
      xAxis: { type: 'value', axisLabel: { formatter: (v) => money(v, true) } },
      series: [{ type: 'bar', data: c.campaigns.map((x) => x.attributed_cross_sell_mrr), itemStyle: { color: '#f28e2b' } }],
    }, table(autoColumns(c.campaigns, moneyFields), c.campaigns), 60 + 28 * c.campaigns.length)]));
  fill(journeys, api('/v1/analytics/journeys?' + query(window)), (j) => table(autoColumns(j.channels), j.channels));
  fill(engagement, api('/v1/analytics/engagement?' + query(window)), (e) => [
    el('p', {}, `${e.customers_with_usage} of ${e.active_customers} active customers used the product; `
      + `mean ${num(e.depth.mean_features)} features each.`),
    table(autoColumns(e.quartiles, { cross_sell_mrr: money }), e.quartiles, 'Cross-sell and churn by engagement quartile'),
    table(autoColumns(e.features), e.features, 'Feature usage')]);
}
