// Browser test of the page's analysis and reading features against a running
// imr-search (started by ./run): the analytics view against /api/stats, the
// date ranges against the query language, export and feed links, stepping
// through a letter's hits, keyboard focus, layout at error and phone widths,
// search as you type. Each main interaction is timed from its last event to
// the updated DOM (page_helpers measure()); the table is printed at the end.
import assert from 'node:assert/strict';
import {
  BASE_URL, apiDoc, apiParamsOf, apiQueryOf, apiSearch, eventually, expectResults, expectUrl, facetValue, flow,
  letterKey, measure, measureLoad, openSearch, pressedFilters, screenshot, search, searchParams, shownResults, ANY_DECISION_DATE, api,
  apiRequest, recordApi, recordFiles, servedFile, webFile,
} from './page_helpers.mjs';

const QUERY = 'carisoprodol';
const PHONE = { width: 375, height: 740 };
// How many bars the analytics view draws before "Show all" (app.js STATS_SHOWN).
const STATS_SHOWN = 15;

async function apiStats(state, by) {
  const params = apiParamsOf(state);
  params.set('by', by);
  return api(`/api/stats?${params}`);
}

// The rate bars as plain values, in the order drawn.
function shownBars(page) {
  return page.$$eval('#stats-bars .stat-button', (buttons) => buttons.map((b) => ({
    value: b.dataset.value,
    items: Number(b.dataset.items),
    upheld: Number(b.dataset.upheld),
    overturned: Number(b.dataset.overturned),
    pressed: b.getAttribute('aria-pressed') === 'true',
  })));
}

const barsOf = (rows, pressed = []) => rows.slice(0, STATS_SHOWN).map((row) => ({
  value: String(row.value), items: row.items, upheld: row.upheld, overturned: row.overturned,
  pressed: pressed.includes(String(row.value)),
}));

