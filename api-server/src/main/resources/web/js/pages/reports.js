import { api } from '../api.js';
import { el, fill, section, table } from '../ui.js';

export async function render(view) {
  const schedules = el('div');
  const reports = el('div');
  const message = el('div', { id: 'schedule-result', role: 'status' });
  view.append(el('h1', {}, 'Reports'), section('Schedules', schedules, scheduleForm(message, () => showSchedules(schedules)), message),
    section('Past reports', reports));
  await Promise.all([showSchedules(schedules), showReports(reports)]);
}

async function showSchedules(box) {
  await fill(box, api('/v1/report-schedules'), (list) => table([{ label: 'Cadence', value: (s) => s.cadence },
    { label: 'When', value: (s) => `day ${s.send_day} at ${s.send_time} ${s.time_zone}` },
    { label: 'Recipients', value: (s) => s.recipients.join(', ') }, { label: 'Next', value: (s) => s.next_run_at },
    { label: '', value: (s) => el('button', { type: 'button', class: 'link', 'aria-label': `Delete schedule ${s.id}`,
      onclick: async () => { await api(`/v1/report-schedules/${s.id}`, { method: 'DELETE' }); showSchedules(box); } }, 'Delete') }],
  list, null, 'No schedule yet.'));
}

function field(id, text, input) {
  input.id = id;
  return el('span', { class: 'field' }, el('label', { for: id }, text), input);
}

function scheduleForm(message, onSaved) {
  const cadence = el('select', {}, ['monthly', 'weekly', 'quarterly'].map((c) => el('option', { value: c }, c)));
  const zone = el('input', { value: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', size: 16 });
  const day = el('input', { type: 'number', min: 1, max: 31, value: 1 });
  const time = el('input', { type: 'time', value: '08:00' });
  const recipients = el('input', { type: 'text', size: 30, placeholder: 'cfo@example.com, revops@example.com' });
  const form = el('form', { class: 'schedule-form', 'aria-label': 'New schedule' },
    field('schedule-cadence', 'Cadence', cadence), field('schedule-zone', 'Time zone', zone),
    field('schedule-day', 'Send day', day), field('schedule-time', 'Send time', time),
    field('schedule-recipients', 'Recipients', recipients), el('button', { type: 'submit' }, 'Create schedule'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = JSON.stringify({ cadence: cadence.value, time_zone: zone.value, send_day: Number(day.value),
      send_time: time.value, recipients: recipients.value.split(',').map((r) => r.trim()).filter(Boolean) });
    try {
      const created = await api('/v1/report-schedules', { method: 'POST', body, type: 'application/json' });
      message.replaceChildren(el('p', { class: 'ok' }, `Schedule created; next run ${created.next_run_at}.`));
      onSaved();
    } catch (error) {
      const errors = error.problem && error.problem.errors ? error.problem.errors : [];
      message.replaceChildren(el('p', { class: 'error', role: 'alert' }, error.message),
        el('ul', {}, errors.map((e) => el('li', {}, `${e.field}: ${e.message}`))));
    }
  });
  return form;
}

async function showReports(box) {
  await fill(box, api('/v1/reports?limit=20'), (list) => table([{ label: 'Period', value: (r) => `${r.from} to ${r.to}` },
    { label: 'Cadence', value: (r) => r.cadence }, { label: 'Created', value: (r) => r.created_at },
    { label: 'Email', value: (r) => (r.delivery ? r.delivery.status : 'none') },
    { label: 'Open', value: (r) => el('span', {}, el('a', { href: r.pdf_url, target: '_blank', rel: 'noopener' }, 'PDF'), ' · ',
      el('a', { href: r.html_url, target: '_blank', rel: 'noopener' }, 'HTML')) }], list, null, 'No report generated yet.'));
}
