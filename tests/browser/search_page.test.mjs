// Browser test of the search page against a running imr-search (started by
// ./run over the seed letters, 2,000 generated ones and a letter
// carrying markup). Each flow runs on its own fresh page and compares what the
// page shows with what the JSON API answers for the same request.
import assert from 'node:assert/strict';
import {
  PAGE_SIZE, api, apiDoc, apiSearch, eventually, expectResults, expectUrl, facetValue, flow, letterKey,
  openSearch, pageCount, pressedFilters, screenshot, search, shownFacet, shownPager, textOfHtml,
} from './page_helpers.mjs';

// How many values a facet lists before "Show all" (app.js FACETS_SHOWN).
const FACETS_SHOWN = 8;
const QUERY = 'carisoprodol';
const MARKUP_CASE = 'CM99-0000042';  // the letter ./run writes with markup in it
const MISSING_CASE = 'CM00-0000000';
const MARKUP_KEY = '<img src=x onerror="window.__pwned=1">';

const isHidden = (page, selector) => page.$eval(selector, (node) => node.hidden);

// Per listed letter, which of its items the page marks as matching.
function shownMatchedItems(page) {
  return page.$$eval('#hits .hit', (hits) => hits.map((hit) =>
    [...hit.querySelectorAll('.items .item')].map((item) => item.classList.contains('is-matched'))));
}

// Per field list matching `lists`, the value it shows under `label`, or null.
function shownField(page, lists, label) {
  return page.$$eval(lists, (nodes, wanted) => nodes.map((list) => {
    const row = [...list.querySelectorAll('.field')].find((r) => r.querySelector('dt').textContent === wanted);
    return row ? row.querySelector('dd').textContent : null;
  }), label);
}

function assertDatesInOrder(shown, sort) {
  const times = shown.filter(Boolean).map((text) => Date.parse(text));
  assert.ok(times.length > 1 && times.every(Number.isFinite), `readable dates: ${shown}`);
  const sorted = [...times].sort((a, b) => (sort === 'date_asc' ? a - b : b - a));
  assert.deepEqual(times, sorted, `${sort} shows decision dates in order: ${shown}`);
}

// The letter view as plain values: heading, items, and which parts show.
function shownLetter(page) {
  return page.evaluate(() => ({
    heading: document.getElementById('letter-heading').textContent,
    items: [...document.querySelectorAll('#letter-items .item')].map((item) =>
      `${item.querySelector('.item-decision').textContent}: ${item.querySelector('.item-treatment').textContent}`),
    letterShown: document.getElementById('letter').checkVisibility(),
    searchShown: document.getElementById('search-view').checkVisibility(),
  }));
}

function expectedLetter(record) {
  return {
    heading: `Case ${record.case_number}`,
    items: record.items.map((item) => `${(item.decision || 'no decision').replace(/_/g, ' ')}: ${item.treatment}`),
    letterShown: true,
    searchShown: false,
  };
}

async function expectLetterText(page, html) {
  await eventually(() => page.textContent('#letter-text'), await textOfHtml(page, html), 'the letter\'s text is the API\'s');
}

// The error a letter link got, and whether anything else of the letter shows.
function shownLetterError(page) {
  return page.evaluate(() => {
    const shown = (id) => document.getElementById(id).checkVisibility();
    const box = document.getElementById('letter-error');
    return {
      error: shown('letter-error') ? box.textContent : null,
      errorElements: box.childElementCount,
      letterShown: shown('letter'),
      searchShown: shown('search-view'),
      backShown: shown('letter-back'),
    };
  });
}

const pwned = (page) => page.evaluate(() => typeof window.__pwned);

// ---- searching ------------------------------------------------------------------