// The Wilson 95% interval, written out here independently of the page's.
function wilson(k, n) {
  const z = 1.959964;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;
// Counts as the page writes them (1,234).
const num = (n) => n.toLocaleString('en-US');
// How the status line starts for `total` letters, spelt here for a timed
// wait: toLocaleString in the page loads its locale data there first, some
// 9 ms of the page's main thread inside the span being timed.
const statusOf = (total) => `${num(total)} letter`;

// Opens the "Show as table" box holding `selector` and waits for its table:
// the page builds it only then, on the box's toggle event (a task of its own).
async function openTable(page, selector) {
  await page.click(`details:has(${selector}) > summary`);
  await page.waitForSelector(`${selector} table tbody`, { state: 'attached' });
}

function shownTable(page, selector) {
  return page.$$eval(`${selector} tbody tr`, (rows) => rows.map((row) =>
    [...row.children].map((cell) => cell.textContent)));
}

const layoutWidths = (page) => page.evaluate(() => ({
  results: document.getElementById('results').getBoundingClientRect().width,
  viewport: window.innerWidth,
  overflows: document.documentElement.scrollWidth > document.documentElement.clientWidth,
}));

// ---- analytics ------------------------------------------------------------------

flow('the empty query opens on analytics whose bars are the API\'s stats, and a bar filters', async (page) => {
  await openSearch(page);
  const all = await apiStats({}, 'drug');
  await eventually(() => shownBars(page), barsOf(all.rows), 'the drug bars are /api/stats by drug, most items first');
  assert.equal(await page.textContent('#results-heading'), 'Outcomes of all letters');
  assert.equal(await page.title(), 'Outcomes of all letters · IMR Search', 'title and heading agree');
  const labels = await page.$$eval('#stats-bars svg[role="img"]', (svgs) => svgs.map((svg) =>
    [svg.getAttribute('aria-label'), svg.querySelector('title')?.textContent]));
  const [first] = all.rows;
  const [low, high] = wilson(first.overturned, first.upheld + first.overturned);
  assert.equal(labels[0][0], `${first.value}: ${pct(first.overturned / first.items)} overturned `
    + `(95% interval ${pct(low)} to ${pct(high)}) of ${first.items.toLocaleString('en-US')} items`,
  'each bar says its rate and its Wilson interval');
  assert.equal(labels[0][1], labels[0][0], 'and has a <title>');
  assert.equal(await page.$$eval('#stats-table tr', (rows) => rows.length), 0, 'a closed table is not built');
  await openTable(page, '#stats-table');
  const table = await shownTable(page, '#stats-table');
  assert.equal(table.length, all.rows.length, 'the table lists every row');
  assert.deepEqual(table[0], [first.value, num(first.items), num(first.upheld), num(first.overturned),
    pct(first.overturned / first.items), `${pct(low)} – ${pct(high)}`]);
  await screenshot(page, 'view analytics');

  const choosing = recordApi(page);
  await measure(page, 'analytics: choose drug class', () => page.selectOption('#stats-by', 'drug_class'),
    () => document.querySelector('.stat-rows[data-by="drug_class"]') && window.__imrElapsed());
  await expectUrl(page, { by: 'drug_class', view: 'analytics' }, 'the choice is in the URL, the view pinned');
  const classes = await apiStats({}, 'drug_class');
  await eventually(() => shownBars(page), barsOf(classes.rows), 'the bars are /api/stats by drug_class');
  assert.deepEqual(choosing(), [apiRequest('/api/stats', [['by', 'drug_class']])],
    'a new field asks for its bars alone; the time chart stays');

  const pick = String(classes.rows[1].value);
  const filtered = { filters: [`drug_class:${pick}`], view: 'analytics', by: 'drug_class' };
  const expected = await apiStats(filtered, 'drug_class');
  await measure(page, 'analytics: click a bar', () => page.click(`#stats-bars .stat-button[data-value="${pick}"]`),
    (value) => document.querySelector(`.stat-button[data-value="${value}"][aria-pressed="true"]`) && window.__imrElapsed(), pick);
  await expectUrl(page, filtered, 'the bar\'s value is a filter, the view stays');
  await eventually(() => shownBars(page), barsOf(expected.rows, [pick]), 'the bars follow the filter');
  await eventually(() => pressedFilters(page), [`drug_class:${pick}`], 'the facet shows the same filter');
  assert.deepEqual(await page.$$eval('#chips .chip', (chips) => chips.map((c) => c.textContent)),
    [`Drug class: ${pick.replace(/_/g, ' ')}×`], 'a chip names it');
});

flow('decisions per year and month are the API\'s, in time order, and a year filters', async (page) => {
  const state = { q: QUERY, view: 'analytics' };
  await openSearch(page, state);
  const years = await apiStats(state, 'decision_year');
  const chrono = (rows) => rows.map((r) => [String(r.value), r.upheld, r.overturned])
    .sort((a, b) => a[0].localeCompare(b[0]));
  const shownColumns = () => page.$$eval('#stats-time-table tbody tr', (rows) => rows.map((row) =>
    [row.children[0].textContent, Number(row.children[2].textContent.replace(/,/g, '')),
      Number(row.children[3].textContent.replace(/,/g, ''))]));
  await page.waitForSelector('#stats-time-chart .column');
  await openTable(page, '#stats-time-table');
  await eventually(shownColumns, chrono(years.rows), 'the year table is /api/stats by decision_year, oldest first');
  const columns = await page.$$eval('#stats-time-chart svg[role="img"] .column', (groups) => groups.map((g) => g.dataset.value));
  assert.deepEqual(columns, chrono(years.rows).map((r) => r[0]), 'one column per year, oldest first');

  await page.selectOption('#stats-time', 'decision_month');
  await expectUrl(page, { ...state, time: 'decision_month' });
  const months = await apiStats(state, 'decision_month');
  await eventually(shownColumns, chrono(months.rows), 'the month table is /api/stats by decision_month');

  await page.selectOption('#stats-time', 'decision_year');
  const year = chrono(years.rows)[0][0];
  await page.click(`#stats-time-chart .column[data-value="${year}"] rect`);
  await expectUrl(page, { ...state, filters: [`decision_year:${year}`] });
  const narrowed = await apiStats({ ...state, filters: [`decision_year:${year}`] }, 'decision_year');
  await eventually(shownColumns, chrono(narrowed.rows), 'the chart follows the year filter');
});

flow('the time chart shows a period value carrying markup as text, and clicking it still filters', async (page) => {
  // The chart is written as markup (charts.js): a value is escaped there,
  // whatever the server sends. A stats answer carrying markup stands in.
  const hostile = '2014"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await page.route('**/api/stats?*', async (route) => {
    const url = new URL(route.request().url());
    if (url.searchParams.get('by') !== 'decision_year') return route.continue();
    return route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ by: 'decision_year', rows: [
        { value: '2013', items: 3, upheld: 2, overturned: 1 },
        { value: hostile, items: 4, upheld: 1, overturned: 3 },
      ] }),
    });
  });
  await openSearch(page, { q: QUERY, view: 'analytics' });
  await page.waitForSelector('#stats-time-chart .column');
  const shown = await page.$$eval('#stats-time-chart .column', (groups) => groups.map((g) => ({
    value: g.dataset.value, title: g.querySelector('title').textContent,
  })));
  assert.deepEqual(shown, [
    { value: '2013', title: '2013: 2 upheld, 1 overturned' },
    { value: hostile, title: `${hostile}: 1 upheld, 3 overturned` },
  ], 'the values are the text sent, in order');
  assert.equal(await page.$$eval('#stats-time-chart img, #stats-time-chart script', (nodes) => nodes.length), 0, 'no element made of it');
  await page.click('#stats-time-chart .column[data-value="2013"] rect');
  await expectUrl(page, { q: QUERY, view: 'analytics', filters: ['decision_year:2013'] }, 'a column still filters');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
});

