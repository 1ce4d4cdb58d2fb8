// Formatting only: the numbers are the API's, shown in the tenant's reporting currency.
let currency = 'USD';

export function setCurrency(code) {
  currency = code;
}

export const missing = '—';

export function money(value, compact = false) {
  if (value === null || value === undefined) return missing;
  return new Intl.NumberFormat('en-US', {
    style: 'currency', currency, notation: compact ? 'compact' : 'standard',
    maximumFractionDigits: compact ? 1 : 2, minimumFractionDigits: compact ? 0 : 2,
  }).format(value);
}

export function pct(value) {
  return value === null || value === undefined ? missing : Number(value).toFixed(2) + ' %';
}

export function num(value, digits = 2) {
  if (value === null || value === undefined) return missing;
  return Number(value).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function int(value) {
  return value === null || value === undefined ? missing : Number(value).toLocaleString('en-US');
}

// A display name beside an id when the API sends one (product_line_name), else the id.
export function lineName(row, field = 'product_line') {
  return row[field + '_name'] || row[field];
}

export function delta(current, previous, kind) {
  if (current === null || current === undefined || previous === null || previous === undefined) return '';
  const d = Number(current) - Number(previous);
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  if (kind === 'pct') return `${sign}${Math.abs(d).toFixed(2)} pp`;
  if (Number(previous) === 0) return `${sign}${kind === 'money' ? money(Math.abs(d)) : num(Math.abs(d))}`;
  return `${sign}${Math.abs(d / Number(previous) * 100).toFixed(1)} %`;
}
