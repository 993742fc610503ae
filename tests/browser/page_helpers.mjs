// Shared machinery of the browser test: one chromium for the file, a fresh
// context and page per flow (with its console errors, CSP violations and a
// screenshot of its final state), the JSON API asked from node, and readers
// that turn what the page shows into plain values to compare with the API.
// Environment: IMR_BASE_URL (the server), IMR_TMP (this run's scratch folder,
// holding the copy of the page's folder the server serves, in web/).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { chromium } from 'playwright-core';
import { SPLIT_KINDS, TRACE_CATEGORIES, splitOf } from './trace_split.mjs';

export const BASE_URL = process.env.IMR_BASE_URL;
const TMP = process.env.IMR_TMP;
const SCREENSHOTS = TMP && path.join(TMP, 'screenshots');
// Generous: the machine is shared, and a wait only ends early on success.
const WAIT_MS = 15_000;
// What the page asks the API for (app.js PER_PAGE); the API's default is the same.
export const PAGE_SIZE = 20;

let browser;

before(async () => {
  assert.ok(BASE_URL && TMP, 'run through tests/browser/run, which sets IMR_BASE_URL and IMR_TMP');
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  printTimings();
  if (browser) await browser.close();
});

function slug(name) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

// Collects what the page reports as wrong; `expected` lists the console
// errors a flow provokes on purpose (Chromium logs every failed fetch).
function watchErrors(page, expected) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = `${message.text()} (${message.location().url})`;
    if (!expected.some((re) => re.test(text))) errors.push(text);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

async function newPage(viewport) {
  const context = await browser.newContext({ viewport: viewport || { width: 1280, height: 900 } });
  // Evaluated by the browser itself, not the page, so the page's CSP allows it.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
    // The clock of measure(): the latest interaction's time, in the page's own
    // clock, so the measured time holds no test-driver overhead.
    window.__imrT0 = null;
    ['click', 'keydown', 'input', 'change'].forEach((type) => document.addEventListener(type, () => {
      if (!window.__imrArmed) return;
      window.__imrT0 = performance.now();
      performance.mark('imr-t0');  // the same moment in the browser's trace
    }, true));
    // Polling sees a change up to a frame late; the change itself is stamped here.
    window.__imrChanged = 0;
    // A person sees a change once a frame shows it, after the style, layout and
    // paint that follow the change: each frame after a change is stamped as
    // [latest change it shows, when it was drawn]. A task posted from a frame's
    // animation callbacks runs after that frame's rendering.
    window.__imrFrames = [];
    let frameAsked = false;
    const askFrame = () => {
      frameAsked = true;
      requestAnimationFrame(() => {
        const shown = window.__imrChanged;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          window.__imrFrames.push([shown, performance.now()]);
          if (window.__imrChanged > shown) askFrame(); else frameAsked = false;
        };
        channel.port2.postMessage(null);
      });
    };
    new MutationObserver(() => {
      window.__imrChanged = performance.now();
      if (!frameAsked) askFrame();
      if (window.__imrWaitFromHere) window.__imrWaitFromHere();
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    window.__imrElapsed = () => window.__imrT0 !== null && Math.max(0, window.__imrChanged - window.__imrT0);
  });
  return { context, page: await context.newPage() };
}

// A full-page picture of the view as it is, as far down as a person would
// scroll: hits the window has not shown yet (content-visibility: auto) are
// drawn for it, as scrolling would, then left to the page again. Through the
// CSSOM: a style sheet or attribute would break the page's CSP.
const drawAllHits = (page, visibility) => page.evaluate((value) => document.querySelectorAll('.hit')
  .forEach((hit) => { hit.style.contentVisibility = value; }), visibility);

export async function screenshot(page, name) {
  await drawAllHits(page, 'visible');
  try {
    return await page.screenshot({ path: path.join(SCREENSHOTS, `${slug(name)}.png`), fullPage: true });
  } finally {
    await drawAllHits(page, '').catch(() => {});
  }
}