// ---- dates ----------------------------------------------------------------------

flow('decision and injury date ranges give the API\'s totals, undated letters counted', async (page) => {
  const R = { q: QUERY, view: 'results' };
  await openSearch(page, R);
  await expectResults(page, R);
  const decided = '2014-01-01..2016-12-31';
  const ranged = { ...R, decided };
  await page.fill('#decided-from', '2014-01-01');
  await expectUrl(page, { ...R, decided: '2014-01-01..' });
  await expectResults(page, { ...R, decided: '2014-01-01..' }, 'an open-ended range');
  const result = await apiSearch(ranged);
  const moving = recordApi(page);
  await measure(page, 'dates: set decided to', () => page.fill('#decided-to', '2016-12-31'),
    (status) => document.getElementById('status').textContent.startsWith(status) && window.__imrElapsed(),
    statusOf(result.total));
  await expectUrl(page, ranged);
  await expectResults(page, ranged, 'the range is decided:FROM..TO added to the query');
  assert.deepEqual(moving(), [apiRequest('/api/search', [...apiParamsOf(ranged), ['per_page', '20'], ['page', '1']])],
    'moving a date asks the search alone: the undated count does not depend on the range');

  const undated = await apiSearch({ ...R, q: `(${QUERY}) NOT ${ANY_DECISION_DATE}` });
  assert.ok(undated.total > 0, 'the index has undated letters for this query');
  await eventually(() => page.textContent('#undated-count'),
    `${num(undated.total)} letters have no decision date (left out).`, 'the undated letters are counted');
  await page.check('#undated-include');
  const included = await expectResults(page, { ...ranged, undated: 'include' }, 'undated letters included');
  assert.equal(included.total, result.total + undated.total, 'included means the range plus the undated');
  await page.uncheck('#undated-include');
  await expectResults(page, ranged);

  await page.fill('#injured-from', '2005-01-01');
  const injured = { ...ranged, injured: '2005-01-01..' };
  await expectUrl(page, injured);
  const byInjury = await expectResults(page, injured, 'the injury range is injury:FROM..');
  assert.ok(byInjury.total < result.total, `the injury range narrows: ${byInjury.total} of ${result.total}`);
  assert.equal(apiQueryOf(injured), `(${QUERY}) decided:${decided} injury:2005-01-01..`);

  await page.click('#chips .chip >> nth=1');
  await expectUrl(page, ranged, 'removing the injury chip removes the range');
  const year = (await apiSearch(R)).facets.decision_year[0].value;
  await page.selectOption('#decided-year', year);
  await expectResults(page, { ...R, decided: `${year}-01-01..${year}-12-31` }, 'a year is its whole calendar year');
  assert.equal(await page.inputValue('#decided-from'), `${year}-01-01`);
});

flow('removing a chip moves the focus to the next one, which keeps it once the answer is drawn', async (page) => {
  const state = { q: QUERY, view: 'results', decided: '2014-01-01..', injured: '2005-01-01..' };
  await openSearch(page, state);
  await expectResults(page, state);
  await page.click('#chips .chip >> nth=0');
  const rest = { q: QUERY, view: 'results', injured: '2005-01-01..' };
  await expectUrl(page, rest);
  await expectResults(page, rest);
  assert.deepEqual(await page.$$eval('#chips .chip', (chips) => chips.map((c) => c.textContent)), ['Injured from 2005-01-01×']);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Injured from 2005-01-01×', 'the focus is on it');
});

