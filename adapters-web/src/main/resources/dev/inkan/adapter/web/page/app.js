// Inkan's page: cookie transport, a CSRF header on unsafe requests, a silent refresh when a call says 401;
// the token's roles, a user list for an admin, and a forged token that the server refuses. Sent here by
// a gateway with ?return_to=, it refreshes silently (or after the login) and goes back, if return_to is
// a place it may go. Every value from the server reaches the DOM through textContent or an attribute,
// never as HTML.
'use strict';

const USERS_PER_PAGE = 20;
const RETURN_TO = new URLSearchParams(window.location.search).get('return_to');
const TRAIL = 'inkan.return_to.trail';
const state = {
  csrf: null, exp: null, refreshes: 0, timer: null, refreshing: null, token: null, claims: null, returnTo: null,
  forge: { base: null, edited: false },
  admin: { shown: false, prefix: '', after: null, next: null },
};
const $ = (id) => document.getElementById(id);

function csrfToken() {
  // __Host- by default; __Secure- with a cookie domain (INKAN_COOKIE_DOMAIN).
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('__Host-inkan_csrf=') || c.startsWith('__Secure-inkan_csrf='));
  return state.csrf || (cookie ? cookie.substring(cookie.indexOf('=') + 1) : '');
}

/**
 * Where return_to may send the browser: a path of this page's origin (one '/', never '//' or '/\\'),
 * or an absolute http(s) URL of an allowed origin, without user info; else null. Nothing outside
 * visible ASCII, and no backslash, so that no parser reads another origin out of it. The server
 * checks the same before it writes one (ReturnTo.java).
 */
function checkReturnTo(raw, origins) {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return null;
  if (!/^[\x21-\x7e]+$/.test(raw) || raw.includes('\\')) return null;
  let url;
  try { url = new URL(raw, window.location.origin); } catch (e) { return null; }
  if (raw.startsWith('/')) {
    if (raw.startsWith('//') || url.origin !== window.location.origin) return null;
    return url.pathname + url.search + url.hash;
  }
  if (!/^https?:\/\//i.test(raw) || url.username || url.password || !origins.includes(url.origin)) return null;
  return url.href;
}

async function returnTarget() {
  if (!RETURN_TO) return null;
  const answer = await call('GET', '/auth/redirect-origins');
  const origins = answer.status === 200 && answer.json && Array.isArray(answer.json.redirect_origins)
    ? answer.json.redirect_origins : [];
  return checkReturnTo(RETURN_TO, origins);
}

/**
 * Goes back to target, unless this browser has been sent there three times within a minute already:
 * then the gateway does not see the login (a cookie domain that does not cover it, say), and going
 * again would only loop.
 */
function leaveFor(target) {
  let trail = null;
  try { trail = JSON.parse(window.sessionStorage.getItem(TRAIL) || 'null'); } catch (e) { trail = null; }
  const now = Date.now();
  if (!trail || trail.target !== target || now - trail.since > 60000) trail = { target, since: now, count: 0 };
  if (trail.count >= 3) return false;
  trail.count += 1;
  window.sessionStorage.setItem(TRAIL, JSON.stringify(trail));
  window.location.replace(target);
  return true;
}

const LOOPING = 'You were sent back here from that page again: it does not see your login. '
  + 'Its host may be outside the cookie domain.';

async function answer(response) {
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  return { status: response.status, json };
}

async function call(method, path, body) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken();
  return answer(await fetch(path, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  }));
}

/** A call as the signed-in user: on 401 one silent refresh and a second try; still 401 means signed out. */
async function authed(method, path, body) {
  let result = await call(method, path, body);
  if (result.status === 401 && await refresh()) result = await call(method, path, body);
  if (result.status === 401) signedOut('Your session has ended; log in again.');
  return result;
}

function detail(result, fallback) {
  return (result.json && result.json.detail) || `${fallback} (HTTP ${result.status})`;
}

