// Drives Inkan's page in headless Chromium, in two browser contexts: a user and an administrator
// (made before the server started). The user registers, logs in, sees /me, lets the access token
// expire and sees the silent refresh; the admin finds the user in the list and grants a role that
// the user's next token carries; the admin revokes it and the user's token is refused; the user
// forges `admin` into their payload and the server refuses it; the user lists sessions and logs out;
// the admin disables and enables the user. Then return_to, as a gateway sends it: refused for other
// origins, followed silently with a good refresh cookie, and after the login without one. Then the
// account part, with the mail the server wrote to its outbox: the banner of the unverified address,
// a new link on request, the older link refused, the newer one verifying the address; a forgotten
// password reset through the mailed link, the old password refused and the new one logging in; a
// change of password; the security log, page by page.
// Usage: INKAN_ADMIN_EMAIL=… INKAN_ADMIN_PASSWORD=… INKAN_ALLOWED_ORIGIN=… INKAN_OUTBOX=<the server's outbox folder>
//   node page.e2e.mjs <base-url> <screenshot.png>
// (the admin's page after login; the user's page after the forgery, page-forged.png, and after the
// security log, page-account.png, go beside it).
import fs from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [base, screenshot] = process.argv.slice(2);
const forgedScreenshot = path.join(path.dirname(screenshot), 'page-forged.png');
const accountScreenshot = path.join(path.dirname(screenshot), 'page-account.png');
const outbox = process.env.INKAN_OUTBOX;
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const adminEmail = process.env.INKAN_ADMIN_EMAIL;
const adminPassword = process.env.INKAN_ADMIN_PASSWORD;
const allowedOrigin = process.env.INKAN_ALLOWED_ORIGIN; // the same server under another name, in INKAN_REDIRECT_ORIGINS
const email = `page-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
const password = 'correct horse battery';
const resetPassword = 'a new horse, a new battery';
const changedPassword = 'the horse forgot its battery';
const EVENTS_PER_PAGE = 10;
const ROLE = 'billing:read';

function check(condition, message) {
  if (!condition) throw new Error(message);
  console.log(`ok  ${message}`);
}

async function logIn(page, who, secret) {
  await page.fill('#login-email', who);
  await page.fill('#login-password', secret);
  await page.click('#login-button');
  await page.waitForSelector('#signed-in', { state: 'visible' });
  await page.waitForFunction((e) => document.getElementById('me-result').textContent.includes(e), who);
}

/** The token the page shows, as text and as claims. */
async function shownToken(page) {
  const parts = await page.evaluate(() => ['token-header', 'token-payload', 'token-signature']
    .map((id) => document.getElementById(id).textContent));
  return { text: parts.join('.'), parts, claims: JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) };
}

async function shownRoles(page) {
  return page.locator('#token-roles .role').allTextContents();
}

// --- The outbox: one RFC 822 file per message, named by time and kind -------------------------

function decodeBody(body, encoding) {
  if (/^quoted-printable$/i.test(encoding)) {
    const bytes = [];
    const text = body.replace(/=\r?\n/g, '');
    for (let i = 0; i < text.length; i++) {
      const hex = text[i] === '=' ? text.slice(i + 1, i + 3) : '';
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) { bytes.push(parseInt(hex, 16)); i += 2; } else bytes.push(...Buffer.from(text[i], 'utf8'));
    }
    return Buffer.from(bytes).toString('utf8');
  }
  if (/^base64$/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** A MIME entity as its headers (unfolded, by lower-case name) and its leaf parts' decoded text, by content type. */
function parseEntity(raw) {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = {};
  for (const line of raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const type = headers['content-type'] || 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type);
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body.split(`--${boundary[1]}`).slice(1, -1).map((part) => parseEntity(part.replace(/^\r?\n/, '')));
    return { headers, parts: parts.flatMap((part) => part.parts) };
  }
  return { headers, parts: [{ type: type.split(';')[0].toLowerCase(), text: decodeBody(body, headers['content-transfer-encoding'] || '') }] };
}

/** The messages of `kind` to `address` in the outbox, oldest first; waits (15 s at most) until there are `count`. */
async function awaitMail(address, kind, count) {
  const deadline = Date.now() + 15000;
  for (;;) {
    const names = (await fs.readdir(outbox)).filter((name) => name.endsWith(`-${kind}.eml`)).sort();
    const messages = [];
    for (const name of names) {
      const message = parseEntity(await fs.readFile(path.join(outbox, name), 'utf8'));
      if (message.headers.to === address) messages.push(message);
    }
    if (messages.length >= count) return messages;
    if (Date.now() > deadline) throw new Error(`${count} ${kind} message(s) to ${address} expected in ${outbox}, found ${messages.length}`);
    await new Promise((resolve) => { setTimeout(resolve, 100); });
  }
}

/** The link to `route` in a message's plain-text body. */
function linkIn(message, route) {
  const text = message.parts.find((part) => part.type === 'text/plain').text;
  const link = new RegExp(`https?://[^\\s"<>]+${route}\\?token=[A-Za-z0-9_%-]+`).exec(text);
  if (!link) throw new Error(`no ${route} link in the message: ${text}`);
  return link[0];
}