flow('a search lists the letters the API finds, each snippet highlighted', async (page) => {
  await openSearch(page);
  await search(page, QUERY);
  await expectUrl(page, { q: QUERY });
  const result = await expectResults(page, { q: QUERY });
  const marksPerHit = await page.$$eval('#hits .hit', (hits) =>
    hits.map((hit) => hit.querySelectorAll('.hit-snippet mark').length));
  assert.ok(marksPerHit.every((n) => n > 0), `every snippet has a mark: ${marksPerHit}`);
  const snippets = await page.$$eval('#hits .hit-snippet', (nodes) => nodes.map((n) => n.textContent));
  const expected = await Promise.all(result.hits.map((hit) => textOfHtml(page, hit.snippet)));
  assert.deepEqual(snippets, expected, 'each snippet is the API\'s');
});

flow('a facet value narrows to the API\'s answer and Back/Forward replay it', async (page) => {
  await openSearch(page, { q: QUERY });
  const all = await expectResults(page, { q: QUERY });
  await eventually(() => shownFacet(page, 'decision'), all.facets.decision, 'decision counts are the API\'s');
  const narrowed = { q: QUERY, filters: ['decision:overturned'] };
  await facetValue(page, 'decision', 'overturned').click();
  await expectUrl(page, narrowed);
  const result = await expectResults(page, narrowed);
  assert.ok(result.total > 0 && result.total < all.total, `the filter narrows: ${result.total} of ${all.total}`);
  assert.deepEqual(await pressedFilters(page), ['decision:overturned']);
  assert.deepEqual(await shownMatchedItems(page),
    result.hits.map((hit) => hit.items.map((item) => Boolean(item.matched))), 'matching items are marked');

  await page.click('[data-facet="decision"] .facet-clear');
  await expectResults(page, { q: QUERY }, 'clearing the facet');
  assert.deepEqual(await pressedFilters(page), []);
  await page.goBack();
  await expectResults(page, narrowed, 'Back');
  await page.goForward();
  await expectResults(page, { q: QUERY }, 'Forward');
});

flow('show all lists every value of a long facet, and a value past the first few filters', async (page) => {
  const field = 'drug';
  await openSearch(page);
  const all = await expectResults(page, {});
  const entries = all.facets[field];
  assert.ok(entries.length > FACETS_SHOWN, `${field} has more values than shown (${entries.length})`);
  const more = page.locator(`[data-facet="${field}"] .facet-more`);
  await eventually(() => shownFacet(page, field), entries.slice(0, FACETS_SHOWN), 'the first values, API order and counts');
  assert.equal(await more.textContent(), `Show all ${entries.length}`);
  assert.equal(await more.getAttribute('aria-expanded'), 'false');

  await more.click();
  await eventually(() => shownFacet(page, field), entries, 'every value, API order and counts');
  assert.equal(await more.getAttribute('aria-expanded'), 'true');

  const last = entries[entries.length - 1].value;
  const narrowed = { filters: [`${field}:${last}`] };
  await facetValue(page, field, last).click();
  await expectUrl(page, narrowed);
  const result = await expectResults(page, narrowed);
  await eventually(() => shownFacet(page, field), result.facets[field], 'still every value after filtering');

  // Folded again, the chosen value stays listed so it can be taken back.
  await more.click();
  const chosen = result.facets[field].find((entry) => entry.value === last);
  await eventually(() => shownFacet(page, field), [...result.facets[field].slice(0, FACETS_SHOWN), chosen],
    'the first values plus the chosen one');
  assert.deepEqual(await pressedFilters(page), [`${field}:${last}`]);
});