// One user flow on its own fresh page, so a failure cannot leave state behind
// for the next one. The final state is kept as a screenshot, failed or not.
export function flow(name, body, { expectedErrors = [], viewport = null } = {}) {
  test(name, async () => {
    const { context, page } = await newPage(viewport);
    const errors = watchErrors(page, expectedErrors);
    try {
      await body(page);
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violations');
      assert.deepEqual(errors, [], 'no unexpected console errors');
    } finally {
      await screenshot(page, name).catch(() => {});
      await context.close();
    }
  });
}

// ---- how long interactions take -----------------------------------------------

const timings = [];

// Runs `action` (a user interaction) and waits until `done` holds in the page,
// polled every frame; `done` must end with `&& window.__imrElapsed()` so it
// answers the milliseconds from the interaction's last event to the last DOM
// change before it held. Recorded for the table printed at the end.
export async function measure(page, name, action, done, arg) {
  await page.evaluate(() => { window.__imrT0 = null; window.__imrArmed = true; });
  // Set up before the interaction: its cost to the page is the driver's.
  await page.evaluate(pageWait(done, arg, 'window.__imrT0', { fromChange: true }));
  await startTrace(page);
  await action();
  const [ms, drawn] = await page.evaluate('window.__imrWait');
  await page.evaluate(() => { window.__imrArmed = false; });
  assert.equal(typeof ms, 'number', `${name}: the interaction was seen by the page`);
  timings.push({ name, ms, drawn, ...await apiTimes(page, 'window.__imrT0', ms), split: await stopTrace(name, 'imr-t0', drawn) });
  return ms;
}

// Opens `url` and waits until `done` holds; `done` must end with
// `&& window.__imrChanged`, the last DOM change in ms since navigation began.
export async function measureLoad(page, name, url, done) {
  await startTrace(page);
  await page.goto(url);
  await page.evaluate(pageWait(done, null, '0', { fromChange: false }));
  const [ms, drawn] = await page.evaluate('window.__imrWait');
  // When the page itself was asked for and had come: before the request is
  // the browser's own navigation (a new renderer), the same for any page.
  const pageTimes = await page.evaluate(() => {
    const [entry] = performance.getEntriesByType('navigation');
    return { request: entry.requestStart, response: entry.responseEnd };
  });
  timings.push({ name, ms, drawn, document: pageTimes, ...await apiTimes(page, '0', ms), split: await stopTrace(name, 'navigationStart', drawn) });
  return ms;
}

// The wait of measure() and measureLoad(), run by the page itself: polls
// `done` every frame and then the frame stamps (newPage()) until the first
// frame showing the DOM change `done` answered (ms after `origin`, a page
// expression) was drawn; window.__imrWait answers [ms, drawn ms]. Not
// Playwright's waitForFunction: each call of it compiles its helper in the
// page (6 to 10 ms of the page's main thread, two to three times that on a
// loaded machine), which fell inside the timed span, just before the frame
// it waited for. An expression rather than a function, so the page's CSP does
// not apply to it; answered at once, so the wait is set up when it returns.
// After an interaction it polls from the first DOM change on, as `done`
// cannot hold before one: a page asking for frames all along draws a change
// up to a frame later.
function pageWait(done, arg, origin, { fromChange }) {
  return `(() => {
    const done = (${done});
    const arg = ${JSON.stringify(arg === undefined ? null : arg)};
    let ms = null;
    let over = false;
    window.__imrWait = new Promise((resolve, reject) => {
      const poll = () => {
        if (over) return;
        try {
          if (ms === null) ms = done(arg) || null;
          const t0 = ${origin};
          const frame = ms !== null && window.__imrFrames.find(([shown]) => shown >= t0 + ms - 0.01);
          if (frame) resolve([ms, frame[1] - t0]);
          else requestAnimationFrame(poll);
        } catch (error) {
          reject(error);
        }
      };
      setTimeout(() => {
        over = true;
        reject(new Error('no frame drew ' + done + ' in ${WAIT_MS} ms'));
      }, ${WAIT_MS});
      window.__imrWaitFromHere = () => {
        window.__imrWaitFromHere = null;
        requestAnimationFrame(poll);
      };
      if (!${fromChange}) window.__imrWaitFromHere();
    });
    window.__imrWait.catch(() => {});  // seen by whoever awaits it
    return true;
  })()`;
}

