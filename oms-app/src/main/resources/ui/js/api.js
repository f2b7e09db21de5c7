// Every call to the server. The API key lives in this tab's sessionStorage only and travels in the
// X-API-Key header, never in a URL.
const KEY = 'openoms.apiKey';

export class ApiError extends Error {
  /** @param {number} status @param {{code?: string, message?: string, details?: object}} body */
  constructor(status, body) {
    // A risk rejection (422) answers with the rejected order rather than an error body.
    super(body.message ?? (body.rejection ? `rejected: ${body.rejection.reason}` : `HTTP ${status}`));
    this.status = status;
    this.code = body.code ?? 'HTTP_' + status;
    this.details = body.details ?? {};
    this.body = body;
  }
}

export function storedKey() {
  return sessionStorage.getItem(KEY);
}

/** @param {string} key */
export function storeKey(key) {
  sessionStorage.setItem(KEY, key);
}

export function forgetKey() {
  sessionStorage.removeItem(KEY);
}

/** @param {string} [key] @returns {Record<string, string>} */
export function authHeaders(key = storedKey() ?? '') {
  return { 'X-API-Key': key };
}

/**
 * @param {string} method
 * @param {string} path  under the same origin
 * @param {object} [body]
 * @param {string} [key]  a key to try (sign-in); else the stored one
 */
export async function call(method, path, body, key) {
  const headers = { ...authHeaders(key), Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  const text = await response.text();
  let json = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = { code: 'NOT_JSON', message: `the server answered ${response.status} without JSON` };
  }
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return json;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);
export const put = (path, body) => call('PUT', path, body);
export const patch = (path, body) => call('PATCH', path, body);
export const del = (path) => call('DELETE', path);

/** A query string from the non-empty entries. @param {Record<string, string|undefined>} params */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value) {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
