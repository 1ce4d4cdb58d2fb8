import { api } from '../api.js';
import { el, fill, section, table } from '../ui.js';

export async function render(view) {
  const schedules = el('div');
  const reports = el('div');
  const message = el('div', { id: 'schedule-result', role: 'status' });
  const showReportList = () => showReports(reports);
  const period = sendPeriod();
  const form = scheduleForm(message, () => showSchedules(schedules, form, period, message, showReportList));
  view.append(el('h1', {}, 'Reports'), section('Schedules', schedules, period.box, form.element, message),
    section('Past reports', reports));
  await Promise.all([showSchedules(schedules, form, period, message, showReportList), showReportList()]);
}

function problem(message, error) {
  const errors = error.problem && error.problem.errors ? error.problem.errors : [];
  message.replaceChildren(el('p', { class: 'error', role: 'alert' }, error.message),
    el('ul', {}, errors.map((e) => el('li', {}, `${e.field}: ${e.message}`))));
}

async function showSchedules(box, form, period, message, onSent) {
  const refresh = () => showSchedules(box, form, period, message, onSent);
  const send = async (s) => {
    message.replaceChildren(el('p', {}, 'Generating the summary…'));
    try {
      const report = await api(`/v1/report-schedules/${s.id}/send`, { method: 'POST', body: JSON.stringify(period.value()),
        type: 'application/json' });
      message.replaceChildren(el('p', { class: 'ok', id: 'send-result' }, `Summary for ${report.from} to ${report.to} stored; `
        + `its email to ${s.recipients.join(', ')} is queued.`));
      onSent();
    } catch (error) {
      problem(message, error);
    }
  };
  await fill(box, api('/v1/report-schedules'), (list) => table([{ label: 'Cadence', value: (s) => s.cadence },
    { label: 'When', value: (s) => `day ${s.send_day} at ${s.send_time} ${s.time_zone}` },
    { label: 'Recipients', value: (s) => s.recipients.join(', ') }, { label: 'Next', value: (s) => s.next_run_at },
    { label: 'Actions', value: (s) => el('span', { class: 'actions' },
      el('button', { type: 'button', class: 'link', 'data-edit': s.id, 'aria-label': `Edit schedule ${s.id}`,
        onclick: () => form.edit(s, refresh) }, 'Edit'), ' · ',
      el('button', { type: 'button', class: 'link', 'data-send': s.id, 'aria-label': `Send schedule ${s.id} now`,
        onclick: () => send(s) }, 'Send now'), ' · ',
      el('button', { type: 'button', class: 'link', 'aria-label': `Delete schedule ${s.id}`,
        onclick: async () => { await api(`/v1/report-schedules/${s.id}`, { method: 'DELETE' }); refresh(); } }, 'Delete')) }],
  list, null, 'No schedule yet.'));
}

function field(id, text, input) {
  input.id = id;
  return el('span', { class: 'field' }, el('label', { for: id }, text), input);
}

// The period "Send now" reports on: both dates or neither (each schedule's last complete period).
function sendPeriod() {
  const from = el('input', { type: 'date' });
  const to = el('input', { type: 'date' });
  const box = el('div', { class: 'schedule-form', role: 'group', 'aria-label': 'Period for send now' },
    field('send-from', 'Send now for: from', from), field('send-to', 'to (exclusive)', to),
    el('span', { class: 'hint' }, 'Leave both empty for each schedule’s last complete period.'));
  return { box, value: () => (from.value || to.value ? { from: from.value || null, to: to.value || null } : {}) };
}

// One form creates a schedule, or, after "Edit", changes one (PATCH with every field of the form).
function scheduleForm(message, onSaved) {
  const cadence = el('select', {}, ['monthly', 'weekly', 'quarterly'].map((c) => el('option', { value: c }, c)));
  const zone = el('input', { value: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', size: 16 });
  const day = el('input', { type: 'number', min: 1, max: 31, value: 1 });
  const time = el('input', { type: 'time', value: '08:00' });
  const recipients = el('input', { type: 'text', size: 30, placeholder: 'cfo@example.com, revops@example.com' });
  const submit = el('button', { type: 'submit', id: 'schedule-submit' }, 'Create schedule');
  const cancel = el('button', { type: 'button', class: 'link', hidden: true }, 'Cancel edit');
  const element = el('form', { class: 'schedule-form', 'aria-label': 'New schedule' },
    field('schedule-cadence', 'Cadence', cadence), field('schedule-zone', 'Time zone', zone),
    field('schedule-day', 'Send day', day), field('schedule-time', 'Send time', time),
    field('schedule-recipients', 'Recipients', recipients), submit, cancel);
  let editing = null;
  let afterEdit = onSaved;
  const reset = () => {
    editing = null;
    submit.textContent = 'Create schedule';
    element.setAttribute('aria-label', 'New schedule');
    cancel.hidden = true;
  };
  cancel.addEventListener('click', reset);
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = JSON.stringify({ cadence: cadence.value, time_zone: zone.value, send_day: Number(day.value),
      send_time: time.value, recipients: recipients.value.split(',').map((r) => r.trim()).filter(Boolean) });
    try {
      const saved = editing
        ? await api(`/v1/report-schedules/${editing}`, { method: 'PATCH', body, type: 'application/json' })
        : await api('/v1/report-schedules', { method: 'POST', body, type: 'application/json' });
      message.replaceChildren(el('p', { class: 'ok' }, `Schedule ${editing ? 'changed' : 'created'}; next run ${saved.next_run_at}.`));
      const done = editing ? afterEdit : onSaved;
      reset();
      done();
    } catch (error) {
      problem(message, error);
    }
  });
  const edit = (s, refresh) => {
    editing = s.id;
    afterEdit = refresh;
    cadence.value = s.cadence;
    zone.value = s.time_zone;
    day.value = s.send_day;
    time.value = s.send_time;
    recipients.value = s.recipients.join(', ');
    submit.textContent = 'Save changes';
    element.setAttribute('aria-label', `Edit schedule ${s.id}`);
    cancel.hidden = false;
    cadence.focus();
  };
  return { element, edit };
}

async function showReports(box) {
  await fill(box, api('/v1/reports?limit=20'), (list) => table([{ label: 'Period', value: (r) => `${r.from} to ${r.to}` },
    { label: 'Cadence', value: (r) => r.cadence ?? 'custom' }, { label: 'Created', value: (r) => r.created_at },
    { label: 'Email', value: (r) => (r.delivery ? r.delivery.status : 'none') },
    { label: 'Open', value: (r) => el('span', { 'data-report': r.id }, el('a', { href: r.pdf_url, target: '_blank', rel: 'noopener' }, 'PDF'), ' · ',
      el('a', { href: r.html_url, target: '_blank', rel: 'noopener' }, 'HTML')) }], list, null, 'No report generated yet.'));
}