// With IMR_TRACE set, each timed interaction is also traced (trace_split.mjs)
// and the table gains the renderer main thread's CPU time by kind up to the
// frame drawn.
const TRACING = Boolean(process.env.IMR_TRACE);

let traceOpen = false;  // a failed interaction leaves its trace running; the next one drops it

async function startTrace(page) {
  if (!TRACING) return;
  if (traceOpen) await browser.stopTracing().catch(() => {});
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  traceOpen = true;
}

// Each trace is kept in the run's folder, to open in DevTools' Performance panel.
async function stopTrace(name, markName, ms) {
  if (!TRACING) return null;
  const trace = await browser.stopTracing();
  traceOpen = false;
  mkdirSync(path.join(TMP, 'traces'), { recursive: true });
  writeFileSync(path.join(TMP, 'traces', `${slug(name)}.json`), trace);
  return splitOf(trace, markName, ms);
}

// Where an interaction's time went: of the API requests it made (sent from
// `origin` on, answered before its last DOM change `ms` later), the longest
// from sending to the answer's end in the page, and the longest the server
// itself took (its Server-Timing); the rest of the DOM time is the page's own.
function apiTimes(page, origin, ms) {
  return page.evaluate(([start, until]) => {
    const t0 = start === '0' ? 0 : window.__imrT0;
    const asked = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.startsWith('/api/')
      && e.startTime >= t0 - 1 && e.responseEnd > 0 && e.responseEnd <= t0 + until + 1);
    const app = (e) => (e.serverTiming.find((t) => t.name === 'app') || { duration: 0 }).duration;
    return {
      fetch: Math.max(0, ...asked.map((e) => e.responseEnd - e.startTime)),
      server: Math.max(0, ...asked.map(app)),
    };
  }, [origin, ms]);
}

export function printTimings() {
  if (timings.length === 0) return;
  const width = Math.max(...timings.map((t) => t.name.length));
  const cell = (x) => x.toFixed(1).padStart(8);
  const traced = timings.some((t) => t.split);
  const splitCells = (t) => (traced ? SPLIT_KINDS.map((k) => (t.split ? cell(t.split[k]) : '       -')).join(' | ').concat(' |') : '');
  const lines = timings.map((t) => `| ${t.name.padEnd(width)} | ${cell(t.ms)} | ${cell(t.drawn)} | ${cell(t.fetch)} | ${cell(t.server).padStart(9)} |${traced ? ` ${splitCells(t)}` : ''}`);
  const splitHead = traced ? ` ${SPLIT_KINDS.map((k) => k.padStart(8)).join(' | ')} |` : '';
  const splitRule = traced ? SPLIT_KINDS.map(() => '---------:|').join('') : '';
  console.log([`| ${'interaction'.padEnd(width)} |   DOM ms | drawn ms | fetch ms | server ms |${splitHead}`,
    `|${'-'.repeat(width + 2)}|---------:|---------:|---------:|----------:|${splitRule}`, ...lines].join('\n'));
  const loads = timings.filter((t) => t.document);
  if (loads.length === 0) return;
  console.log([`| ${'page load'.padEnd(width)} | page asked | page came | drawn after asked |`,
    `|${'-'.repeat(width + 2)}|-----------:|----------:|------------------:|`,
    ...loads.map((t) => `| ${t.name.padEnd(width)} | ${cell(t.document.request).padStart(10)} | ${cell(t.document.response).padStart(9)} | ${cell(t.drawn - t.document.request).padStart(17)} |`)].join('\n'));
}

