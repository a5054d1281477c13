// Inkan's page, the account part: a forgotten password (the request, then the form a mailed link
// opens), a change of password, a banner until the address is verified, and the caller's security
// log, a page at a time. It uses app.js's helpers (call, authed, refresh, csrfToken, say, element,
// detail, $, state, signedOut, RETURN_TO) and hears from it when the claims change ('inkan:claims')
// or the user signs out ('inkan:signed-out'). Every value from the server reaches the DOM through
// textContent, never as HTML.
'use strict';

const EVENTS_PER_PAGE = 10;
const account = { verified: null, eventsNext: null };

/**
 * A mailed link opens the page at its path with ?token=…: the token is read, and leaves the
 * address bar (replacing the page's entry in the tab's history) before anything else happens.
 */
function linkToken(path) {
  if (window.location.pathname !== path) return null;
  const token = new URLSearchParams(window.location.search).get('token');
  window.history.replaceState(null, '', '/');
  return token;
}

const links = { reset: linkToken('/password-reset'), verify: linkToken('/verify-email') };

function accountSays(id, message, isProblem) {
  $(id).textContent = message || '';
  $(id).className = isProblem ? 'problem' : 'note';
}

async function requestReset(event) {
  event.preventDefault();
  const result = await call('POST', '/auth/password-reset', { email: $('forgot-email').value });
  if (result.status === 202) {
    accountSays('forgot-status', 'If an account has this address, a link to choose a new password is on its way.');
  } else {
    accountSays('forgot-status', detail(result, 'The request failed'), true);
  }
}

async function confirmReset(event) {
  event.preventDefault();
  const result = await call('POST', '/auth/password-reset/confirm', {
    token: $('reset-form').dataset.token, new_password: $('reset-password').value,
  });
  if (result.status !== 204) { accountSays('reset-status', detail(result, 'The password was not set'), true); return; }
  delete $('reset-form').dataset.token;
  $('reset-form').reset();
  $('reset').hidden = true;
  const done = 'Your new password is set and every session has ended: log in with it.';
  if (state.claims) signedOut(done); else say(done);
}

/** @return whether the address is verified now */
async function verifyEmail(token) {
  const result = await call('POST', '/auth/verify-email', { token });
  if (result.status === 200) {
    say(`Your e-mail address ${result.json.email} is verified.`);
    return true;
  }
  say(detail(result, 'The address was not verified'));
  return false;
}

async function resendVerification() {
  accountSays('verify-status', '');
  const result = await authed('POST', '/auth/verify-email/resend');
  if (result.status === 202) accountSays('verify-status', 'A new link is on its way; the one before no longer works.');
  else if (result.status !== 401) accountSays('verify-status', detail(result, 'No link was sent'), true);
}

/** A 401 of this type is a wrong password, not a spent token: the session goes on, and no refresh is tried. */
function wrongPassword(result) {
  return result.status === 401 && result.json !== null && result.json.type === 'urn:inkan:problem:invalid-credentials';
}

/** As app.js's authed, for a call that checks the password too: its wrong password is no reason to sign out. */
async function authedWithPassword(method, path, body) {
  let result = await call(method, path, body);
  if (result.status === 401 && !wrongPassword(result) && await refresh()) result = await call(method, path, body);
  if (result.status === 401 && !wrongPassword(result)) signedOut('Your session has ended; log in again.');
  return result;
}

async function changePassword(event) {
  event.preventDefault();
  accountSays('password-status', '');
  const result = await authedWithPassword('POST', '/auth/password', {
    current_password: $('current-password').value, new_password: $('new-password').value,
  });
  if (result.status === 204) {
    $('password-form').reset();
    accountSays('password-status', 'Password changed; every other session of yours has ended.');
  } else if (wrongPassword(result)) {
    accountSays('password-status', 'That is not your current password.', true);
  } else if (result.status !== 401) {
    accountSays('password-status', detail(result, 'The password was not changed'), true);
  }
}

function eventRow(event) {
  const actor = event.actor && event.actor.kind !== 'user'
    ? ` (by ${event.actor.kind === 'admin' ? 'an administrator' : `the ${event.actor.kind}`})` : '';
  const row = element('tr');
  row.dataset.type = event.type;
  // 2026-11-24T15:00:00.123456Z as 2026-11-24 15:00:00 UTC, the whole instant in the cell's title
  const when = element('td', `${String(event.occurred_at).slice(0, 19).replace('T', ' ')} UTC`, 'when');
  when.title = event.occurred_at;
  row.append(when, element('td', `${event.type.replace(/_/g, ' ')}${actor}`, 'event-type'),
    element('td', event.client_address || '–', 'from'), element('td', event.user_agent || '–', 'agent'));
  return row;
}

async function loadEvents(more) {
  const query = new URLSearchParams({ limit: String(EVENTS_PER_PAGE) });
  if (more && account.eventsNext) query.set('before', account.eventsNext);
  const result = await authed('GET', `/me/events?${query}`);
  if (result.status === 401) return;
  if (result.status !== 200) { accountSays('events-status', detail(result, 'Could not read the security log'), true); return; }
  const rows = result.json.events.map(eventRow);
  const body = $('events').tBodies[0];
  if (more) body.append(...rows); else body.replaceChildren(...rows);
  $('events').hidden = body.rows.length === 0;
  account.eventsNext = result.json.next || null;
  $('events-next-button').hidden = !account.eventsNext;
  accountSays('events-status', body.rows.length === 0 ? 'No events yet.' : '');
}

document.addEventListener('inkan:claims', (event) => {
  const verified = event.detail.email_verified === true;
  if (account.verified !== verified) accountSays('verify-status', '');
  account.verified = verified;
  $('verify-banner').hidden = verified;
  $('account').hidden = false;
});

document.addEventListener('inkan:signed-out', () => {
  account.verified = null;
  account.eventsNext = null;
  $('verify-banner').hidden = true;
  $('account').hidden = true;
  $('password-form').reset();
  accountSays('password-status', '');
  accountSays('events-status', '');
  $('events').tBodies[0].replaceChildren();
  $('events').hidden = true;
  $('events-next-button').hidden = true;
});

document.addEventListener('DOMContentLoaded', async () => {
  $('forgot-form').addEventListener('submit', requestReset);
  $('reset-form').addEventListener('submit', confirmReset);
  $('resend-button').addEventListener('click', resendVerification);
  $('password-form').addEventListener('submit', changePassword);
  $('events-button').addEventListener('click', () => loadEvents(false));
  $('events-next-button').addEventListener('click', () => loadEvents(true));
  if (links.reset) { $('reset-form').dataset.token = links.reset; $('reset').hidden = false; }
  if (links.verify) await verifyEmail(links.verify);
  // A browser that holds a session (its CSRF cookie says so) is signed in again at once, with a token
  // that says what the server knows now: after a verification link, that the address is verified.
  // Sent here by a gateway (return_to), app.js's start() decides about the refresh cookie instead.
  if (csrfToken() && !RETURN_TO) await refresh();
});