flow('clear all removes every filter', async (page) => {
  await openSearch(page, { q: QUERY });
  const all = await expectResults(page, { q: QUERY });
  const first = 'decision:upheld';
  await facetValue(page, 'decision', 'upheld').click();
  const narrowed = await expectResults(page, { q: QUERY, filters: [first] });
  const second = `specialty:${narrowed.facets.specialty[0].value}`;
  await facetValue(page, 'specialty', narrowed.facets.specialty[0].value).click();
  const both = { q: QUERY, filters: [first, second] };
  await expectUrl(page, both);
  const filtered = await expectResults(page, both);
  assert.ok(filtered.total < all.total, `two filters narrow: ${filtered.total} of ${all.total}`);
  assert.equal(await isHidden(page, '#clear-all'), false, 'Clear all is offered');

  await page.click('#clear-all');
  await expectUrl(page, { q: QUERY }, 'the query stays, the filters go');
  await expectResults(page, { q: QUERY });
  assert.deepEqual(await pressedFilters(page), []);
  assert.equal(await page.locator('.facet-clear').count(), 0, 'no facet offers Clear');
  await eventually(() => isHidden(page, '#clear-all'), true, 'Clear all is gone');
});

// ---- paging and sorting -------------------------------------------------------------

flow('next and previous page show the API\'s pages', async (page) => {
  // The empty query opens on the analytics overview; the pages are the results view's.
  const R = { view: 'results' };
  await openSearch(page, R);
  const first = await expectResults(page, R);
  const pages = pageCount(first);
  assert.ok(pages >= 3, `enough letters for several pages (${first.total})`);
  await eventually(() => shownPager(page), { shown: true, info: `Page 1 of ${pages}`, previous: false, next: true });

  await page.click('#next-page');
  await expectUrl(page, { ...R, page: 2 });
  await expectResults(page, { ...R, page: 2 });
  await eventually(() => shownPager(page), { shown: true, info: `Page 2 of ${pages}`, previous: true, next: true });

  await page.click('#prev-page');
  await expectUrl(page, R);
  await expectResults(page, R);
  await eventually(() => shownPager(page), { shown: true, info: `Page 1 of ${pages}`, previous: false, next: true });
});

flow('the last page holds the rest and offers no next page', async (page) => {
  const pages = pageCount(await apiSearch({}));
  await openSearch(page, { page: pages });
  const last = await expectResults(page, { page: pages });
  assert.equal(last.hits.length, last.total - (pages - 1) * PAGE_SIZE, 'the last page holds the rest');
  await eventually(() => shownPager(page), { shown: true, info: `Page ${pages} of ${pages}`, previous: true, next: false });
});

function shownPastEnd(page) {
  return page.evaluate(() => {
    const box = document.getElementById('past-end');
    const link = box.querySelector('a');
    return { shown: box.checkVisibility(), text: box.textContent, link: link && new URL(link.href).search };
  });
}

flow('a page past the end says so, names the last page and links to it', async (page) => {
  const pages = pageCount(await apiSearch({}));
  const beyond = pages + 3;
  await openSearch(page, { page: beyond });
  const result = await expectResults(page, { page: beyond });
  assert.deepEqual(result.hits, [], 'the API has no letters there');
  const { info, ...buttons } = await shownPager(page);
  assert.ok(info.endsWith(`of ${pages}`), `the pager names the last page: ${info}`);
  assert.deepEqual(buttons, { shown: true, previous: true, next: false });
  assert.equal(await isHidden(page, '#error'), true, 'no error');
  assert.deepEqual(await shownPastEnd(page), {
    shown: true, text: `This page is past the last one, page ${pages}.`, link: `?page=${pages}`,
  }, 'the results area says the page is past the last one');
  await screenshot(page, 'a page past the end the message');

  await page.click('#past-end a');
  await expectUrl(page, { page: pages }, 'the link goes to the last page');
  const last = await expectResults(page, { page: pages });
  assert.ok(last.hits.length > 0, 'the API lists letters on the last page');
  await eventually(() => shownPastEnd(page), { shown: false, text: '', link: null }, 'the message goes');
});