// The API requests the page makes from now until the returned stop() is
// called, each as its path and sorted parameters (apiRequest() spells one).
export function recordApi(page) {
  const asked = [];
  const listener = (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) asked.push(apiRequest(url.pathname, url.searchParams));
  };
  page.on('request', listener);
  return () => {
    page.off('request', listener);
    return asked.sort();
  };
}

// The page's own files (not the API) the server sent from now until the
// returned stop() is called, as "PATH STATUS" in the order served: read from
// the server's log (./run keeps it in IMR_TMP), which also shows what
// page.on('request') leaves out (the icon) and what the browser's cache kept.
export function recordFiles() {
  const served = () => readFileSync(path.join(TMP, 'server.log'), 'utf8').split('\n')
    .map((line) => /method="GET" path="([^"]*)".* status=(\d+)/.exec(line)).filter(Boolean)
    .filter(([, pathname]) => !pathname.startsWith('/api/')).map(([, pathname, status]) => `${pathname} ${status}`);
  const from = served().length;
  return () => served().slice(from);
}

// Adds a page of the test's own to the folder the server serves (./run's
// copy of web/), answered at `/${name}`; the page's own files are read there.
export function servedFile(name, content) {
  writeFileSync(path.join(TMP, 'web', name), content);
}

export const webFile = (name) => readFileSync(path.join(TMP, 'web', name), 'utf8');

export const apiRequest = (pathname, params) => `${pathname}?${[...params].map(([k, v]) => `${k}=${v}`).sort().join('&')}`;

// ---- the API, asked from node ----------------------------------------------

// The page keeps its search in the URL under the API's own parameter names,
// plus its date ranges (`decided`, `injured` as FROM..TO, `undated=include`),
// `view` (results | analytics), `by` and `time` (the analytics' choices) and
// `doc` for the letter it shows.
export function searchParams({
  q = '', filters = [], decided = '', undated = '', injured = '', page = 1, sort = 'relevance', view = '', by = '',
  time = '', doc = '',
} = {}) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  filters.forEach((f) => params.append('filter', f));
  if (decided) params.set('decided', decided);
  if (decided && undated) params.set('undated', undated);
  if (injured) params.set('injured', injured);
  if (page > 1) params.set('page', String(page));
  if (sort !== 'relevance') params.set('sort', sort);
  if (view) params.set('view', view);
  if (by) params.set('by', by);
  if (time) params.set('time', time);
  if (doc) params.set('doc', doc);
  return params;
}

// The query the API is asked: the typed one and the page's date ranges in
// the query language (README "Query language"); undated letters join a
// decision range only when asked to.
export const ANY_DECISION_DATE = 'decided:1000..';

export function apiQueryOf({ q = '', decided = '', undated = '', injured = '' }) {
  const clauses = [];
  if (decided) clauses.push(undated ? `(decided:${decided} OR NOT ${ANY_DECISION_DATE})` : `decided:${decided}`);
  if (injured) clauses.push(`injury:${injured}`);
  const dates = clauses.join(' ');
  if (!dates) return q;
  return q ? `(${q}) ${dates}` : dates;
}

// The API's parameters (q and filters) for a page state.
export function apiParamsOf(state) {
  const params = new URLSearchParams();
  const q = apiQueryOf(state);
  if (q) params.set('q', q);
  (state.filters || []).forEach((f) => params.append('filter', f));
  return params;
}

