// Every figure comes from the REST API; the session cookie authenticates, the CSRF token guards writes.
let csrfToken = null;

export function setCsrfToken(token) {
  csrfToken = token;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || ('HTTP ' + status));
    this.status = status;
    this.problem = problem;
  }
}

export async function api(path, { method = 'GET', body, type } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  if (type) headers['Content-Type'] = type;
  const response = await fetch(path, { method, body, headers, credentials: 'same-origin' });
  if (response.status === 401) {
    location.href = '/web/sign-in.html' + location.hash;
    throw new ApiError(401, { detail: 'signed out' });
  }
  if (response.status === 204) return null;
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json || {});
  return json;
}

export const query = (params) => new URLSearchParams(Object.entries(params)
  .filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();