flow('with a date range, did you mean offers the typed query corrected and keeps the range', async (page) => {
  const state = { q: 'carisoprodl', decided: '2013-01-01..' };
  const { suggestion } = await apiSearch(state);
  assert.equal(suggestion, `(${QUERY}) decided:2013-01-01..`, 'the API corrects the whole sent query');
  await openSearch(page, state);
  await expectResults(page, state);
  await eventually(() => page.evaluate(() => document.querySelector('#suggestion a')?.textContent), QUERY,
    'the page offers what was typed, corrected');
  await page.click('#suggestion a');
  await expectUrl(page, { ...state, q: QUERY }, 'the range stays a range');
  await expectResults(page, { ...state, q: QUERY });
});

flow('last 12 months is the year up to today', async (page) => {
  await openSearch(page, { view: 'results' });
  await page.click('#last-12');
  const today = new Date();
  const start = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate() + 1));
  const decided = `${start.toISOString().slice(0, 10)}..${today.toISOString().slice(0, 10)}`;
  await expectUrl(page, { view: 'results', decided });
  await expectResults(page, { decided });
});

// ---- export and feed ----------------------------------------------------------------

// RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      assert.equal(field, '', `a quote only opens a field (row ${rows.length + 1})`);
      quoted = true;
    } else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  assert.equal(quoted, false, 'every quoted field is closed');
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

// Every matching letter, page by page, as the search API lists them.
async function allHits(state) {
  const hits = [];
  for (let page = 1; ; page += 1) {
    const params = apiParamsOf(state);
    params.set('per_page', '100');
    params.set('page', String(page));
    const result = await api(`/api/search?${params}`);
    hits.push(...result.hits);
    if (hits.length >= result.total || result.hits.length === 0) return hits;
  }
}

flow('export links stream every matching letter: CSV one row per item, JSON lines one per letter', async (page) => {
  const state = { q: QUERY, filters: ['decision:overturned'], decided: '2013-01-01..', view: 'results' };
  await openSearch(page, state);
  const result = await expectResults(page, state);
  const csvHref = await page.getAttribute('#export-csv', 'href');
  const url = new URL(csvHref, BASE_URL);
  assert.equal(url.pathname, '/api/export');
  assert.deepEqual([...url.searchParams].sort(), [...apiParamsOf(state), ['format', 'csv']].sort(),
    'the link carries the page\'s query with its dates and filters');
  const response = await fetch(url);
  assert.equal(response.status, 200);
  const rows = parseCsv(await response.text());
  const [header, ...items] = rows;
  assert.ok(header.includes('case_number') && header.includes('decision'), `a header row: ${header}`);
  assert.ok(items.every((r) => r.length === header.length), 'every row has the header\'s columns');
  const hits = await allHits(state);
  assert.equal(hits.length, result.total);
  assert.equal(items.length, hits.reduce((sum, hit) => sum + hit.items.length, 0),
    'one row per item of every matching letter');

  const jsonl = await fetch(new URL(await page.getAttribute('#export-jsonl', 'href'), BASE_URL));
  const records = (await jsonl.text()).split('\n').filter(Boolean).map((line) => JSON.parse(line));
  assert.equal(records.length, result.total, 'one JSON line per letter');
  assert.ok(records.every((r) => !('html' in r) && !('text' in r)), 'no letter text');
});

flow('the feed link is valid Atom for the search, newest letters first', async (page) => {
  const state = { q: QUERY, view: 'results' };
  await openSearch(page, state);
  await expectResults(page, state);
  const href = await page.getAttribute('#feed-link', 'href');
  assert.equal(await page.getAttribute('link[rel="alternate"][type="application/atom+xml"]', 'href'), href,
    'the head names the same feed');
  assert.deepEqual([...new URL(href, BASE_URL).searchParams], [...apiParamsOf(state)]);
  const feed = await page.evaluate(async (url) => {
    const response = await fetch(url);
    const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
    const atom = 'http://www.w3.org/2005/Atom';
    return {
      type: response.headers.get('content-type'),
      error: doc.querySelector('parsererror')?.textContent || null,
      root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
      title: doc.getElementsByTagNameNS(atom, 'title')[0]?.textContent,
      entries: [...doc.getElementsByTagNameNS(atom, 'entry')].map((entry) => ({
        updated: entry.getElementsByTagNameNS(atom, 'updated')[0]?.textContent,
        link: entry.getElementsByTagNameNS(atom, 'link')[0]?.getAttribute('href'),
      })),
    };
  }, href);
  assert.ok(feed.type.startsWith('application/atom+xml'), feed.type);
  assert.equal(feed.error, null, 'the feed parses as XML');
  assert.equal(feed.root, 'http://www.w3.org/2005/Atom feed');
  assert.ok(feed.entries.length > 0, 'entries');
  const times = feed.entries.map((e) => Date.parse(e.updated));
  assert.ok(times.every(Number.isFinite), 'every entry has an updated time');
  assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
  assert.ok(feed.entries.every((e) => /[?&]doc=/.test(e.link)), 'each entry links to the letter view');
});

