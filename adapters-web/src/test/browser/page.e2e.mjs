// Drives Inkan's page in headless Chromium: register, log in, see /me, let the access token expire,
// see the silent refresh, list sessions, log out. Usage: node page.e2e.mjs <base-url> <screenshot.png>
import { chromium } from 'playwright-core';

const [base, screenshot] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const email = `page-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
const password = 'correct horse battery';

function check(condition, message) {
  if (!condition) throw new Error(message);
  console.log(`ok  ${message}`);
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));

  await page.goto(base + '/');
  check(await page.title() === 'Inkan', 'the page loads');

  await page.fill('#register-email', email);
  await page.fill('#register-password', password);
  await page.click('#register-button');
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Registered'));
  check(true, 'registration succeeds');

  await page.fill('#login-email', email);
  await page.fill('#login-password', password);
  await page.click('#login-button');
  await page.waitForSelector('#signed-in', { state: 'visible' });
  await page.waitForFunction((e) => document.getElementById('me-result').textContent.includes(e), email);
  check((await page.textContent('#token-header-json')).includes('HS256'), 'the token header is shown decoded');
  check((await page.textContent('#token-payload-json')).includes('"sub"'), 'the claims are shown decoded');
  check((await page.textContent('#me-result')).includes(email), '/me answers with the user');
  const cookies = await page.context().cookies();
  const access = cookies.find((c) => c.name === '__Host-inkan_access');
  check(access && access.httpOnly && access.secure && access.sameSite === 'Strict', 'the access token is an HttpOnly, Secure, SameSite=Strict cookie');
  check(!(await page.evaluate(() => document.cookie)).includes('inkan_access'), 'scripts cannot read the access token cookie');
  await page.screenshot({ path: screenshot, fullPage: true });

  await page.waitForFunction(() => document.getElementById('expiry').textContent === 'expired', null, { timeout: 20000 });
  await page.click('#me-button');
  await page.waitForFunction(() => document.getElementById('refreshes').textContent === '1', null, { timeout: 10000 });
  check((await page.textContent('#me-result')).includes(email), 'after expiry, /me works again through a silent refresh');

  await page.click('#sessions-button');
  await page.waitForSelector('#sessions li');
  check((await page.locator('#sessions li').count()) === 1, 'the session list shows this session');

  await page.click('#logout-button');
  await page.waitForSelector('#signed-out', { state: 'visible' });
  const after = await page.evaluate(async () => (await fetch('/me', { credentials: 'same-origin' })).status);
  check(after === 401, 'after logout /me is refused');
  check(errors.length === 0, `no script errors (${errors.join('; ')})`);
  console.log('browser e2e: all good');
} finally {
  await browser.close();
}
