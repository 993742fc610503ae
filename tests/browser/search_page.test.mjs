// Browser test of the search page against a running imr-search (started by
// ./run): searching, facet filters, paging state in the URL, opening a letter,
// the error message, and that no letter text can ever run as script.
// Environment: IMR_BASE_URL (the server), IMR_TMP (a scratch folder of this
// run, for the browser profile and the screenshot).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.IMR_BASE_URL;
const TMP = process.env.IMR_TMP;
const WAIT_MS = 10_000;

let context;
let page;
const consoleErrors = [];

// A 400 from the API is expected for the bad query; Chromium logs every
// failed fetch as a console error, so that one message is allowed.
function isExpectedFailure(message) {
  return /status of 400/.test(message.text()) && message.location().url.includes('/api/search');
}

before(async () => {
  assert.ok(BASE_URL && TMP, 'run through tests/browser/run, which sets IMR_BASE_URL and IMR_TMP');
  context = await chromium.launchPersistentContext(path.join(TMP, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Evaluated by the browser itself, not the page, so the page's CSP allows it.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page = context.pages()[0] || await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && !isExpectedFailure(message)) consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  await page.goto(`${BASE_URL}/`);
});

after(async () => {
  if (context) await context.close();
});

async function waitForHits(count) {
  await page.waitForFunction(
    (n) => !document.querySelector('#results[aria-busy]') && document.querySelectorAll('#hits .hit').length === n,
    count, { timeout: WAIT_MS },
  ).catch(() => {});
  assert.equal(await page.locator('#hits .hit').count(), count, `expected ${count} results`);
}

async function search(query) {
  await page.fill('#q', query);
  await page.press('#q', 'Enter');
}

const decisionValue = (value) => page.locator(`[data-facet="decision"] button.facet-value[data-value="${value}"]`);

test('searching carisoprodol shows the 5 seed letters, each snippet highlighted', async () => {
  await search('carisoprodol');
  await waitForHits(5);
  assert.match(page.url(), /[?&]q=carisoprodol/);
  assert.match(await page.textContent('#status'), /^5 letters/);
  const marksPerHit = await page.$$eval('#hits .hit', (hits) =>
    hits.map((hit) => hit.querySelectorAll('.hit-snippet mark').length));
  assert.ok(marksPerHit.every((n) => n > 0), `every snippet has a mark: ${marksPerHit}`);
  const marked = await page.$$eval('.hit-snippet mark', (marks) => marks.map((m) => m.textContent.toLowerCase()));
  assert.ok(marked.some((text) => text.includes('carisoprodol')), `marks: ${marked}`);
  await page.screenshot({ path: path.join(TMP, 'search.png'), fullPage: true });
});

test('the overturned decision facet narrows to the one letter, its overturned item marked', async () => {
  await decisionValue('overturned').click();
  await waitForHits(1);
  assert.equal(await decisionValue('overturned').getAttribute('aria-pressed'), 'true');
  assert.match(page.url(), /filter=decision%3Aoverturned/);
  const overturned = await page.locator('#hits .item .badge-overturned').count();
  assert.ok(overturned >= 1, 'the letter shows an overturned item');
  assert.equal(await page.locator('#hits .item.is-matched .badge-overturned').count(), overturned,
    'every overturned item is marked as matching');
});

test('clearing the facet brings back all 5, and Back/Forward replay the filter', async () => {
  await page.click('[data-facet="decision"] .facet-clear');
  await waitForHits(5);
  assert.equal(await decisionValue('overturned').getAttribute('aria-pressed'), 'false');
  await page.goBack();
  await waitForHits(1);
  await page.goForward();
  await waitForHits(5);
});

test('opening a letter shows its record and its text with the query marked', async () => {
  const title = await page.locator('#hits .hit-link').first().textContent();
  await page.locator('#hits .hit-link').first().click();
  await page.waitForSelector('#letter-text mark', { timeout: WAIT_MS });
  assert.match(page.url(), /[?&]doc=/);
  assert.equal(await page.textContent('#letter-heading'), title);
  assert.ok(await page.locator('#letter-items .item').count() >= 1, 'the letter lists its items');
  const text = await page.textContent('#letter-text');
  assert.ok(text.toLowerCase().includes('carisoprodol'), 'the letter text is shown');
  await page.click('#letter-back');
  await waitForHits(5);
  assert.ok(await page.isHidden('#letter-view'));
});

test('an unparsable query shows the server\'s message', async () => {
  await search('"soma');
  await page.waitForSelector('#error:not([hidden])', { timeout: WAIT_MS });
  const message = (await page.textContent('#error')).trim();
  assert.ok(message.length > 0, 'the error says what is wrong');
  assert.equal(await page.locator('#hits .hit').count(), 0);
});

test('markup in a letter is shown as text and never runs', async () => {
  await search('verbatim portal');
  await waitForHits(1);
  await page.locator('#hits .hit-link').first().click();
  await page.waitForSelector('#letter-text mark', { timeout: WAIT_MS });
  const text = await page.textContent('#letter-text');
  assert.ok(text.includes('window.__pwned=1'), 'the letter\'s markup is shown as text');
  const foreign = await page.$$eval('#letter-text *:not(mark, p), .hit-snippet *:not(mark)', (nodes) =>
    nodes.map((n) => n.tagName));
  assert.deepEqual(foreign, [], 'server HTML holds nothing but paragraphs and <mark>');
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
});

test('no console errors and no CSP violations', async () => {
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(consoleErrors, []);
});
