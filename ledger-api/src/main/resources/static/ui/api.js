// Every figure comes from the ledger's API, under the signed-in user's scope. The session
// cookie is HttpOnly; changes carry the CSRF token from the XSRF-TOKEN cookie.
import { lang } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

function cookie(name) {
  const entry = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return entry ? decodeURIComponent(entry.substring(name.length + 1)) : null;
}

export function csrfToken() {
  return cookie('XSRF-TOKEN');
}

export async function api(path, { method = 'GET', body } = {}) {
  const headers = {
    'X-Requested-With': 'XMLHttpRequest',
    Accept: 'application/json, application/problem+json',
    'Accept-Language': lang(),
  };
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
  }
  let payload = body;
  if (body !== undefined && !(body instanceof FormData)) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (response.status === 401) {
    window.location.assign('/ui/login');
    throw new ApiError(401, null);
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

/** A query string of the non-empty parameters. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Reloads what an action changed before the page says the action is done, so what is shown
 * after the message agrees with it. A reload that fails leaves the last state shown; the
 * action itself was done, so its failure is not reported as the action's.
 */
export async function settled(reload) {
  try {
    await reload();
  } catch (ignored) {
    // The list keeps its last state; the next visit loads it again.
  }
}
