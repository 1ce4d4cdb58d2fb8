// Small DOM helpers: elements, tables, charts that always come with a table alternative.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function section(title, ...children) {
  return el('section', { class: 'panel' }, el('h2', {}, title), ...children);
}

/** columns: [{label, value: row => text, raw?: row => value, numeric?}] */
export function table(columns, rows, caption, empty = 'No data for this period.') {
  return el('div', { class: 'table-wrap' }, el('table', {},
    caption ? el('caption', {}, caption) : null,
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label)))),
    el('tbody', {}, rows.length === 0
      ? el('tr', {}, el('td', { colspan: columns.length }, empty))
      : rows.map((row) => el('tr', {}, columns.map((c) => el('td', {
        class: c.numeric ? 'num' : null, 'data-raw': c.raw ? c.raw(row) : null,
      }, c.value(row))))))));
}

/** Columns for every scalar field of the rows, for data shown as it comes. */
export function autoColumns(rows, formats = {}) {
  const names = rows.length ? Object.keys(rows[0]).filter((k) => rows[0][k] === null || typeof rows[0][k] !== 'object') : [];
  return names.map((name) => ({
    label: name.replaceAll('_', ' '), numeric: typeof rows[0][name] === 'number',
    value: (r) => (formats[name] ? formats[name](r[name]) : r[name] === null ? '—' : r[name]),
  }));
}

const charts = new Set();
window.addEventListener('resize', () => charts.forEach((c) => c.resize()));

export function disposeCharts() {
  charts.forEach((c) => c.dispose());
  charts.clear();
}

/** A chart described in words for screen readers, with its data as a table under it. */
export function chart(description, option, alternative, height = 320) {
  const box = el('div', { class: 'chart', role: 'img', 'aria-label': description, style: `height:${height}px` });
  const wrap = el('figure', { class: 'figure' }, box,
    alternative ? el('details', {}, el('summary', {}, 'Table of this chart'), alternative) : null);
  requestAnimationFrame(() => {
    const instance = window.echarts.init(box, null, { renderer: 'canvas' });
    instance.setOption({ animation: false, ...option });
    charts.add(instance);
  });
  return wrap;
}

export function loading(text = 'Loading…') {
  return el('p', { class: 'loading', role: 'status' }, text);
}

export function errorBox(error) {
  return el('p', { class: 'error', role: 'alert' }, error.message || String(error));
}

/** Fills a container when a promise settles, showing a loading state meanwhile. */
export async function fill(container, promise, render) {
  container.replaceChildren(loading());
  try {
    const value = await promise;
    container.replaceChildren(...[render(value)].flat());
  } catch (error) {
    container.replaceChildren(errorBox(error));
  }
}

export const heatColors = ['#f1f5fb', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];
