// Inkan's page: cookie transport, a CSRF header on unsafe requests, a silent refresh when /me says 401.
'use strict';

const state = { csrf: null, exp: null, refreshes: 0, timer: null };
const $ = (id) => document.getElementById(id);

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('__Host-inkan_csrf='));
  return state.csrf || (cookie ? cookie.substring(cookie.indexOf('=') + 1) : '');
}

async function call(method, path, body) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken();
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  return { status: response.status, json };
}

function say(message) { $('status').textContent = message || ''; }

function decodePart(part) {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = b64 + '==='.slice((b64.length + 3) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function showToken(accessToken) {
  if (!accessToken) return;
  const [header, payload, signature] = accessToken.split('.');
  $('token-header').textContent = header;
  $('token-payload').textContent = payload;
  $('token-signature').textContent = signature;
  $('token-header-json').textContent = JSON.stringify(decodePart(header), null, 2);
  const claims = decodePart(payload);
  $('token-payload-json').textContent = JSON.stringify(claims, null, 2);
  state.exp = claims.exp;
  tick();
}

function tick() {
  if (!state.exp) return;
  const left = state.exp - Math.floor(Date.now() / 1000);
  $('expiry').textContent = left > 0 ? `expires in ${left} s` : 'expired';
}

function accept(tokens) {
  state.csrf = tokens.csrf_token || state.csrf;
  showToken(tokens.access_token);
  $('signed-out').hidden = true;
  $('signed-in').hidden = false;
  if (!state.timer) state.timer = setInterval(tick, 1000);
}

async function refresh() {
  const result = await call('POST', '/auth/refresh');
  if (result.status !== 200) return false;
  state.refreshes += 1;
  $('refreshes').textContent = String(state.refreshes);
  accept(result.json);
  return true;
}

async function me() {
  let result = await call('GET', '/me');
  if (result.status === 401 && await refresh()) {
    result = await call('GET', '/me');
  }
  if (result.status === 401) { signedOut('Your session has ended; log in again.'); return; }
  $('me-result').textContent = JSON.stringify(result.json, null, 2);
}

async function sessions() {
  let result = await call('GET', '/auth/sessions');
  if (result.status === 401 && await refresh()) result = await call('GET', '/auth/sessions');
  if (result.status !== 200) { say('Could not list sessions.'); return; }
  const list = $('sessions');
  list.replaceChildren();
  for (const session of result.json.sessions) {
    const item = document.createElement('li');
    item.textContent = `${session.current ? '(this one) ' : ''}${session.user_agent || 'unknown client'}, `
      + `since ${session.created_at}, last used ${session.last_used_at} `;
    if (!session.current) {
      const end = document.createElement('button');
      end.textContent = 'End';
      end.className = 'secondary end-session';
      end.addEventListener('click', async () => { await call('DELETE', `/auth/sessions/${session.id}`); sessions(); });
      item.append(end);
    }
    list.append(item);
  }
}

function signedOut(message) {
  state.csrf = null; state.exp = null;
  $('signed-in').hidden = true;
  $('signed-out').hidden = false;
  say(message);
}

document.addEventListener('DOMContentLoaded', () => {
  $('register-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await call('POST', '/auth/register', { email: $('register-email').value, password: $('register-password').value });
    say(result.status === 201 ? `Registered ${result.json.email}; now log in.` : (result.json && result.json.detail) || 'Registration failed.');
  });
  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await call('POST', '/auth/login', { email: $('login-email').value, password: $('login-password').value });
    if (result.status === 200) { say(''); accept(result.json); me(); } else { say((result.json && result.json.detail) || 'Login failed.'); }
  });
  $('me-button').addEventListener('click', me);
  $('sessions-button').addEventListener('click', sessions);
  $('logout-button').addEventListener('click', async () => {
    await call('POST', '/auth/logout');
    signedOut('Logged out.');
  });
});