// ---- a letter you can read -----------------------------------------------------------

const hitState = (page) => page.evaluate(() => {
  const marks = [...document.querySelectorAll('#letter-text mark')];
  return { info: document.getElementById('hit-info').textContent, current: marks.findIndex((m) => m.classList.contains('is-current')) };
});

flow('a letter opens at its first hit and n / p step through the hits', async (page) => {
  const state = { q: QUERY, view: 'results' };
  await openSearch(page, state);
  const result = await expectResults(page, state);
  // The letter with most items, so the matching ones stand out.
  const hit = result.hits.reduce((most, h) => (h.items.length > most.items.length ? h : most));
  const key = letterKey(hit);
  await measure(page, 'open a letter from the results', () => page.click(`#hits .hit-link[data-key="${key}"]`),
    () => document.querySelector('#letter-text mark.is-current') && window.__imrElapsed());
  const marks = await page.locator('#letter-text mark').count();
  assert.ok(marks > 1, `several hits (${marks})`);
  await eventually(() => hitState(page), { info: `Hit 1 of ${marks}`, current: 0 });
  const inView = await page.$eval('#letter-text mark.is-current', (m) => {
    const box = m.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
  assert.ok(inView, 'the first hit is scrolled into view');

  await measure(page, 'letter: n to the next hit', () => page.keyboard.press('n'),
    () => document.getElementById('hit-info').textContent.startsWith('Hit 2 ') && window.__imrElapsed());
  assert.deepEqual(await hitState(page), { info: `Hit 2 of ${marks}`, current: 1 });
  await page.keyboard.press('p');
  await page.keyboard.press('p');
  assert.deepEqual(await hitState(page), { info: `Hit ${marks} of ${marks}`, current: marks - 1 }, 'p wraps to the last');
  await page.click('#next-hit');
  assert.deepEqual(await hitState(page), { info: `Hit 1 of ${marks}`, current: 0 }, 'the button steps too');

  const matched = await page.$$eval('#letter-items .item', (items) => items.map((i) => i.classList.contains('is-matched')));
  assert.deepEqual(matched, hit.items.map((i) => Boolean(i.matched)), 'the matching items are flagged as in the list');
  const similar = await api(`/api/similar/${encodeURIComponent(key)}`);
  await eventually(() => page.$$eval('#similar-list a', (links) => links.length), Math.min(5, similar.hits.length),
    'similar letters are listed');
  await screenshot(page, 'view letter');

  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => Object.fromEntries(
    ['.masthead', '.search-bar', '.letter-tools', '#similar', '#letter-text'].map((s) => [s, document.querySelector(s).checkVisibility()])));
  assert.deepEqual(printed, { '.masthead': false, '.search-bar': false, '.letter-tools': false, '#similar': false, '#letter-text': true },
    'printing shows the letter without the page around it');
});

flow('a letter linked directly flags its matching items, names its source by file and offers its link', async (page) => {
  const result = await apiSearch({ q: QUERY });
  const hit = result.hits.find((h) => h.case_number && h.items.some((i) => !i.matched));
  assert.ok(hit, 'a letter with items that do not match');
  const record = await apiDoc(hit.case_number);
  await openSearch(page, { q: QUERY, doc: hit.case_number });
  await eventually(() => page.$$eval('#letter-items .item', (items) => items.map((i) => i.classList.contains('is-matched'))),
    hit.items.map((i) => Boolean(i.matched)), 'items flagged from the search');
  const source = await page.$$eval('#letter-fields .field', (rows) =>
    rows.find((r) => r.querySelector('dt').textContent === 'Source').querySelector('dd').textContent);
  assert.equal(source, record.source.split('/').pop(), 'the file name only');
  assert.ok(!(await page.textContent('body')).includes(record.source.replace(/[^/]*$/, '')), 'no server folder anywhere');
  await page.click('#copy-link');
  await eventually(() => page.textContent('#copy-status').then((t) => t === 'Link copied.' || t.endsWith(page.url())), true,
    'the link is copied or shown to copy');
  assert.equal(await page.title(), `Case ${hit.case_number} · IMR Search`);
});

// ---- keyboard, layout, phone ---------------------------------------------------------

flow('keyboard focus stays on a toggled facet, and a long facet filters by typing and sorts A-Z', async (page) => {
  const state = { q: QUERY };
  const loading = recordFiles();
  await openSearch(page, state);
  const all = await expectResults(page, state);
  await eventually(() => loading().includes('/favicon.png 200'), true, 'the page fetched its icon');
  const toggling = recordFiles();
  const value = all.facets.specialty[1].value;
  await facetValue(page, 'specialty', value).focus();
  await measure(page, 'toggle a facet with the keyboard', () => page.keyboard.press('Enter'),
    (v) => document.querySelector(`[data-facet="specialty"] button[data-value="${v}"][aria-pressed="true"]`) && window.__imrElapsed(), value);
  await expectResults(page, { q: QUERY, filters: [`specialty:${value}`] });
  const focused = () => page.evaluate(() => {
    const node = document.activeElement;
    return node && node.dataset.value ? `${node.closest('[data-facet]').dataset.facet}:${node.dataset.value}:${node.getAttribute('aria-pressed')}` : null;
  });
  assert.equal(await focused(), `specialty:${value}:true`, 'focus is on the toggled value');
  await page.keyboard.press('Space');
  await expectResults(page, state);
  assert.equal(await focused(), `specialty:${value}:false`, 'and stays there when toggled back');
  // Chromium fetches the icon again on every history.pushState unless the
  // server lets it keep it; an interaction should cost the search alone.
  assert.deepEqual(toggling(), [], 'toggling fetches none of the page\'s files again');

  const drugs = all.facets.drug.map((d) => d.value);
  const box = page.locator('[data-facet="drug"] .facet-filter');
  await box.fill('co');
  const names = () => page.$$eval('[data-facet="drug"] button.facet-value', (b) => b.map((n) => n.dataset.value));
  await eventually(names, drugs.filter((d) => d.replace(/_/g, ' ').includes('co')), 'typing narrows the values');
  await box.fill('');
  await page.click('[data-facet="drug"] .facet-order');
  await eventually(names, [...drugs].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })).slice(0, 8), 'A-Z');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('facet-order')), true, 'focus stays on the order switch');
});