export async function api(pathAndQuery, status = 200) {
  const response = await fetch(`${BASE_URL}${pathAndQuery}`);
  const body = await response.json();
  assert.equal(response.status, status, `${pathAndQuery} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

export function apiSearch(state) {
  const params = apiParamsOf(state);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.sort && state.sort !== 'relevance') params.set('sort', state.sort);
  params.set('per_page', String(PAGE_SIZE));
  return api(`/api/search?${params}`);
}

export function apiDoc(key, { q = '', status = 200 } = {}) {
  return api(`/api/doc/${encodeURIComponent(key)}${q ? `?q=${encodeURIComponent(q)}` : ''}`, status);
}

export const letterKey = (hit) => hit.key || hit.case_number;

export const pageCount = (result) => Math.max(1, Math.ceil(result.total / PAGE_SIZE));

// ---- waiting on the page -----------------------------------------------------

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Polls `read` until it gives `expected` (or the wait runs out), then asserts,
// so a failure shows what the page last showed.
export async function eventually(read, expected, message) {
  const deadline = Date.now() + WAIT_MS;
  let actual = await read();
  while (!isDeepStrictEqual(actual, expected) && Date.now() < deadline) {
    await sleep(50);
    actual = await read();
  }
  assert.deepEqual(actual, expected, message);
}

export function openSearch(page, state = {}) {
  const query = searchParams(state).toString();
  return page.goto(`${BASE_URL}/${query ? `?${query}` : ''}`);
}

// ---- reading the page ----------------------------------------------------------

// The total in the status line ("1,234 letters in 3.2 ms", "No letters match.")
// and the letters listed, by the key their links carry.
export function shownResults(page) {
  return page.evaluate(() => {
    const status = document.getElementById('status').textContent;
    const count = /^([\d,]+) letters?\b/.exec(status);
    let total = null;
    if (count) total = Number(count[1].replace(/,/g, ''));
    else if (status === 'No letters match.') total = 0;
    const keys = [...document.querySelectorAll('#hits .hit .hit-link')].map((a) => a.dataset.key);
    return { total, keys };
  });
}

// Waits until the page lists what the API answers for the same search.
// The analytics view asks for the counts alone, so it lists no hits.
export async function expectResults(page, state, message = 'the page shows the API\'s answer') {
  const result = await apiSearch(state);
  const keys = result.hits.map(letterKey);
  await eventually(async () => {
    const shown = await shownResults(page);
    const analytics = (await page.evaluate(() => document.body.dataset.view)) === 'analytics';
    return analytics ? { ...shown, keys: shown.keys.length === 0 ? keys : ['hits shown in analytics'] } : shown;
  }, { total: result.total, keys }, `${message} (${searchParams(state)})`);
  return result;
}

// The URL's search state as sorted [name, value] pairs.
export function urlState(page) {
  return [...new URL(page.url()).searchParams].sort();
}

export function expectUrl(page, state, message = 'the URL holds the search') {
  const expected = [...searchParams(state)].sort();
  return eventually(async () => urlState(page), expected, message);
}

export function shownPager(page) {
  return page.evaluate(() => ({
    shown: !document.getElementById('pager').hidden,
    info: document.getElementById('page-info').textContent,
    previous: !document.getElementById('prev-page').disabled,
    next: !document.getElementById('next-page').disabled,
  }));
}

// A facet's listed values with their counts, as the API spells them.
export function shownFacet(page, field) {
  return page.$$eval(`[data-facet="${field}"] button.facet-value`, (buttons) => buttons.map((b) => ({
    value: b.dataset.value,
    count: Number(b.querySelector('.facet-count').textContent.replace(/,/g, '')),
  })));
}

export function pressedFilters(page) {
  return page.$$eval('button.facet-value[aria-pressed="true"]', (buttons) =>
    buttons.map((b) => `${b.closest('[data-facet]').dataset.facet}:${b.dataset.value}`).sort());
}

export const facetValue = (page, field, value) =>
  page.locator(`[data-facet="${field}"] button.facet-value[data-value="${value}"]`);

export async function search(page, query) {
  await page.fill('#q', query);
  await page.press('#q', 'Enter');
}

// The text a piece of the API's escaped HTML shows, parsed the way the page
// parses it (a detached document: nothing in it runs).
export function textOfHtml(page, html) {
  return page.evaluate((source) => new DOMParser().parseFromString(source, 'text/html').body.textContent, html);
}
