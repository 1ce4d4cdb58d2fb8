import { api } from '../api.js';
import { int } from '../format.js';
import { el, fill, section, table } from '../ui.js';

export async function render(view) {
  const connections = el('div');
  const upload = el('div');
  const history = el('div');
  view.append(el('h1', {}, 'Data'), section('Stripe connections', connections),
    section('Upload canonical CSV files (a .zip)', upload), section('Import history', history));
  upload.append(uploadForm(() => showHistory(history)));
  await Promise.all([showConnections(connections), showHistory(history)]);
}

async function showConnections(box) {
  await fill(box, api('/v1/connections'), (list) => (list.length === 0
    ? el('p', {}, 'No Stripe account is connected. Connect one with POST /v1/connections/stripe (docs/stripe.md).')
    : list.map((c) => {
      const runs = el('div');
      watch(c.id, runs);
      return el('article', { class: 'connection' }, el('h3', {}, `Stripe ${c.livemode ? 'live' : 'test'} · ${c.key_hint}`),
        el('p', {}, `Connected ${c.created_at}; last synced ${c.last_synced_at || 'never'}.`), runs);
    })));
}

// Polls the sync runs while one is running, so a backfill shows a live progress bar.
async function watch(id, box) {
  const runs = await api(`/v1/connections/${id}/syncs?limit=5`);
  const list = Array.isArray(runs) ? runs : runs.syncs;
  box.replaceChildren(table([{ label: 'Kind', value: (r) => r.kind }, { label: 'State', value: (r) => r.state },
    { label: 'Progress', value: (r) => progress(r) }, { label: 'Started', value: (r) => r.started_at },
    { label: 'Finished', value: (r) => r.finished_at || '' },
    { label: 'Errors', value: (r) => (r.errors && r.errors.length ? r.errors.join('; ') : '') }], list));
  if (list.some((r) => r.state === 'running') && box.isConnected) setTimeout(() => watch(id, box), 2000);
}

function progress(run) {
  const { done, estimated } = run.progress;
  if (!estimated) return `${int(done)} objects`;
  return el('span', {}, el('progress', { max: estimated, value: Math.min(done, estimated) }), ` ${int(done)} / ${int(estimated)}`);
}

function uploadForm(onImported) {
  const file = el('input', { id: 'upload-file', type: 'file', accept: '.zip,application/zip', required: true });
  const result = el('div', { id: 'upload-result', role: 'status' });
  const form = el('form', { class: 'upload' }, el('label', { for: 'upload-file' }, 'Zip of customers.csv, products.csv, subscription_items.csv …'),
    file, el('button', { type: 'submit' }, 'Import'), result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!file.files[0]) return;
    result.replaceChildren(el('p', { class: 'loading' }, 'Importing…'));
    try {
      const done = await api('/v1/imports', { method: 'POST', body: file.files[0], type: 'application/zip' });
      result.replaceChildren(el('p', { class: 'ok' }, `Imported (${done.status}): ${int(done.counts.customers)} customers, `
        + `${int(done.counts.subscription_items)} subscription items.`));
      onImported();
    } catch (error) {
      const errors = error.problem && error.problem.errors ? error.problem.errors : [];
      result.replaceChildren(el('p', { class: 'error', role: 'alert' }, error.message),
        errors.length ? table([{ label: 'File', value: (e) => e.file || '' }, { label: 'Line', value: (e) => e.line ?? '', numeric: true },
          { label: 'Column', value: (e) => e.field || '' }, { label: 'Problem', value: (e) => e.message }], errors) : null);
    }
  });
  return form;
}

async function showHistory(box) {
  await fill(box, api('/v1/imports?limit=20'), (list) => table([{ label: 'When', value: (i) => i.created_at },
    { label: 'Source', value: (i) => i.source }, { label: 'Customers', value: (i) => int(i.counts.customers), numeric: true },
    { label: 'Subscription items', value: (i) => int(i.counts.subscription_items), numeric: true },
    { label: 'Data version', value: (i) => i.data_version, numeric: true }], list, null, 'No import yet.'));
}