async function rowTypes(page) {
  return page.locator('#events tbody tr').evaluateAll((rows) => rows.map((row) => row.dataset.type));
}

check(adminEmail && adminPassword && allowedOrigin,
  'the admin account and an allowed origin are given (INKAN_ADMIN_EMAIL, INKAN_ADMIN_PASSWORD, INKAN_ALLOWED_ORIGIN)');
check(outbox, 'the outbox folder is given (INKAN_OUTBOX)');
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const errors = [];
  const user = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();
  for (const page of [user, admin]) {
    page.on('pageerror', (error) => errors.push(String(error)));
    // A 401 logs "Failed to load resource", which is the point here; a CSP violation is not.
    page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) errors.push(message.text()); });
  }

  await user.goto(base + '/');
  check(await user.title() === 'Inkan', 'the page loads');
  check((await user.textContent('h1')).includes('Inkan'), 'the title reads Inkan');
  const mark = await user.locator('#mark').boundingBox();
  check(mark && mark.height > 40 && (await user.locator('#mark path').count()) > 0
    && (await user.locator('#mark text').count()) === 0, 'the 印鑑 mark is an inline SVG of paths, needing no CJK font');

  await user.fill('#register-email', email);
  await user.fill('#register-password', password);
  await user.click('#register-button');
  await user.waitForFunction(() => document.getElementById('status').textContent.startsWith('Registered'));
  check(true, 'registration succeeds');

  await logIn(user, email, password);
  check((await user.textContent('#token-header-json')).includes('HS256'), 'the token header is shown decoded');
  check((await user.textContent('#token-payload-json')).includes('"sub"'), 'the claims are shown decoded');
  check((await user.textContent('#me-result')).includes(email), '/me answers with the user');
  const cookies = await user.context().cookies();
  const access = cookies.find((c) => c.name === '__Host-inkan_access');
  check(access && access.httpOnly && access.secure && access.sameSite === 'Strict', 'the access token is an HttpOnly, Secure, SameSite=Strict cookie');
  check(!(await user.evaluate(() => document.cookie)).includes('inkan_access'), 'scripts cannot read the access token cookie');
  check((await shownRoles(user)).length === 0 && (await user.textContent('#token-roles')) === 'none', 'a new user\'s token holds no roles');
  check(await user.isHidden('#admin'), 'the user list is not shown to a user without admin');
  check(await user.isVisible('#verify-banner') && await user.isVisible('#account'),
    'a banner says the new address is not verified yet, beside the account part');

  await admin.goto(base + '/');
  await logIn(admin, adminEmail, adminPassword);
  check((await shownRoles(admin)).includes('admin'), 'the admin\'s roles show as badges beside the token');
  check((await admin.locator('#token-payload-json mark').allTextContents()).some((claim) => claim.startsWith('  "roles"')
    && claim.includes('"admin"')), 'the roles claim is marked in the decoded payload');
  const row = admin.locator(`#admin-users tr[data-email="${email}"]`);
  await row.waitFor();
  check((await row.locator('td.state').textContent()).startsWith('active'), 'the admin sees the new user in the list, active');
  await row.locator('form.grant input').fill(ROLE);
  await row.locator('form.grant button').click();
  await row.locator('.role', { hasText: ROLE }).waitFor();
  check((await admin.textContent('#admin-status')).includes(`Granted ${ROLE}`), `the admin grants ${ROLE} and the list shows it`);
  await admin.fill('#admin-filter', 'nobody-');
  await admin.click('#admin-filter-button');
  await admin.waitForFunction(() => document.querySelectorAll('#admin-users tbody tr').length === 0);
  await admin.fill('#admin-filter', 'page-');
  await admin.click('#admin-filter-button');
  await row.waitFor();
  check((await admin.locator('#admin-users tbody tr').count()) === 1, 'the filter by e-mail prefix narrows the list');
  await admin.fill('#admin-filter', '');
  await admin.click('#admin-filter-button');
  const own = admin.locator(`#admin-users tr[data-email="${adminEmail}"]`);
  await own.waitFor();
  await own.locator('button.toggle').click();
  await admin.waitForFunction(() => document.getElementById('admin-status').textContent.includes('cannot disable'));
  check(await admin.locator('#admin-status.problem').count() === 1, 'disabling one\'s own account is refused, with the problem\'s detail');
  await admin.screenshot({ path: screenshot, fullPage: true });

  await user.waitForFunction(() => document.getElementById('expiry').textContent === 'expired', null, { timeout: 20000 });
  await user.click('#me-button');
  await user.waitForFunction(() => document.getElementById('refreshes').textContent === '1', null, { timeout: 10000 });
  check((await user.textContent('#me-result')).includes(email), 'after expiry, /me works again through a silent refresh');
  await user.waitForFunction((role) => document.getElementById('token-payload-json').textContent.includes(role), ROLE);
  const granted = await shownToken(user);
  check((await shownRoles(user)).includes(ROLE) && granted.claims.roles.includes(ROLE),
    `after the refresh the user's token carries ${ROLE}, in the payload and as a badge`);

  await row.locator('.role', { hasText: ROLE }).locator('button.revoke').click();
  await row.locator('.role', { hasText: ROLE }).waitFor({ state: 'detached' });
  check((await admin.textContent('#admin-status')).includes(`Revoked ${ROLE}`), `the admin revokes ${ROLE} with its ×`);
  const old = await user.evaluate(async (token) => {
    const sentAt = Date.now() / 1000;
    const response = await fetch('/auth/verify', { headers: { Authorization: `Bearer ${token}` }, credentials: 'omit' });
    return { status: response.status, sentAt };
  }, granted.text);
  if (old.sentAt < granted.claims.exp) {
    check(old.status === 401, 'the token that carried the revoked role is refused at once, before it expires');
  } else {
    console.log('skip the token that carried the revoked role had expired before it could be tried');
  }
  await user.click('#me-button');
  await user.waitForFunction((role) => !document.getElementById('token-payload-json').textContent.includes(role)
    && document.getElementById('me-result').textContent.length > 0, ROLE, { timeout: 10000 });
  check(!(await shownRoles(user)).includes(ROLE), 'after the next refresh the revoked role is gone from the user\'s token');

  const genuine = await shownToken(user);
  await user.click('#forge-admin-button');
  const edited = JSON.parse(await user.inputValue('#forge-payload'));
  check(edited.roles.includes('admin') && edited.sub === genuine.claims.sub, 'one click writes admin into the user\'s own payload');
  const sentAt = Date.now() / 1000;
  await user.click('#forge-send-button');
  await user.waitForFunction(() => /^\d{3}:/.test(document.getElementById('forge-result').textContent));
  const forged = (await user.textContent('#forge-token')).split('.');
  check(forged[0] === genuine.parts[0] && forged[2] === genuine.parts[2] && forged[1] !== genuine.parts[1]
    && JSON.parse(Buffer.from(forged[1], 'base64url').toString('utf8')).roles.includes('admin'),
  'the forged token keeps the header and signature and carries a re-encoded payload with admin');
  check((await user.textContent('#forge-result')).startsWith('401'), 'the server refuses the forged token with 401');
  const why = await user.textContent('#forge-why');
  check(why.includes('signature') && why.includes('header and the payload') && why.includes('server\'s key'),
    'the page says why: the signature covers header and payload, and only the server\'s key makes it');
  const control = await user.textContent('#forge-control');
  if (sentAt < genuine.claims.exp - 0.5) {
    check(control.includes(': 200, accepted'), 'the same token unedited, sent the same way, is accepted');
  } else {
    console.log(`skip the unedited token had (nearly) expired before the forgery was sent (${control})`);
  }
  await user.screenshot({ path: forgedScreenshot, fullPage: true });
  check(await user.isHidden('#admin'), 'a forged admin claim shows no user list');

  await user.click('#resend-button');
  await user.waitForFunction(() => document.getElementById('verify-status').textContent.startsWith('A new link'));
  check(true, 'the banner sends the verification link again');
  const [firstLink, secondLink] = (await awaitMail(email, 'verify-email', 2)).map((mail) => linkIn(mail, '/verify-email'));
  check(secondLink.startsWith(`${base}/verify-email?token=`) && firstLink !== secondLink,
    'each verification mail has a link of its own to the page at the server\'s public URL');
  await user.goto(firstLink);
  await user.waitForFunction(() => document.getElementById('status').textContent.length > 0);
  await user.waitForSelector('#signed-in', { state: 'visible' });
  check((await user.textContent('#status')).includes('used already') && await user.isVisible('#verify-banner'),
    'the older link no longer works, and the page, signed in again silently, still shows the banner');
  await user.goto(secondLink);
  check(new URL(user.url()).pathname === '/' && !user.url().includes('token'), 'the token leaves the address bar at once');
  await user.waitForFunction(() => document.getElementById('status').textContent.includes('is verified'));
  await user.waitForFunction(() => document.getElementById('token-payload-json').textContent.includes('"email_verified": true'));
  check(await user.isHidden('#verify-banner') && await user.isVisible('#signed-in'),
    'the newer link verifies the address: the page refreshes silently, its token says email_verified, the banner is gone');

  await user.click('#sessions-button');
  await user.waitForSelector('#sessions li');
  check((await user.locator('#sessions li').count()) === 1, 'the session list shows this session');

  await user.click('#logout-button');
  await user.waitForSelector('#signed-out', { state: 'visible' });
  const after = await user.evaluate(async () => (await fetch('/me', { credentials: 'same-origin' })).status);
  check(after === 401, 'after logout /me is refused');

  await row.locator('button.toggle').click();
  await row.locator('td.state.disabled').waitFor();
  check((await row.locator('button.toggle').textContent()) === 'Enable', 'the admin disables the user, and the list says so');
  await row.locator('button.toggle').click();
  await row.locator('td.state:not(.disabled)').waitFor();
  check((await row.locator('td.state').textContent()).startsWith('active'), 'the admin enables the user again');

  // Sent here by a gateway: return_to. The admin's access token has long expired; the refresh cookie is good.
  const origin = new URL(base).origin;
  for (const evil of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)',
    '%2F%2Fevil.example', `${allowedOrigin.replace('localhost', '127.0.0.2')}/x`]) {
    await admin.goto(`${base}/?return_to=${encodeURIComponent(evil)}`);
    await admin.waitForSelector('#signed-out', { state: 'visible' });
    check(new URL(admin.url()).origin === origin, `return_to=${evil} is not followed: the page shows the form`);
  }
  // Remembers, for this origin's tab, whether the login form was ever visible on the way.
  await admin.addInitScript(() => {
    new MutationObserver(() => {
      const form = document.getElementById('signed-out');
      if (form && !form.hidden) window.sessionStorage.setItem('e2e.formShown', 'yes');
    }).observe(document, { subtree: true, attributes: true, childList: true });
  });
  await admin.goto(`${base}/?return_to=${encodeURIComponent('//evil.example')}`);
  await admin.waitForSelector('#signed-out', { state: 'visible' });
  check(await admin.evaluate(() => window.sessionStorage.getItem('e2e.formShown')) === 'yes', 'the watch sees a form shown');
  await admin.evaluate(() => window.sessionStorage.removeItem('e2e.formShown'));
  await admin.goto(`${base}/?return_to=${encodeURIComponent('/openapi.json?from=gateway')}`);
  await admin.waitForURL(`${base}/openapi.json?from=gateway`);
  check(await admin.evaluate(() => window.sessionStorage.getItem('e2e.formShown')) === null,
    'with an expired access token and a good refresh cookie, the page refreshes silently and goes back, never showing the form');
  await admin.goto(`${base}/?return_to=${encodeURIComponent(`${allowedOrigin}/openapi.json`)}`);
  await admin.waitForURL(`${allowedOrigin}/openapi.json`);
  check(true, 'return_to may be a URL of an allowed origin (INKAN_REDIRECT_ORIGINS)');

  await user.goto(`${base}/?return_to=${encodeURIComponent('/openapi.json?after=login')}`);
  await user.waitForSelector('#signed-out', { state: 'visible' });
  check((await user.textContent('#status')).startsWith('Log in to go on to'), 'logged out, the page asks for the login first');
  await user.fill('#login-email', email);
  await user.fill('#login-password', password);
  await user.click('#login-button');
  await user.waitForURL(`${base}/openapi.json?after=login`);
  check(true, 'after the login the page goes back to return_to');

  // Opened again, the page signs the user in silently (the refresh cookie): log out for what follows.
  await user.goto(`${base}/`);
  await user.waitForSelector('#signed-in', { state: 'visible' });
  check(await user.isHidden('#signed-out'), 'opened again, the page signs in silently with the refresh cookie');
  await user.click('#logout-button');
  await user.waitForSelector('#signed-out', { state: 'visible' });

  await user.fill('#forgot-email', email);
  await user.click('#forgot-button');
  await user.waitForFunction(() => document.getElementById('forgot-status').textContent.startsWith('If an account'));
  check(true, 'a reset link is asked for, with the answer any address gets');
  const resetLink = linkIn((await awaitMail(email, 'password-reset', 1))[0], '/password-reset');
  check(resetLink.startsWith(`${base}/password-reset?token=`), 'the reset mail links to the page at the server\'s public URL');
  await user.goto(resetLink);
  await user.waitForSelector('#reset', { state: 'visible' });
  check(new URL(user.url()).pathname === '/' && !user.url().includes('token'), 'the reset form opens, and the token leaves the address bar');
  await user.fill('#reset-password', 'qwertyuiop12345');
  await user.click('#reset-button');
  await user.waitForFunction(() => document.getElementById('reset-status').textContent.length > 0);
  check((await user.textContent('#reset-status')).includes('common') && await user.isVisible('#reset'),
    'a common password is refused with the rule, and the form stays');
  await user.fill('#reset-password', resetPassword);
  await user.click('#reset-button');
  await user.waitForFunction(() => document.getElementById('status').textContent.startsWith('Your new password is set'));
  check(await user.isHidden('#reset'), 'the new password is set');
  await user.fill('#login-email', email);
  await user.fill('#login-password', password);
  const refused = user.waitForResponse((response) => response.url().endsWith('/auth/login'));
  await user.click('#login-button');
  check((await refused).status() === 401 && await user.isHidden('#signed-in'), 'the old password is refused');
  await logIn(user, email, resetPassword);
  check(true, 'the new password logs in');

  await user.fill('#current-password', password);
  await user.fill('#new-password', changedPassword);
  await user.click('#password-button');
  await user.waitForFunction(() => document.getElementById('password-status').textContent.length > 0);
  check((await user.textContent('#password-status')).includes('not your current password') && await user.isVisible('#signed-in'),
    'a wrong current password is refused, and the session goes on');
  await user.fill('#current-password', resetPassword);
  await user.fill('#new-password', changedPassword);
  await user.click('#password-button');
  await user.waitForFunction(() => document.getElementById('password-status').textContent.startsWith('Password changed'));
  check(true, 'the password is changed from the page');

  await user.click('#events-button');
  await user.waitForSelector('#events tbody tr');
  const firstPage = await rowTypes(user);
  check(firstPage.length === EVENTS_PER_PAGE && firstPage[0] === 'password_changed',
    `the security log shows the ${EVENTS_PER_PAGE} latest events, the change of password first (${firstPage.join(', ')})`);
  for (let pages = 1; await user.isVisible('#events-next-button'); pages++) {
    check(pages < 5, 'the security log has an end');
    const shown = (await rowTypes(user)).length;
    await user.click('#events-next-button');
    await user.waitForFunction((n) => document.querySelectorAll('#events tbody tr').length > n, shown);
  }
  const types = await rowTypes(user);
  for (const type of ['login_succeeded', 'login_failed', 'email_verified', 'password_reset_requested',
    'password_reset_completed', 'password_changed', 'role_granted', 'logout']) {
    check(types.includes(type), `the security log lists ${type}`);
  }
  check(types.length > EVENTS_PER_PAGE && types.at(-1) === 'login_succeeded', 'older events follow page by page, down to the first login');
  const login = user.locator('#events tbody tr[data-type="login_succeeded"]').first();
  check((await login.locator('td.agent').textContent()).includes('Chrome') && (await login.textContent()).includes('127.0.0.1'),
    'a login shows where it came from: the address and the browser');
  await user.screenshot({ path: accountScreenshot, fullPage: true });
  check(errors.length === 0, `no script errors (${errors.join('; ')})`);
  console.log('browser e2e: all good');
} finally {
  await browser.close();
}