flow('each sort the page offers lists the API\'s order on every page', async (page) => {
  await openSearch(page, { q: QUERY });
  const relevance = await expectResults(page, { q: QUERY });
  assert.ok(pageCount(relevance) > 1, `the query spans pages (${relevance.total})`);
  const sorts = await page.$$eval('#sort option', (options) => options.map((o) => o.value));
  assert.equal(await page.inputValue('#sort'), sorts[0], 'the first sort is the default');
  const firstPages = new Map();
  // The default last, as choosing the selected option again changes nothing.
  for (const sort of [...sorts.slice(1), sorts[0]]) {
    await page.selectOption('#sort', sort);
    await expectUrl(page, { q: QUERY, sort }, `sorting by ${sort} starts at page 1`);
    const result = await expectResults(page, { q: QUERY, sort }, `sorted by ${sort}`);
    firstPages.set(sort, result.hits.map(letterKey).join(' '));
    if (sort.startsWith('date_')) assertDatesInOrder(await shownField(page, '#hits .hit-meta', 'Decided'), sort);
    await page.click('#next-page');
    await expectUrl(page, { q: QUERY, sort, page: 2 });
    await expectResults(page, { q: QUERY, sort, page: 2 }, `page 2 sorted by ${sort}`);
  }
  assert.equal(new Set(firstPages.values()).size, sorts.length, 'each sort orders the letters differently');
});

// ---- did you mean ---------------------------------------------------------------------

flow('a misspelt query offers did you mean, and its link runs the right query', async (page) => {
  const misspelt = 'carisoprodl';
  assert.equal((await apiSearch({ q: misspelt })).suggestion, QUERY, 'the API suggests the right spelling');
  await openSearch(page);
  await search(page, misspelt);
  await expectResults(page, { q: misspelt });
  await eventually(() => page.evaluate(() => {
    const box = document.getElementById('suggestion');
    return { shown: !box.hidden, text: box.textContent, link: box.querySelector('a')?.textContent };
  }), { shown: true, text: `Did you mean ${QUERY}?`, link: QUERY });

  await page.click('#suggestion a');
  await expectUrl(page, { q: QUERY });
  const result = await expectResults(page, { q: QUERY });
  assert.equal(await page.inputValue('#q'), QUERY, 'the search box holds the suggested query');
  await eventually(() => isHidden(page, '#suggestion'), !result.suggestion, 'the suggestion goes');
});

flow('a misspelt drug field offers the whole query corrected, and its link runs it', async (page) => {
  const misspelt = `drug:${QUERY.slice(0, -2)}l`;
  const corrected = `drug:${QUERY}`;
  assert.equal((await apiSearch({ q: misspelt })).suggestion, corrected, 'the API corrects the field value');
  await openSearch(page, { q: misspelt });
  await expectResults(page, { q: misspelt });
  const link = page.locator('#suggestion a');
  assert.equal(await link.textContent(), corrected, 'the page offers the corrected query');
  await link.click();
  await expectUrl(page, { q: corrected });
  const result = await expectResults(page, { q: corrected });
  assert.ok(result.total > 0, 'the corrected query finds letters');
  assert.equal(await page.inputValue('#q'), corrected, 'the search box holds the corrected query');
});

// ---- letters ---------------------------------------------------------------------------

flow('opening a letter from the results shows its record and the query marked', async (page) => {
  await openSearch(page, { q: QUERY });
  const result = await expectResults(page, { q: QUERY });
  const key = letterKey(result.hits[0]);
  const link = page.locator('#hits .hit-link').first();
  const title = await link.textContent();
  await link.click();
  await expectUrl(page, { q: QUERY, doc: key });
  const letter = await apiDoc(key, { q: QUERY });
  await eventually(() => page.textContent('#letter-heading'), title, 'the heading is the link\'s title');
  await expectLetterText(page, letter.html);
  assert.ok(await page.locator('#letter-text mark').count() > 0, 'the query is marked');

  await page.click('#letter-back');
  await expectUrl(page, { q: QUERY });
  await expectResults(page, { q: QUERY }, 'back to the results');
  assert.equal(await isHidden(page, '#letter-view'), true);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.key), key, 'focus returns to the letter\'s link');
});