flow('an error or no results keep the results area wide', async (page) => {
  await openSearch(page);
  // Settled first, so the timing is of this search alone.
  await expectResults(page, {});
  await page.waitForSelector('#stats-bars .stat-button');
  await measure(page, 'search: an unparsable query', () => search(page, '"soma'),
    () => !document.getElementById('error').hidden && window.__imrElapsed());
  const onError = await layoutWidths(page);
  assert.ok(onError.results > onError.viewport * 0.5, `results ${onError.results} px of ${onError.viewport}`);
  assert.equal(onError.overflows, false);
  await search(page, 'zzqxwv');
  await expectResults(page, { q: 'zzqxwv' });
  const onNothing = await layoutWidths(page);
  assert.ok(onNothing.results > onNothing.viewport * 0.5, `results ${onNothing.results} px of ${onNothing.viewport}`);
}, { expectedErrors: [/status of 400/] });

flow('on a phone the filters fold away and show N results closes them', async (page) => {
  const state = { q: QUERY };
  await openSearch(page, state);
  const result = await expectResults(page, state);
  const panelShown = () => page.$eval('#facet-panel', (p) => p.checkVisibility());
  assert.equal(await panelShown(), false, 'the filters start folded');
  await page.click('#facets-toggle');
  assert.equal(await panelShown(), true);
  await facetValue(page, 'decision', 'overturned').click();
  const narrowed = await expectResults(page, { q: QUERY, filters: ['decision:overturned'] });
  assert.ok(narrowed.total < result.total);
  await eventually(() => page.textContent('#show-results'), `Show ${num(narrowed.total)} letters`);
  await page.click('#show-results');
  assert.equal(await panelShown(), false, 'the button closes the filters');
  const layout = await layoutWidths(page);
  assert.equal(layout.overflows, false, 'nothing wider than the phone');
  assert.ok(layout.results > layout.viewport * 0.8, `results use the width: ${layout.results} of ${layout.viewport}`);
  await screenshot(page, 'view phone results');
  await page.click('#tab-analytics');
  await page.waitForSelector('#stats-bars .stat-button');
  assert.equal((await layoutWidths(page)).overflows, false, 'analytics fit the phone');
  await screenshot(page, 'view phone analytics');
}, { viewport: PHONE });

