// The JSON API client. The review token lives in sessionStorage: entered once, gone when the tab
// closes, never written into a URL or localStorage.

const TOKEN_KEY = 'rasad.reviewToken';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export function queryString(params) {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value === null || value === undefined || value === '') continue;
    qs.set(key, String(value));
  }
  const text = qs.toString();
  return text ? `?${text}` : '';
}

// FastAPI answers validation errors with a list of {loc, msg}; everything else with a string.
function detailMessage(body, status) {
  const detail = body && body.detail;
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) {
    return detail
      .map((item) => {
        const where = Array.isArray(item.loc) ? item.loc.filter((p) => p !== 'body').join('.') : '';
        return where ? `${where}: ${item.msg}` : String(item.msg || JSON.stringify(item));
      })
      .join('; ');
  }
  return `request failed with HTTP ${status}`;
}

async function request(method, path, { params, body, auth = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth) {
    const token = getToken();
    if (!token) throw new ApiError(401, 'enter the review token at the top of the page first');
    headers.Authorization = `Bearer ${token}`;
  }
  let response;
  try {
    response = await fetch(path + queryString(params), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new ApiError(0, `the server did not answer (${err.message})`);
  }
  let payload = null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      payload = await response.json();
    } catch {
      payload = null;
    }
  }
  if (!response.ok) {
    let message = detailMessage(payload, response.status);
    if (response.status === 401 || response.status === 403) message = `not authorised: ${message}`;
    throw new ApiError(response.status, message);
  }
  return payload;
}

export const api = {
  meta: () => request('GET', '/api/meta'),
  basemap: () => request('GET', '/api/basemap'),
  events: (params) => request('GET', '/api/events', { params }),
  event: (id) => request('GET', `/api/events/${encodeURIComponent(id)}`),
  reviews: (id) => request('GET', `/api/events/${encodeURIComponent(id)}/reviews`),
  review: (id, body) =>
    request('POST', `/api/events/${encodeURIComponent(id)}/reviews`, { body, auth: true }),
  merge: (body) => request('POST', '/api/events/merge', { body, auth: true }),
  split: (id, body) =>
    request('POST', `/api/events/${encodeURIComponent(id)}/split`, { body, auth: true }),
  article: (id) => request('GET', `/api/articles/${encodeURIComponent(id)}`),
  stats: (params) => request('GET', '/api/stats', { params }),
};