flow('a doc link opened directly shows that letter', async (page) => {
  // The one with the most items, so their order shows too.
  const hit = (await apiSearch({ q: QUERY })).hits.filter((h) => h.case_number)
    .reduce((most, h) => (h.items.length > most.items.length ? h : most));
  assert.ok(hit.items.length > 1, `a letter with several items (${hit.case_number})`);
  const letter = await apiDoc(hit.case_number);
  await openSearch(page, { doc: hit.case_number });
  await eventually(() => shownLetter(page), expectedLetter(letter), 'the letter view shows the API\'s record');
  await expectLetterText(page, letter.html);
  assert.deepEqual(await shownField(page, '#letter-fields', 'Source'), [letter.source.split('/').pop()],
    'the fields are this letter\'s, the source by its file name only');

  await page.click('#letter-back');
  await expectUrl(page, {});
  await expectResults(page, {}, 'back leads to the search page');
});

flow('a doc link to a missing letter says so plainly, in a tidy layout', async (page) => {
  const { error } = await apiDoc(MISSING_CASE, { status: 404 });
  await openSearch(page, { doc: MISSING_CASE });
  await eventually(() => shownLetterError(page),
    { error, errorElements: 0, letterShown: false, searchShown: false, backShown: true });
  const layout = await page.evaluate(() => {
    const box = document.getElementById('letter-error').getBoundingClientRect();
    return {
      overflows: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      errorInView: box.width > 0 && box.height > 0 && box.left >= 0 && box.right <= window.innerWidth
        && box.top >= 0 && box.bottom <= window.innerHeight,
    };
  });
  assert.deepEqual(layout, { overflows: false, errorInView: true });
  await screenshot(page, 'a doc link to a missing letter, the message');

  await page.click('#letter-back');
  await expectResults(page, {}, 'back leads to the search page');
}, { expectedErrors: [/status of 404/] });

// ---- errors and hostile text ---------------------------------------------------------

flow('an unparsable query shows the server\'s message', async (page) => {
  const query = '"soma';
  const { error } = await api(`/api/search?${new URLSearchParams({ q: query })}`, 400);
  await openSearch(page);
  await search(page, query);
  await eventually(() => page.evaluate(() => {
    const box = document.getElementById('error');
    return box.hidden ? null : box.textContent;
  }), error, 'the page shows the API\'s message');
  assert.equal(await page.locator('#hits .hit').count(), 0);
}, { expectedErrors: [/status of 400/] });

flow('markup in a letter is shown as text and never runs', async (page) => {
  const query = 'verbatim portal';
  const result = await apiSearch({ q: query });
  assert.deepEqual(result.hits.map((h) => h.case_number), [MARKUP_CASE], 'the query finds the markup letter');
  await openSearch(page);
  await search(page, query);
  await expectResults(page, { q: query });
  await page.locator('#hits .hit-link').first().click();
  await page.waitForSelector('#letter-text mark');
  const text = await page.textContent('#letter-text');
  assert.ok(text.includes('<script>window.__pwned=1</script>'), 'the letter\'s markup is shown as text');
  const foreign = await page.$$eval('#letter-text *:not(mark, p), .hit-snippet *:not(mark)', (nodes) =>
    nodes.map((n) => n.tagName));
  assert.deepEqual(foreign, [], 'server HTML holds nothing but paragraphs and <mark>');
  assert.equal(await pwned(page), 'undefined');
});

flow('markup in a doc link is shown as text and never runs', async (page) => {
  const { error } = await apiDoc(MARKUP_KEY, { status: 404 });
  assert.ok(error.includes(MARKUP_KEY), 'the API names the key it did not find');
  await openSearch(page, { doc: MARKUP_KEY });
  await eventually(() => shownLetterError(page),
    { error, errorElements: 0, letterShown: false, searchShown: false, backShown: true });
  assert.equal(await pwned(page), 'undefined');
}, { expectedErrors: [/status of 404/] });