// ---- typing ---------------------------------------------------------------------------

flow('search as you type runs once typing pauses, / focuses the box, title and heading agree', async (page) => {
  await openSearch(page, { view: 'results' });
  await expectResults(page, { view: 'results' });
  const before = await page.evaluate(() => window.history.length);
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q', '/ focuses the search box');
  const result = await apiSearch({ q: QUERY });
  await measure(page, 'search as you type (incl. 250 ms pause)', () => page.keyboard.type(QUERY, { delay: 40 }),
    ([status, key]) => document.getElementById('status').textContent.startsWith(status)
      && document.querySelector('#hits .hit-link')?.dataset.key === key && window.__imrElapsed(),
    [statusOf(result.total), letterKey(result.hits[0])]);
  await expectResults(page, { q: QUERY }, 'no Enter needed');
  assert.equal(await page.evaluate(() => window.history.length), before + 1, 'one history entry for the typing');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q', 'typing keeps the focus');
  assert.equal(await page.textContent('#results-heading'), `Letters matching “${QUERY}”`);
  assert.equal(await page.title(), `Letters matching “${QUERY}” · IMR Search`);
  await screenshot(page, 'view results');

  const other = 'gabapentin';
  const next = await apiSearch({ q: other });
  await measure(page, 'search: Enter', () => search(page, other),
    (key) => document.querySelector('#hits .hit-link')?.dataset.key === key && window.__imrElapsed(), letterKey(next.hits[0]));
  await expectResults(page, { q: other });
  const { total } = await shownResults(page);
  assert.equal(total, next.total);
});

// ---- opening a link ----------------------------------------------------------------------

// What Chromium alone takes to draw a page in a fresh context, served by the
// same server: reference figures beside a shared link's time (the part of it
// that is navigation and drawing, not the page's work). Timed, never asserted.
const FLOOR_DRAWN = () => document.readyState !== 'loading' && window.__imrChanged;

flow('floor: a minimal static page is drawn', async (page) => {
  servedFile('floor-minimal.html', '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title>'
    + '<link rel="icon" href="favicon.png" type="image/png"></head>'
    + '<body><p>A minimal page.</p></body></html>');
  await measureLoad(page, 'floor: a minimal static page (load to drawn)', `${BASE_URL}/floor-minimal.html`, FLOOR_DRAWN);
  assert.equal(await page.textContent('p'), 'A minimal page.');
});

flow('floor: the page\'s own HTML and CSS without its scripts is drawn', async (page) => {
  const bare = webFile('index.html').replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
  assert.ok(!bare.includes('<script') && bare.includes('style.css'), 'the page without its scripts, with its style');
  servedFile('floor-bare.html', bare);
  await measureLoad(page, 'floor: index.html\'s HTML and CSS, no scripts (load to drawn)', `${BASE_URL}/floor-bare.html`, FLOOR_DRAWN);
  assert.equal(await page.evaluate(() => document.styleSheets.length), 1, 'styled');
});