function say(message) { $('status').textContent = message || ''; }

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function decodePart(part) {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = b64 + '==='.slice((b64.length + 3) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function encodePart(text) {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The claims as JSON.stringify(claims, null, 2) writes them, with the roles claims marked. */
function showJson(pre, claims) {
  pre.replaceChildren();
  const keys = Object.keys(claims);
  if (keys.length === 0) { pre.textContent = '{}'; return; }
  pre.append('{\n');
  keys.forEach((key, i) => {
    const text = `  ${JSON.stringify(key)}: ${JSON.stringify(claims[key], null, 2).replace(/\n/g, '\n  ')}`;
    pre.append(key === 'roles' || key === 'rv' ? element('mark', text) : text, i < keys.length - 1 ? ',\n' : '\n');
  });
  pre.append('}');
}

function rolesOf(claims) {
  return claims && Array.isArray(claims.roles) ? claims.roles.map(String) : [];
}

function showClaims(claims) {
  state.claims = claims;
  state.exp = claims.exp;
  showJson($('token-payload-json'), claims);
  const roles = $('token-roles');
  roles.replaceChildren(...rolesOf(claims).map((role) => element('span', role, 'role')));
  if (roles.childElementCount === 0) roles.append(element('span', 'none', 'hint'));
  $('token-rv').textContent = claims.rv === undefined ? '–' : String(claims.rv);
  showAdmin(rolesOf(claims).includes('admin'));
  tick();
  document.dispatchEvent(new CustomEvent('inkan:claims', { detail: claims }));
}

function showToken(accessToken) {
  const [header, payload, signature] = accessToken.split('.');
  state.token = accessToken;
  $('token-header').textContent = header;
  $('token-payload').textContent = payload;
  $('token-signature').textContent = signature;
  $('token-header-json').textContent = JSON.stringify(decodePart(header), null, 2);
  showClaims(decodePart(payload));
  $('token-parts').classList.remove('claims-only');
  $('claims-only').hidden = true;
  $('forge').hidden = false;
  if (!state.forge.edited) resetForge();
}

function tick() {
  if (!state.exp) return;
  const left = state.exp - Math.floor(Date.now() / 1000);
  $('expiry').textContent = left > 0 ? `expires in ${left} s` : 'expired';
}

async function accept(tokens) {
  state.csrf = tokens.csrf_token || state.csrf;
  $('signed-out').hidden = true;
  $('signed-in').hidden = false;
  if (!state.timer) state.timer = setInterval(tick, 1000);
  if (tokens.access_token) { showToken(tokens.access_token); return; }
  // Cookie transport alone: the token's text stays out of scripts' reach, but its claims do not.
  $('token-parts').classList.add('claims-only');
  $('claims-only').hidden = false;
  const verified = await call('GET', '/auth/verify');
  if (verified.status === 200) showClaims(verified.json);
}

/** One refresh at a time: a second one with the same refresh cookie would look like a stolen token's reuse. */
function refresh() {
  if (!state.refreshing) {
    state.refreshing = (async () => {
      const result = await call('POST', '/auth/refresh');
      if (result.status !== 200) return false;
      state.refreshes += 1;
      $('refreshes').textContent = String(state.refreshes);
      await accept(result.json);
      return true;
    })().finally(() => { state.refreshing = null; });
  }
  return state.refreshing;
}

async function me() {
  const result = await authed('GET', '/me');
  if (result.status === 200) $('me-result').textContent = JSON.stringify(result.json, null, 2);
}

async function sessions() {
  const result = await authed('GET', '/auth/sessions');
  if (result.status === 401) return;
  if (result.status !== 200) { say('Could not list sessions.'); return; }
  const list = $('sessions');
  list.replaceChildren();
  for (const session of result.json.sessions) {
    const item = element('li', `${session.current ? '(this one) ' : ''}${session.user_agent || 'unknown client'}, `
      + `since ${session.created_at}, last used ${session.last_used_at} `);
    if (!session.current) {
      const end = element('button', 'End', 'secondary end-session');
      end.addEventListener('click', async () => { await authed('DELETE', `/auth/sessions/${session.id}`); sessions(); });
      item.append(end);
    }
    list.append(item);
  }
}

// --- The admin's user list -------------------------------------------------------------------

function showAdmin(isAdmin) {
  $('admin').hidden = !isAdmin;
  if (isAdmin && !state.admin.shown) { state.admin.shown = true; loadUsers(); }
  if (!isAdmin) { state.admin.shown = false; $('admin-users').tBodies[0].replaceChildren(); }
}

function adminSays(message, isProblem) {
  $('admin-status').textContent = message || '';
  $('admin-status').className = isProblem ? 'problem' : 'note';
}

async function loadUsers() {
  const query = new URLSearchParams({ limit: String(USERS_PER_PAGE) });
  if (state.admin.prefix) query.set('email', state.admin.prefix);
  if (state.admin.after) query.set('after', state.admin.after);
  const result = await authed('GET', `/admin/users?${query}`);
  if (result.status === 401) return;
  if (result.status !== 200) { adminSays(detail(result, 'Could not list the users'), true); return; }
  $('admin-users').tBodies[0].replaceChildren(...result.json.users.map(userRow));
  state.admin.next = result.json.next || null;
  $('admin-next-button').hidden = !state.admin.next;
}

/** An admin action, its outcome in one line, and the list again as the server has it now. */
async function change(method, path, body, done) {
  adminSays('');
  const result = await authed(method, path, body);
  if (result.status === 401) return;
  if (result.status === 200 || result.status === 204) adminSays(done, false);
  else adminSays(detail(result, 'The change failed'), true);
  await loadUsers();
}

function userRow(user) {
  const row = element('tr');
  row.dataset.email = user.email;
  const base = `/admin/users/${encodeURIComponent(user.id)}`;

  const roles = element('td', undefined, 'roles');
  for (const role of user.roles) {
    const badge = element('span', role, 'role');
    const revoke = element('button', '×', 'revoke');
    revoke.type = 'button';
    revoke.title = `Revoke ${role}`;
    revoke.setAttribute('aria-label', `Revoke ${role} from ${user.email}`);
    revoke.addEventListener('click', () => change('DELETE', `${base}/roles/${encodeURIComponent(role)}`, undefined,
      `Revoked ${role} from ${user.email}; the tokens they hold now are refused.`));
    badge.append(revoke);
    roles.append(badge);
  }
  if (user.roles.length === 0) roles.append(element('span', 'none', 'hint'));

  const standing = element('td', user.disabled ? `disabled${user.disabled_at ? ` since ${user.disabled_at}` : ''}` : 'active',
    user.disabled ? 'state disabled' : 'state');
  const toggle = element('button', user.disabled ? 'Enable' : 'Disable', 'secondary toggle');
  toggle.type = 'button';
  toggle.addEventListener('click', () => change('POST', `${base}/${user.disabled ? 'enable' : 'disable'}`, undefined,
    `${user.disabled ? 'Enabled' : 'Disabled'} ${user.email}.`));
  standing.append(' ', toggle);

  const grantCell = element('td');
  const grant = element('form', undefined, 'grant');
  const role = element('input');
  role.placeholder = 'billing:read';
  role.setAttribute('aria-label', `Role to grant to ${user.email}`);
  role.required = true;
  grant.append(role, element('button', 'Grant'));
  grant.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = role.value.trim();
    change('POST', `${base}/roles`, { role: name }, `Granted ${name} to ${user.email}; their next refresh carries it.`);
  });
  grantCell.append(grant);

  row.append(element('td', user.email, 'email'), roles, standing, grantCell);
  return row;
}

// --- Forge it --------------------------------------------------------------------------------

function resetForge() {
  if (!state.token) return;
  state.forge.base = state.token;
  state.forge.edited = false;
  showForgeText(JSON.stringify(decodePart(state.token.split('.')[1]), null, 2));
}

function showForgeText(text) {
  $('forge-payload').value = text;
  $('forge-payload').rows = Math.min(24, text.split('\n').length + 1);
}

function forgedClaims() {
  try {
    return JSON.parse($('forge-payload').value);
  } catch (e) {
    showForgery(null, `That is not JSON: ${e.message}`);
    return undefined;
  }
}

function makeMeAdmin() {
  const claims = forgedClaims();
  if (claims === undefined || claims === null || typeof claims !== 'object') return;
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  if (!roles.includes('admin')) roles.push('admin');
  claims.roles = roles;
  showForgeText(JSON.stringify(claims, null, 2));
  state.forge.edited = true;
}

/** Sends a token to /auth/verify as a bearer alone: no cookie, so the answer is about this token only. */
async function verifyBearer(token) {
  return answer(await fetch('/auth/verify', { headers: { Authorization: `Bearer ${token}` }, credentials: 'omit' }));
}

async function sendForged() {
  const base = state.forge.base;
  const claims = forgedClaims();
  if (!base || claims === undefined) return;
  const [header, , signature] = base.split('.');
  const forged = `${header}.${encodePart(JSON.stringify(claims))}.${signature}`;
  const [result, original] = await Promise.all([verifyBearer(forged), verifyBearer(base)]);
  showForgery(forged);
  if (result.status === 200) {
    $('forge-result').textContent = '200: accepted. The payload is byte for byte the one the server signed, '
      + 'so this is simply your own token.';
    $('forge-result').className = 'verdict accepted';
  } else {
    $('forge-result').textContent = `${result.status}: refused, "${detail(result, 'refused')}"`;
    $('forge-result').className = 'verdict refused';
    $('forge-why').textContent = 'Why: the signature is an HMAC of the header and the payload exactly as sent; '
      + 'change one byte and it no longer matches, and only the server\'s key can make one that does.';
  }
  $('forge-control').textContent = original.status === 200
    ? 'Your token as issued, sent the same way: 200, accepted.'
    : `Your token as issued, sent the same way: ${original.status}, refused too: it has expired or its roles `
      + 'changed since. Call /me to refresh, then "Back to my token".';
}

function showForgery(forged, problem) {
  $('forge-outcome').hidden = false;
  const token = $('forge-token');
  token.replaceChildren();
  if (forged) {
    const [header, payload, signature] = forged.split('.');
    token.append(element('span', header, 'header'), '.', element('span', payload, 'payload forged'), '.',
      element('span', signature, 'signature'));
  }
  $('forge-result').textContent = problem || '';
  $('forge-result').className = problem ? 'verdict refused' : 'verdict';
  $('forge-why').textContent = '';
  $('forge-control').textContent = '';
}

function signedOut(message) {
  state.csrf = null; state.exp = null; state.token = null; state.claims = null;
  state.forge = { base: null, edited: false };
  $('forge-payload').value = '';
  $('forge-outcome').hidden = true;
  $('forge').hidden = true;
  showAdmin(false);
  $('signed-in').hidden = true;
  $('signed-out').hidden = false;
  say(message);
  document.dispatchEvent(new CustomEvent('inkan:signed-out'));
}

document.addEventListener('DOMContentLoaded', () => {
  $('register-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await call('POST', '/auth/register', { email: $('register-email').value, password: $('register-password').value });
    say(result.status === 201 ? `Registered ${result.json.email}; now log in.` : detail(result, 'Registration failed'));
  });
  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await call('POST', '/auth/login', { email: $('login-email').value, password: $('login-password').value });
    if (result.status !== 200) { say(detail(result, 'Login failed')); return; }
    if (state.returnTo) {
      window.sessionStorage.removeItem(TRAIL);
      if (leaveFor(state.returnTo)) return;
    }
    say('');
    await accept(result.json);
    me();
  });
  $('me-button').addEventListener('click', me);
  $('sessions-button').addEventListener('click', sessions);
  $('logout-button').addEventListener('click', async () => {
    await call('POST', '/auth/logout');
    signedOut('Logged out.');
  });
  $('forge-payload').addEventListener('input', () => { state.forge.edited = true; });
  $('forge-admin-button').addEventListener('click', makeMeAdmin);
  $('forge-reset-button').addEventListener('click', resetForge);
  $('forge-send-button').addEventListener('click', sendForged);
  $('admin-filter-form').addEventListener('submit', (event) => {
    event.preventDefault();
    state.admin.prefix = $('admin-filter').value.trim();
    state.admin.after = null;
    adminSays('');
    loadUsers();
  });
  $('admin-next-button').addEventListener('click', () => { state.admin.after = state.admin.next; loadUsers(); });
  start();
});

/**
 * With a return_to it may follow, the page first tries the refresh cookie: a browser whose access
 * token has expired goes straight back, without seeing the form. Otherwise, the form.
 */
async function start() {
  state.returnTo = await returnTarget();
  if (state.returnTo) {
    say('Signing you in…');
    const refreshed = await call('POST', '/auth/refresh');
    if (refreshed.status === 200) {
      if (leaveFor(state.returnTo)) return;
      state.returnTo = null;
      await accept(refreshed.json);
      say(LOOPING);
      return;
    }
    say(`Log in to go on to ${new URL(state.returnTo, window.location.origin).origin}.`);
  }
  $('signed-out').hidden = false;
}
