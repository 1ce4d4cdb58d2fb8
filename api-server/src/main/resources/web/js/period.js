// The period in the address: #page?period=month|quarter|year|custom&to=YYYY-MM-DD[&from=YYYY-MM-DD].
// `to` is exclusive, as in the API. Default: the last complete calendar month.
const MONTHS = { month: 1, quarter: 3, year: 12 };

export const iso = (d) => d.toISOString().slice(0, 10);
export const parse = (s) => new Date(s + 'T00:00:00Z');

export function addMonths(date, months) {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
}

export function firstOfMonth(date) {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

export function current(params) {
  const kind = MONTHS[params.get('period')] || params.get('period') === 'custom' ? params.get('period') : 'month';
  if (kind === 'custom' && params.get('from') && params.get('to')) {
    const from = parse(params.get('from'));
    const to = parse(params.get('to'));
    const days = (to - from) / 86400000;
    return { kind, from, to, previous: { from: new Date(from - days * 86400000), to: from } };
  }
  const to = params.get('to') ? firstOfMonth(parse(params.get('to'))) : firstOfMonth(new Date());
  const span = MONTHS[kind] || 1;
  const from = addMonths(to, -span);
  return { kind: MONTHS[kind] ? kind : 'month', from, to, previous: { from: addMonths(from, -span), to: from } };
}

export function label(p) {
  const last = new Date(p.to - 86400000);
  return `${iso(p.from)} to ${iso(last)}`;
}