flow('a shared analytics link opens with its bars and chart drawn', async (page) => {
  // Asked by no other flow, so no answer comes from the server's cache.
  const state = { q: 'gabapentin', view: 'analytics', by: 'specialty', time: 'decision_month' };
  const loading = recordApi(page);
  await measureLoad(page, 'open a shared analytics link (load to drawn)', `${BASE_URL}/?${searchParams(state)}`,
    () => document.querySelector('.stat-rows[data-by="specialty"] .stat-button')
      && document.querySelector('#stats-time-chart .column') && window.__imrChanged);
  await eventually(() => shownBars(page), barsOf((await apiStats(state, 'specialty')).rows), 'the bars are the API\'s');
  const params = [...apiParamsOf(state)];
  const asked = loading();
  assert.deepEqual(asked, [
    apiRequest('/api/search', [...params, ['per_page', '0'], ['page', '1']]),
    apiRequest('/api/stats', [...params, ['by', 'decision_month']]),
    apiRequest('/api/stats', [...params, ['by', 'specialty']]),
  ].sort(), 'the counts and both charts are asked once each (sent early by state.js, taken by app.js)');

  // Opened again (not reloaded): the browser keeps the scripts, style and
  // icon, and only checks the page itself with the server, which answers 304.
  await page.goto('about:blank');
  const files = recordFiles();
  const again = recordApi(page);
  await measureLoad(page, 'open a shared analytics link again (files cached)', `${BASE_URL}/?${searchParams(state)}`,
    () => document.querySelector('.stat-rows[data-by="specialty"] .stat-button')
      && document.querySelector('#stats-time-chart .column') && window.__imrChanged);
  assert.deepEqual(again(), asked, 'the same requests of the API');
  // Sorted: the server logs each request once answered, and a loaded machine
  // can log the data's answer before the page's.
  await eventually(async () => (await files()).sort(), ['/ 304', '/site.json 304'], 'of the page\'s files only the page and its data are checked');
});

// Every frame a shared link's page gets, as whether the page shows and
// whether its bars and time chart are in it; kept by the page itself from
// its first script on, since a frame is gone by the time the test could look.
function recordFirstFrames(page) {
  return page.addInitScript(() => {
    window.__imrShown = [];
    const look = () => {
      const body = document.body;
      window.__imrShown.push({
        shows: Boolean(body && body.checkVisibility({ visibilityProperty: true })),
        charts: Boolean(document.querySelector('#stats-bars .stat-button') && document.querySelector('#stats-time-chart .column')),
      });
      if (window.__imrShown.length < 600) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}

flow('a shared link\'s page is first drawn with its answers, not bare', async (page) => {
  const state = { q: 'tramadol', view: 'analytics', by: 'drug_class', time: 'decision_month' };
  await recordFirstFrames(page);
  await openSearch(page, state);
  await page.waitForSelector('#stats-time-chart .column');
  await eventually(() => page.evaluate(() => window.__imrShown.some((f) => f.shows)), true, 'the page shows');
  const frames = await page.evaluate(() => window.__imrShown);
  assert.deepEqual(frames.find((f) => f.shows), { shows: true, charts: true },
    `the first frame that shows the page shows its charts (${frames.findIndex((f) => f.shows)} frames before it)`);
});

flow('a shared link whose answers never come still shows its page, searching', async (page) => {
  // Held for good: the page must not wait for them for ever.
  await page.route('**/api/stats?*', () => {});
  await openSearch(page, { q: QUERY, view: 'analytics' });
  await eventually(() => page.evaluate(() => document.body.checkVisibility({ visibilityProperty: true })), true, 'the page shows');
  await eventually(() => page.textContent('#status'), 'Searching…', 'and says it is still searching');
});

// ---- generated demo data ----------------------------------------------------------------

flow('counts and dates read as Intl writes them in en-US, though the page does without Intl', async (page) => {
  await openSearch(page);
  await expectResults(page, {});
  const [shown, intl] = await page.evaluate(() => {
    const numbers = [0, 7, 999, 1000, 12345, 999999, 1000000, 1234567890, -4321];
    const dates = ['2013-01-05', '2016-09-30', '2026-12-01', '1999-02-28'];
    const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
    return [
      [...numbers.map(ImrFormat.count), ...dates.map(ImrFormat.date), ImrFormat.date('not a date'), ImrFormat.date('')],
      [...numbers.map((n) => n.toLocaleString('en-US')), ...dates.map((d) => dateFormat.format(new Date(`${d}T00:00:00Z`))),
        'not a date', null],
    ];
  });
  assert.deepEqual(shown, intl);
});

flow('a demo index is marked as generated on the page, an ordinary one is not', async (page) => {
  await openSearch(page);
  await expectResults(page, {});
  assert.equal(await page.$eval('#demo-banner', (b) => b.checkVisibility()), false, 'web/site.json says not generated');
  // What scripts/run --demo writes into its copy of web/.
  await page.route('**/site.json', (route) => route.fulfill({
    contentType: 'application/json', body: JSON.stringify({ generated: true, letters: 20000, seed: 1 }),
  }));
  await page.reload();
  await eventually(() => page.evaluate(() => {
    const banner = document.getElementById('demo-banner');
    return banner.checkVisibility() ? banner.textContent : null;
  }), 'Generated demo data: 20,000 letters made by imr-generate (seed 1), not real determinations.');
});
