// The search page's behaviour: keeps the search in the URL, asks the JSON API
// (contract section 3) and renders results, facets and letters. Server text
// goes in through textContent; only `snippet` and a letter's `html`, which the
// server escapes and marks, go in through innerHTML (and the time chart's
// markup, which charts.js escapes).
'use strict';

(() => {
  const FACETS_SHOWN = 8;
  // The order facets are offered in, most decisive first; facets the server
  // adds beyond these follow in its order.
  const FACET_ORDER = ['decision', 'outcome', 'drug', 'drug_class', 'category',
    'guideline', 'specialty', 'license_state', 'decision_year'];
  const STATS_SHOWN = 15;
  const TYPING_DELAY_MS = 250;
  // An answer slower than this is announced ("Searching…") before it comes.
  const SLOW_SEARCH_MS = 300;

  const $ = (id) => document.getElementById(id);

  // ---- the page's state, which lives in the URL (state.js) ----------------

  const {
    PER_PAGE, stateFromUrl, urlOf, nothingAsked, viewOf, dateClauses, apiQuery, apiParams, searchKey,
  } = ImrState;

  // Paging or sorting the whole index is a choice of the results view; pinned,
  // so going back to page 1 does not flip to the overview.
  const resultsPinned = () => (!current.view && nothingAsked(current) ? { view: 'results' } : {});

  // A suggestion for the whole sent query, unwrapped back to what was typed.
  function typedSuggestion(suggestion, state) {
    const dates = dateClauses(state);
    if (!suggestion || !dates) return suggestion;
    const tail = `) ${dates}`;
    return suggestion.startsWith('(') && suggestion.endsWith(tail) ? suggestion.slice(1, -tail.length) : null;
  }

  let current = stateFromUrl(window.location.search);

  // A task after the next frame is drawn (one posted from a frame's animation
  // callbacks runs after that frame's rendering).
  function afterNextFrame(fn) {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = fn;
      channel.port2.postMessage(null);
    });
  }

  // A change's history entry is written once its answers are drawn (at the
  // latest HISTORY_WAIT_MS after it), not with the change: a pushState costs
  // Chromium some 15 ms of CPU over its processes (10 in the browser's own:
  // its session history, and the tab's icon fetched again), which competed
  // with the search and the drawing for the machine's two cores. A newer
  // change writes an unwritten one first, so each keeps its own entry; a
  // replacing one takes its place. Back pressed before an entry is written
  // leaves from the one before it.
  const HISTORY_WAIT_MS = 300;
  let unwritten = null;  // { url, replace, timer }

  function writeHistory() {
    if (!unwritten) return;
    const { url, replace, timer } = unwritten;
    unwritten = null;
    clearTimeout(timer);
    if (replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
  }

  // Back or forward went past an entry never written: it is not written now.
  function dropHistory() {
    if (unwritten) clearTimeout(unwritten.timer);
    unwritten = null;
  }

  function navigate(changes, { replace = false } = {}) {
    current = { ...current, ...changes };
    const drawn = render();
    const url = urlOf(current);
    if (unwritten && replace) {
      unwritten.url = url;
    } else {
      writeHistory();
      unwritten = { url, replace, timer: setTimeout(writeHistory, HISTORY_WAIT_MS) };
    }
    drawn.then(() => afterNextFrame(writeHistory));
  }

  // ---- talking to the server ---------------------------------------------

  class ApiError extends Error {}

  const pending = new Map();

  // Only the latest request of each channel matters: an older one still in
  // flight is aborted so a slow answer can never overwrite a newer one.
  // The first view's requests were sent by state.js already.
  async function fetchJson(url, channel = 'main') {
    if (pending.has(channel)) pending.get(channel).abort();
    const early = ImrState.takeEarly(url);
    const controller = early ? early.controller : new AbortController();
    pending.set(channel, controller);
    const response = await (early ? early.response
      : fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } }));
    let body = null;
    try {
      body = await response.json();
    } catch {
      throw new ApiError(`The server sent an unreadable answer (HTTP ${response.status}).`);
    }
    if (!response.ok) {
      throw new ApiError(body && body.error ? body.error : `The server answered HTTP ${response.status}.`);
    }
    return body;
  }

  function isAbort(error) {
    return error instanceof DOMException && error.name === 'AbortError';
  }

  function explain(error) {
    return error instanceof ApiError ? error.message : 'The search server could not be reached. Try again in a moment.';
  }

  // ---- small DOM helpers ---------------------------------------------------

  // A click meant for a new tab or window: the browser follows the link's href.
  const opensElsewhere = (event) => event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function show(node, visible) {
    node.hidden = !visible;
  }

  function clone(templateId) {
    return $(templateId).content.firstElementChild.cloneNode(true);
  }

  // "drug_class" -> "Drug class"; values keep their case, only lose underscores.
  function fieldLabel(name) {
    const words = name.replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function valueLabel(value) {
    return String(value).replace(/_/g, ' ');
  }

  const formatDate = ImrFormat.date;

  function badge(decision, className) {
    const node = el('span', `badge ${className || ''}`.trim(), valueLabel(decision || 'no decision'));
    if (decision) node.classList.add(`badge-${decision}`);
    return node;
  }

  // The letter's outcome when the server does not send one: the same rule as
  // the record's `outcome` (contract section 2).
  function outcomeOf(hit) {
    if (hit.outcome) return hit.outcome;
    const decisions = new Set((hit.items || []).map((item) => item.decision));
    if (decisions.size === 0) return null;
    if (decisions.size > 1) return 'partially_overturned';
    return decisions.has('overturned') ? 'overturned' : 'upheld';
  }

  function letterKey(hit) {
    return hit.key || hit.case_number || '';
  }

  // Letters that state no case number are known by their file's name.
  function letterTitle(record) {
    if (record.case_number) return `Case ${record.case_number}`;
    const file = (record.source || '').split('/').pop();
    return file ? `Letter ${file}` : 'Letter without a case number';
  }

  function addField(list, label, value) {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return;
    const row = el('div', 'field');
    row.append(el('dt', null, label), el('dd', null, Array.isArray(value) ? value.join(', ') : String(value)));
    list.append(row);
  }

  function specialtyOf(reviewer) {
    if (!reviewer) return null;
    return [reviewer.specialty, reviewer.subspecialty].filter(Boolean).join(' / ') || null;
  }

  const fileName = (source) => (source || '').split(/[\\/]/).pop();

  // What "decision" and "outcome" mean, shown where either appears.
  const MEANING = {
    decision: 'Decision: the reviewer\'s ruling on one treatment item (upheld or overturned)',
    outcome: 'Outcome: the letter as a whole (every item upheld, every item overturned, or partly overturned)',
  };

  function explained(node, meaning) {
    node.title = MEANING[meaning];
    return node;
  }

  // ---- items (shared by results and letters) -----------------------------

  function tag(text, className) {
    return el('span', `tag ${className}`, text);
  }

  function renderItem(item, full) {
    const node = clone('item-template');
    const decision = node.querySelector('.item-decision');
    decision.replaceWith(explained(badge(item.decision, 'item-decision'), 'decision'));
    node.querySelector('.item-treatment').textContent = item.treatment || '(treatment not stated)';
    const tags = node.querySelector('.item-tags');
    (item.drugs || []).forEach((drug) => tags.append(tag(drug, 'tag-drug')));
    if (item.category) tags.append(tag(valueLabel(item.category), 'tag-category'));
    if (item.drug_class) tags.append(tag(valueLabel(item.drug_class), 'tag-class'));
    (item.guidelines || []).forEach((g) => tags.append(tag(g, 'tag-guideline')));
    if (item.matched) {
      node.classList.add('is-matched');
      tags.append(tag('matches search', 'tag-matched'));
    }
    if (full && item.claims_guidelines && item.claims_guidelines.length) {
      const claims = el('span', 'item-claims', `Claims administrator cited: ${item.claims_guidelines.join(', ')}`);
      node.append(claims);
    }
    return node;
  }

  // ---- search results ------------------------------------------------------

  // The hits on screen by key, so a letter opened from them shows which of
  // its items matched without asking again.
  const shownHits = new Map();

  function renderHit(hit) {
    const node = clone('hit-template');
    const link = node.querySelector('.hit-link');
    const key = letterKey(hit);
    link.textContent = letterTitle(hit);
    if (key) {
      link.href = urlOf({ ...current, doc: key });
      link.dataset.key = key;
    } else {
      link.removeAttribute('href');
    }
    const outcome = outcomeOf(hit);
    node.querySelector('.hit-outcome').replaceWith(explained(badge(outcome, 'hit-outcome'), 'outcome'));

    const meta = node.querySelector('.hit-meta');
    addField(meta, 'Decided', formatDate(hit.decision_date));
    addField(meta, 'Injured', formatDate(hit.injury_date));
    addField(meta, 'Reviewer', specialtyOf(hit.reviewer));
    addField(meta, 'Licensed in', hit.reviewer && hit.reviewer.license_states);

    const items = node.querySelector('.items');
    (hit.items || []).forEach((item) => items.append(renderItem(item, false)));

    const snippet = node.querySelector('.hit-snippet');
    if (hit.snippet) snippet.innerHTML = hit.snippet;  // server-escaped, <mark> only
    else snippet.remove();
    return node;
  }

  const count = ImrFormat.count;

  function renderStatus(result) {
    const total = result.total || 0;
    const noun = total === 1 ? 'letter' : 'letters';
    const took = typeof result.took_ms === 'number' ? ` in ${result.took_ms.toFixed(1)} ms` : '';
    $('status').textContent = total === 0 ? 'No letters match.' : `${count(total)} ${noun}${took}`;
    $('show-results').textContent = `Show ${count(total)} ${noun}`;
  }

  function renderSuggestion(suggestion) {
    const box = $('suggestion');
    box.replaceChildren();
    show(box, Boolean(suggestion));
    if (!suggestion) return;
    const link = el('a', 'suggestion-link', suggestion);
    link.href = urlOf({ ...current, q: suggestion, page: 1, doc: '' });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      navigate({ q: suggestion, page: 1, doc: '' });
    });
    box.append('Did you mean ', link, '?');
  }

  function pagesOf(result) {
    const perPage = result.per_page || PER_PAGE;
    return Math.max(1, Math.ceil((result.total || 0) / perPage));
  }

  // Pages past the last one (an old link, a shrunk index) list nothing; say
  // why and offer the last page rather than leave an empty list.
  function renderPastEnd(result) {
    const box = $('past-end');
    box.replaceChildren();
    const pages = pagesOf(result);
    const pastEnd = (result.total || 0) > 0 && (result.page || current.page) > pages;
    show(box, pastEnd);
    if (!pastEnd) return;
    const link = el('a', 'past-end-link', `page ${pages}`);
    link.href = urlOf({ ...current, page: pages, doc: '' });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      navigate({ page: pages, doc: '' });
    });
    box.append('This page is past the last one, ', link, '.');
  }

  function renderPager(result) {
    const pages = pagesOf(result);
    const page = result.page || current.page;
    show($('pager'), pages > 1);
    $('page-info').textContent = `Page ${page} of ${pages}`;
    $('prev-page').disabled = page <= 1;
    $('next-page').disabled = page >= pages;
  }

  // ---- facets --------------------------------------------------------------

  const expandedFacets = new Set();
  const facetText = new Map();   // field -> the text its type-to-filter box holds
  const facetAlpha = new Set();  // fields listed A-Z rather than by count
  let refocus = null;            // the facet control to focus again after a re-render

  function activeValues(field) {
    const prefix = `${field}:`;
    return current.filters.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
  }

  function toggleFilter(field, value, changes = {}) {
    const filter = `${field}:${value}`;
    const filters = current.filters.includes(filter)
      ? current.filters.filter((f) => f !== filter)
      : [...current.filters, filter];
    navigate({ filters, page: 1, doc: '', ...changes });
  }

  function clearFilters(field) {
    const filters = field ? current.filters.filter((f) => !f.startsWith(`${field}:`)) : [];
    const dates = field ? {} : { decided: '', injured: '', undated: '' };
    navigate({ filters, page: 1, doc: '', ...dates });
  }

  // Selected values stay listed even when they no longer occur, so a person
  // can always take them back.
  function facetEntries(field, counts) {
    const entries = (counts || []).map((c) => ({ value: String(c.value), count: c.count }));
    activeValues(field).forEach((value) => {
      if (!entries.some((e) => e.value === value)) entries.push({ value, count: 0 });
    });
    return entries;
  }

  // A facet's nodes stay from one answer to the next and are updated in
  // place: an answer changes counts and pressed states, so the browser styles
  // and lays out only what changed, and the value a person toggled keeps focus.
  const facetNodes = new Map();  // field -> { group, list, items: value -> <li> }

  function facetNodesOf(field) {
    if (!facetNodes.has(field)) {
      const group = el('section', 'facet');
      group.dataset.facet = field;
      const list = el('ul', 'facet-values');
      list.setAttribute('aria-labelledby', `facet-${field}`);
      facetNodes.set(field, { group, list, items: new Map() });
    }
    return facetNodes.get(field);
  }

  // Makes `nodes` parent's children, in order, moving only those out of place.
  function syncChildren(parent, nodes) {
    const keep = new Set(nodes);
    [...parent.children].forEach((child) => { if (!keep.has(child)) child.remove(); });
    nodes.forEach((node, i) => {
      if (parent.children[i] !== node) parent.insertBefore(node, parent.children[i] || null);
    });
  }

  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  function facetButton(field, value) {
    const button = el('button', 'facet-value');
    button.type = 'button';
    button.dataset.value = value;
    button.append(el('span', 'facet-check'), el('span', 'facet-name', valueLabel(value)), el('span', 'facet-count'));
    button.addEventListener('click', () => {
      refocus = { field, selector: `button.facet-value[data-value="${CSS.escape(value)}"]` };
      toggleFilter(field, value);
    });
    return button;
  }

  function facetItem(field, entry, active) {
    const { items } = facetNodesOf(field);
    if (!items.has(entry.value)) {
      const li = el('li');
      li.append(facetButton(field, entry.value));
      items.set(entry.value, li);
    }
    const li = items.get(entry.value);
    const button = li.firstElementChild;
    if (button.getAttribute('aria-pressed') !== String(active)) button.setAttribute('aria-pressed', String(active));
    setText(button.querySelector('.facet-count'), count(entry.count));
    return li;
  }

  function facetHeader(field, active) {
    const header = el('div', 'facet-header');
    const heading = el('h3', null, fieldLabel(field));
    heading.id = `facet-${field}`;
    header.append(heading);
    if (active.length) {
      const clear = el('button', 'button-link facet-clear', 'Clear');
      clear.type = 'button';
      clear.setAttribute('aria-label', `Clear ${fieldLabel(field).toLowerCase()} filters`);
      clear.addEventListener('click', () => clearFilters(field));
      header.append(clear);
    }
    return header;
  }

  // The entries a facet lists now: its box's text narrows them, A-Z or by
  // count orders them, and folded it shows the first few plus any chosen.
  function visibleEntries(field, entries, active) {
    const text = (facetText.get(field) || '').toLowerCase();
    let shown = text ? entries.filter((e) => valueLabel(e.value).toLowerCase().includes(text)) : entries;
    if (facetAlpha.has(field)) shown = [...shown].sort((a, b) => a.value.localeCompare(b.value, 'en', { sensitivity: 'base' }));
    if (text || expandedFacets.has(field)) return shown;
    return shown.filter((e, index) => index < FACETS_SHOWN || active.includes(e.value));
  }

  function facetList(field, entries, active) {
    const { list } = facetNodesOf(field);
    syncChildren(list, visibleEntries(field, entries, active).map((entry) => facetItem(field, entry, active.includes(entry.value))));
    return list;
  }

  function facetTools(field, entries, active) {
    const tools = el('div', 'facet-tools');
    const box = el('input', 'facet-filter');
    box.type = 'search';
    box.placeholder = `Filter ${fieldLabel(field).toLowerCase()}…`;
    box.setAttribute('aria-label', `Filter the ${fieldLabel(field).toLowerCase()} values`);
    box.value = facetText.get(field) || '';
    box.addEventListener('input', () => {
      facetText.set(field, box.value);
      facetList(field, entries, active);
    });
    const order = el('button', 'button-link facet-order', facetAlpha.has(field) ? 'By count' : 'A–Z');
    order.type = 'button';
    order.setAttribute('aria-label', facetAlpha.has(field) ? 'List by count' : 'List alphabetically');
    order.addEventListener('click', () => {
      if (facetAlpha.has(field)) facetAlpha.delete(field); else facetAlpha.add(field);
      refocus = { field, selector: '.facet-order' };
      redrawFacets();
    });
    tools.append(box, order);
    return tools;
  }

  function facetMore(field, entries) {
    const expanded = expandedFacets.has(field);
    const more = el('button', 'button-link facet-more', expanded ? 'Show fewer' : `Show all ${entries.length}`);
    more.type = 'button';
    more.setAttribute('aria-expanded', String(expanded));
    more.addEventListener('click', () => {
      if (expanded) expandedFacets.delete(field); else expandedFacets.add(field);
      refocus = { field, selector: '.facet-more' };
      redrawFacets();
    });
    return more;
  }

  function renderFacet(field, counts) {
    const active = activeValues(field);
    const entries = facetEntries(field, counts);
    if (entries.length === 0) return null;

    const parts = [facetHeader(field, active)];
    if (MEANING[field]) parts.push(el('p', 'facet-help', MEANING[field]));
    if (field === 'decision_year' && undatedCount !== null && undatedCount > 0) {
      parts.push(el('p', 'facet-help', `${count(undatedCount)} letters have no decision date`));
    }
    const long = entries.length > FACETS_SHOWN;
    if (long) parts.push(facetTools(field, entries, active));
    parts.push(facetList(field, entries, active));
    if (long) parts.push(facetMore(field, entries));
    const { group } = facetNodesOf(field);
    syncChildren(group, parts);
    return group;
  }

  let lastFacets = {};

  function facetFields(facets) {
    const extra = Object.keys(facets).filter((f) => !FACET_ORDER.includes(f));
    const fromFilters = current.filters.map((f) => f.slice(0, f.indexOf(':')));
    return [...new Set([...FACET_ORDER.filter((f) => f in facets || fromFilters.includes(f)), ...extra])];
  }

  function renderFacets(facets) {
    lastFacets = facets || {};
    syncChildren($('facet-groups'), facetFields(lastFacets).map((field) => renderFacet(field, lastFacets[field])).filter(Boolean));
    show($('clear-all'), current.filters.length > 0 || Boolean(current.decided || current.injured));
    labelFacetsToggle();
  }

  function redrawFacets() {
    renderFacets(lastFacets);
    focusAgain();
  }

  // A re-render may replace or move the facet control a person used; it
  // keeps the focus (focusing anew forces a layout, so only when lost).
  function focusAgain() {
    if (!refocus) return;
    const group = $('facet-groups').querySelector(`[data-facet="${refocus.field}"]`);
    const target = group && group.querySelector(refocus.selector);
    refocus = null;
    if (target && document.activeElement !== target) target.focus();
  }

  // On narrow screens the facets fold away behind this toggle.
  function labelFacetsToggle() {
    const toggle = $('facets-toggle');
    const open = toggle.getAttribute('aria-expanded') === 'true';
    const active = current.filters.length + (current.decided ? 1 : 0) + (current.injured ? 1 : 0);
    toggle.textContent = open ? 'Hide filters' : (active ? `Show filters (${active} active)` : 'Show filters');
  }

  function setFiltersOpen(open) {
    $('facets-toggle').setAttribute('aria-expanded', String(open));
    document.querySelector('.facets').classList.toggle('is-open', open);
    labelFacetsToggle();
  }

  // ---- active filters as chips ----------------------------------------------

  function rangeLabel(range) {
    const [from, to] = range.split('..');
    if (from && to) return `${from} to ${to}`;
    return from ? `from ${from}` : `until ${to}`;
  }

  // A chip stays from one drawing to the next while its filter does, so the
  // one a person focused keeps the focus when the chips are drawn again.
  const chipNodes = new Map();  // what the chip removes (a filter, a range) -> <li>

  function chip(key, label, remove) {
    if (chipNodes.has(key)) return chipNodes.get(key);
    const li = el('li');
    const button = el('button', 'chip');
    button.type = 'button';
    button.setAttribute('aria-label', `Remove filter ${label}`);
    button.append(el('span', null, label), el('span', 'chip-x', '×'));
    // The chip goes with its filter at once; focus moves to the next one, or the results.
    button.addEventListener('click', () => {
      li.remove();
      chipNodes.delete(key);
      remove();
      const next = $('chips').querySelector('.chip') || $('results');
      next.focus({ preventScroll: true });
    });
    li.append(button);
    chipNodes.set(key, li);
    return li;
  }

  function renderChips() {
    const chips = current.filters.map((filter) => {
      const [field, ...rest] = filter.split(':');
      const label = `${fieldLabel(field)}: ${valueLabel(rest.join(':'))}`;
      return chip(filter, label, () => navigate({ filters: current.filters.filter((f) => f !== filter), page: 1 }));
    });
    if (current.decided) {
      const label = `Decided ${rangeLabel(current.decided)}${current.undated ? ' or undated' : ''}`;
      chips.push(chip(`decided ${current.decided} ${current.undated}`, label, () => navigate({ decided: '', undated: '', page: 1 })));
    }
    if (current.injured) {
      chips.push(chip(`injured ${current.injured}`, `Injured ${rangeLabel(current.injured)}`, () => navigate({ injured: '', page: 1 })));
    }
    const kept = new Set(chips);
    [...chipNodes].forEach(([key, li]) => { if (!kept.has(li)) chipNodes.delete(key); });
    syncChildren($('chips'), chips);
    show($('chips'), chips.length > 0);
  }

  // ---- dates -----------------------------------------------------------------

  let undatedCount = null;  // letters of the search without a decision date, when known

  // A date input's value is written only when it changes: writing one, even
  // the same empty value, rebuilds its date fields (and first loads the
  // locale's date format), 6 ms of a shared link's first view for the four.
  function syncDates() {
    document.querySelectorAll('input[data-range]').forEach((input) => {
      const [from, to] = (current[input.dataset.range] || '..').split('..');
      const value = (input.dataset.end === 'from' ? from : to) || '';
      if (document.activeElement !== input && input.value !== value) input.value = value;
    });
    $('undated-include').checked = current.undated === 'include';
  }

  function rangeFromInputs(name) {
    const from = $(`${name}-from`).value;
    const to = $(`${name}-to`).value;
    return from || to ? `${from}..${to}` : '';
  }

  const isoDate = (date) => date.toISOString().slice(0, 10);

  function lastTwelveMonths() {
    const today = new Date();
    const start = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate() + 1));
    return `${isoDate(start)}..${isoDate(today)}`;
  }

  function monthRange(month) {
    const [year, m] = month.split('-').map(Number);
    const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
    return `${month}-01..${month}-${String(last).padStart(2, '0')}`;
  }

  // Every year seen so far stays offered, though a date range narrows the facet.
  const knownYears = new Set();

  // The set only grows, so the options are made again only when it grew:
  // made on every answer, they cost the select a style and layout each time.
  function renderYears(years) {
    const select = $('decided-year');
    const chosen = /^(\d{4})-01-01\.\.\1-12-31$/.exec(current.decided);
    const known = knownYears.size;
    (years || []).forEach((y) => knownYears.add(String(y.value)));
    if (chosen) knownYears.add(chosen[1]);
    if (knownYears.size !== known) {
      const options = [...knownYears].sort().reverse().map((year) => {
        const option = el('option', null, year);
        option.value = year;
        return option;
      });
      const none = el('option', null, 'Year…');
      none.value = '';
      select.replaceChildren(none, ...options);
    }
    const value = chosen ? chosen[1] : '';
    if (select.value !== value) select.value = value;
  }

  // With a decision range, the letters it leaves out for want of a date are
  // asked for beside the search itself (so neither waits for the other): the
  // count, or null when unknown. Rejects only when a newer search aborts it.
  // The count does not depend on the range itself, so moving a date reuses
  // the last answer instead of asking again (as of that answer's index).
  let undatedKnown = { url: null, total: null };

  async function askUndated(state) {
    const url = ImrState.undatedUrl(state);
    if (!url) return null;
    if (undatedKnown.url === url) return undatedKnown.total;
    try {
      const { total } = await fetchJson(url, 'undated');
      undatedKnown = { url, total };
      return total;
    } catch (error) {
      if (isAbort(error)) throw error;
      return null;
    }
  }

  // Letters without a decision date: counted from the year facet when no
  // date narrows the search, else asked for (`asked`); never silently left out.
  function updateUndated(result, asked) {
    const box = $('undated');
    const yearFilter = activeValues('decision_year').length > 0;
    if (current.decided) {
      undatedCount = asked;
    } else if (!yearFilter) {
      const dated = (result.facets && result.facets.decision_year || []).reduce((sum, y) => sum + y.count, 0);
      undatedCount = Math.max(0, (result.total || 0) - dated);
    } else {
      undatedCount = null;
    }
    $('undated-count').textContent = undatedCount === null ? ''
      : `${count(undatedCount)} ${undatedCount === 1 ? 'letter has' : 'letters have'} no decision date${current.decided ? (current.undated ? ' (included)' : ' (left out)') : ''}.`;
    show(box, undatedCount !== null && undatedCount > 0);
    show($('undated-include').parentElement, Boolean(current.decided));
  }

  // ---- links for the current search: export and feed --------------------------

  // What names the search beside its answer (chips, export and feed links)
  // changes with that answer, in the same frame, when one is asked for.
  function renderSearchState() {
    renderChips();
    renderSearchLinks();
  }

  function renderSearchLinks() {
    const params = apiParams(current);
    const withFormat = (format) => {
      const p = new URLSearchParams(params);
      p.set('format', format);
      return `/api/export?${p}`;
    };
    $('export-csv').href = withFormat('csv');
    $('export-jsonl').href = withFormat('jsonl');
    const feed = `/api/feed${params.toString() ? `?${params}` : ''}`;
    $('feed-link').href = feed;
    $('feed-head-link').href = feed;
    $('feed-head-link').title = current.q ? `IMR Search: ${current.q}` : 'IMR Search: newest letters';
  }

  // ---- running a search ----------------------------------------------------

  let shownSearch = null;  // the searchKey whose results are on screen

  function showSearchError(message) {
    $('error').textContent = message;
    show($('error'), true);
    $('status').textContent = '';
    $('hits').replaceChildren();
    show($('pager'), false);
    show($('suggestion'), false);
    show($('past-end'), false);
  }

  let searchRuns = 0;  // counts runSearch calls, so an older one knows it was overtaken

  async function runSearch(batch) {
    const run = ++searchRuns;
    const key = searchKey(current);
    const asking = batch.add(fetchJson(ImrState.searchUrl(current)));
    const undated = batch.add(askUndated(current));
    undated.catch(() => {});  // seen below, unless the search itself fails first
    $('results').setAttribute('aria-busy', 'true');
    // The page changes once, with the answer; only a slow one is announced.
    const slow = setTimeout(() => { $('status').textContent = 'Searching…'; }, SLOW_SEARCH_MS);
    try {
      const result = await asking;
      // Both answers before the page changes: hits drawn while the undated
      // count is still out cost a frame of their own before the facets.
      const undatedTotal = await undated;
      await batch.ready;
      // A newer search whose undated count needed no request did not abort this one.
      if (run !== searchRuns) return;
      shownSearch = key;
      renderSearchState();
      show($('error'), false);
      renderStatus(result);
      renderSuggestion(typedSuggestion(result.suggestion, current));
      shownHits.clear();
      (result.hits || []).forEach((hit) => shownHits.set(letterKey(hit), hit));
      $('hits').replaceChildren(...(result.hits || []).map(renderHit));
      renderYears(result.facets && result.facets.decision_year);
      updateUndated(result, undatedTotal);
      renderFacets(result.facets);
      renderPager(result);
      renderPastEnd(result);
      focusAgain();  // last: focusing forces a layout, one is enough
    } catch (error) {
      if (isAbort(error)) return;
      shownSearch = null;
      renderSearchState();
      showSearchError(explain(error));
      renderFacets({});
    } finally {
      clearTimeout(slow);
      if (run === searchRuns) {  // else the newer search says when it is done
        $('results').removeAttribute('aria-busy');
        document.body.dataset.searched = key;
      }
    }
  }

  // ---- analytics -------------------------------------------------------------

  const shownCharts = new Map();  // a chart's box id -> the stats URL it shows or awaits

  const statsUrl = (by) => ImrState.statsUrl(current, by);

  function missingNote(missing, field) {
    if (!missing || !missing.items) return '';
    return `${count(missing.items)} items have no ${fieldLabel(field).toLowerCase()} (${count(missing.upheld)} upheld, ${count(missing.overturned)} overturned).`;
  }

  function statsTable(rows, caption, valueHeading) {
    const table = el('table', 'stats-table');
    table.append(el('caption', null, caption));
    const head = el('tr');
    [valueHeading, 'Items', 'Upheld', 'Overturned', 'Overturned %', '95% interval'].forEach((h) => head.append(el('th', null, h)));
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    rows.forEach((row) => {
      const [low, high] = ImrCharts.interval(row);
      const tr = el('tr');
      tr.append(el('th', null, valueLabel(row.value)));
      [count(row.items), count(row.upheld), count(row.overturned), ImrCharts.percent(ImrCharts.rateOf(row)),
        `${ImrCharts.percent(low)} – ${ImrCharts.percent(high)}`].forEach((cell) => tr.append(el('td', null, cell)));
      body.append(tr);
    });
    table.append(thead, body);
    return table;
  }

  // A chart's table is built when its "Show as table" box is opened: a month
  // chart's table holds over a thousand cells that nobody sees until asked
  // for, and building them slowed every change of the analytics view.
  const tableBuilders = new Map();  // table box id -> builds the table not built yet

  function offerTable(boxId, build) {
    const box = $(boxId);
    tableBuilders.delete(boxId);
    if (box.closest('details').open) box.replaceChildren(build());
    else {
      box.replaceChildren();
      tableBuilders.set(boxId, build);
    }
  }

  function bindTables() {
    ['stats-table', 'stats-time-table'].forEach((boxId) => {
      const details = $(boxId).closest('details');
      details.addEventListener('toggle', () => {
        if (!details.open || !tableBuilders.has(boxId)) return;
        const build = tableBuilders.get(boxId);
        tableBuilders.delete(boxId);
        $(boxId).replaceChildren(build());
      });
    });
  }

  const expandedStats = new Set();

  function statRow(by, row, scale, active) {
    const li = el('li', 'stat-row');
    const button = el('button', 'stat-button');
    button.type = 'button';
    Object.assign(button.dataset, {
      value: row.value, items: row.items, upheld: row.upheld, overturned: row.overturned,
    });
    button.setAttribute('aria-pressed', String(active));
    button.append(el('span', 'stat-label', valueLabel(row.value)), ImrCharts.rateBar(valueLabel(row.value), row, scale),
      el('span', 'stat-rate', ImrCharts.percent(ImrCharts.rateOf(row))),
      el('span', 'stat-items', `${count(row.items)} items`));
    button.addEventListener('click', () => toggleFilter(by, row.value, { view: 'analytics' }));
    li.append(button);
    return li;
  }

  function renderRateBars(result, by) {
    const rows = result.rows || [];
    const expanded = expandedStats.has(by);
    const shown = expanded ? rows : rows.slice(0, STATS_SHOWN);
    const scale = ImrCharts.rateScale(shown);
    const active = activeValues(by);
    const list = el('ol', 'stat-rows');
    list.dataset.by = by;
    list.setAttribute('aria-label', `Overturn rate by ${fieldLabel(by).toLowerCase()}`);
    shown.forEach((row) => list.append(statRow(by, row, scale, active.includes(String(row.value)))));
    const box = $('stats-bars');
    box.replaceChildren(list);
    if (rows.length === 0) box.replaceChildren(el('p', 'stats-note', 'No decided items match.'));
    box.append(el('p', 'stats-scale', `Axis: 0 to ${ImrCharts.percent(scale)} overturned; the whisker is the 95% interval.`));
    if (rows.length > STATS_SHOWN) {
      const more = el('button', 'button-link', expanded ? 'Show fewer' : `Show all ${rows.length}`);
      more.type = 'button';
      more.addEventListener('click', () => {
        if (expanded) expandedStats.delete(by); else expandedStats.add(by);
        renderRateBars(result, by);
      });
      box.append(more);
    }
    $('stats-missing').textContent = missingNote(result.missing, by);
    offerTable('stats-table', () => statsTable(rows, `Overturn rate by ${fieldLabel(by).toLowerCase()}`, fieldLabel(by)));
  }

  // A year column filters by that year; a month column sets the decided range.
  function pickPeriod(time, row) {
    if (time === 'decision_year') toggleFilter('decision_year', row.value, { view: 'analytics' });
    else navigate({ decided: monthRange(String(row.value)), page: 1, view: 'analytics' });
  }

  function renderTimeChart(result, time) {
    // Periods are "YYYY" or "YYYY-MM": plain string order is time order, and
    // localeCompare loaded the locale's collation data first (24 ms of a shared
    // link's first draw in a profile on a loaded machine).
    const rows = [...(result.rows || [])].map((row) => ({ ...row, value: String(row.value) }))
      .sort((a, b) => (a.value < b.value ? -1 : Number(a.value > b.value)));
    const label = `Decisions per ${time === 'decision_year' ? 'year' : 'month'}, upheld and overturned`;
    const chart = $('stats-time-chart');
    chart.replaceChildren();
    if (rows.length === 0) chart.append(el('p', 'stats-note', 'No dated decisions match.'));
    else {
      chart.append(ImrCharts.stackedColumns(rows, { label, onPick: (row) => pickPeriod(time, row) }));
      const legend = el('p', 'legend');
      legend.append(el('span', 'legend-upheld', 'upheld'), ' ', el('span', 'legend-overturned', 'overturned'));
      chart.append(legend);
    }
    $('stats-time-missing').textContent = missingNote(result.missing, 'decision date');
    offerTable('stats-time-table', () => statsTable(rows, label, time === 'decision_year' ? 'Year' : 'Month'));
  }

  function statsFailed(box, error) {
    if (isAbort(error)) return;
    box.replaceChildren(el('p', 'message message-error', explain(error)));
  }

  // Each chart asks only when its own question changed: choosing a field
  // leaves the time chart (and its request) as it is, and the reverse.
  function runChart(batch, boxId, by, channel, draw) {
    const url = statsUrl(by);
    if (shownCharts.get(boxId) === url) return null;
    shownCharts.set(boxId, url);
    return batch.add(fetchJson(url, channel)).then(async (r) => {
      await batch.ready;
      draw(r, by);
    }, (e) => statsFailed($(boxId), e));
  }

  async function runStats(batch) {
    const asked = [
      runChart(batch, 'stats-bars', current.by, 'stats-by', renderRateBars),
      runChart(batch, 'stats-time-chart', current.time, 'stats-time', renderTimeChart),
    ].filter(Boolean);
    if (asked.length === 0) return;
    const key = `${apiParams(current)}|${current.by}|${current.time}`;
    $('analytics').setAttribute('aria-busy', 'true');
    await Promise.all(asked);
    $('analytics').removeAttribute('aria-busy');
    document.body.dataset.stats = key;
  }

  // ---- one letter ----------------------------------------------------------

  function renderLetterFields(record) {
    const fields = $('letter-fields');
    fields.replaceChildren();
    const dates = record.dates || {};
    const reviewer = record.reviewer || {};
    const patient = record.patient || {};
    addField(fields, 'Decision date', formatDate(dates.decision));
    addField(fields, 'Date of injury', formatDate(dates.injury));
    addField(fields, 'Date assigned', formatDate(dates.assigned));
    addField(fields, 'UR denial date', formatDate(dates.ur_denial));
    addField(fields, 'Application received', formatDate(dates.application_received));
    addField(fields, 'Priority', record.priority);
    addField(fields, 'Reviewer specialty', specialtyOf(reviewer));
    addField(fields, 'Certifications', reviewer.certifications);
    addField(fields, 'Licensed in', reviewer.license_states);
    const patientText = [patient.age ? `${patient.age} years` : null, patient.sex].filter(Boolean).join(', ');
    addField(fields, 'Patient', patientText);
    addField(fields, 'Diagnoses', record.diagnoses);
    // The file's name only: where the server keeps it is nobody's business.
    addField(fields, 'Source', fileName(record.source));
  }

  // ---- stepping through the hits of a letter ----

  let hitIndex = -1;

  function letterMarks() {
    return [...$('letter-text').querySelectorAll('mark')];
  }

  function goToHit(index) {
    const marks = letterMarks();
    show($('hit-nav'), marks.length > 0);
    if (marks.length === 0) return;
    hitIndex = (index + marks.length) % marks.length;
    marks.forEach((mark, i) => mark.classList.toggle('is-current', i === hitIndex));
    marks[hitIndex].scrollIntoView({ block: 'center' });
    $('hit-info').textContent = `Hit ${hitIndex + 1} of ${marks.length}`;
  }

  // Which items match the search: known from the results list, else asked
  // for with the letter's case number added to the search.
  const searching = () => Boolean(current.q || current.filters.length);

  function listedItems(key) {
    const fromList = searching() && shownHits.get(key);
    return fromList ? fromList.items || [] : null;
  }

  async function askMatchedItems(record) {
    if (!searching() || !record.case_number) return null;
    const params = apiParams(current);
    const q = params.get('q');
    params.set('q', `${q ? `(${q}) ` : ''}case:${record.case_number}`);
    params.set('per_page', '1');
    const result = await fetchJson(`/api/search?${params}`, 'matched');
    return result.hits && result.hits[0] ? result.hits[0].items || [] : null;
  }

  async function renderLetter(letter, key) {
    const record = letter.record || letter;
    const title = letterTitle(record);
    $('letter-heading').textContent = title;
    document.title = `${title} · IMR Search`;
    const outcome = $('letter-outcome');
    outcome.replaceChildren();
    const items = record.items || [];
    if (items.length) outcome.append(explained(el('span', null, 'Outcome:'), 'outcome'), ' ', explained(badge(outcomeOf(record)), 'outcome'));
    renderLetterFields(record);
    // Opened from the list, the matching items are known: drawn once, flagged.
    const listed = listedItems(key);
    renderLetterItems(items, listed);
    $('letter-text').innerHTML = letter.html || '';  // server-escaped, <mark> only
    show($('letter'), true);
    goToHit(0);
    if (listed) return;
    try {
      const matched = await askMatchedItems(record);
      if (matched) renderLetterItems(items, matched);
    } catch (error) {
      if (!isAbort(error)) console.warn('could not tell which items match', error);
    }
  }

  function renderLetterItems(items, matched) {
    const flagged = matched ? items.map((item, i) => ({ ...item, matched: Boolean(matched[i] && matched[i].matched) })) : items;
    $('letter-items').replaceChildren(...flagged.map((item) => renderItem(item, true)));
  }

  function similarEntry(hit) {
    const li = el('li', 'similar-entry');
    const link = el('a', null, letterTitle(hit));
    const key = letterKey(hit);
    link.href = urlOf({ ...current, doc: key });
    link.addEventListener('click', (event) => {
      if (opensElsewhere(event)) return;
      event.preventDefault();
      navigate({ doc: key });
    });
    li.append(link, ' ', explained(badge(outcomeOf(hit), 'hit-outcome'), 'outcome'));
    if (hit.decision_date) li.append(' ', el('span', 'similar-date', formatDate(hit.decision_date)));
    const treatments = (hit.items || []).map((item) => item.treatment).filter(Boolean).slice(0, 3).join('; ');
    if (treatments) li.append(el('span', 'similar-items', treatments));
    return li;
  }

  async function loadSimilar(key) {
    show($('similar'), false);
    try {
      const result = await fetchJson(`/api/similar/${encodeURIComponent(key)}`, 'similar');
      const hits = (result.hits || []).slice(0, 5);
      $('similar-list').replaceChildren(...hits.map(similarEntry));
      show($('similar'), hits.length > 0);
    } catch (error) {
      if (!isAbort(error)) show($('similar'), false);
    }
  }

  async function openLetter(key) {
    show($('letter-error'), false);
    show($('letter'), false);
    show($('hit-nav'), false);
    $('copy-status').textContent = '';
    const query = apiQuery(current) ? `?q=${encodeURIComponent(apiQuery(current))}` : '';
    try {
      const letter = await fetchJson(`/api/doc/${encodeURIComponent(key)}${query}`);
      await renderLetter(letter, key);
      loadSimilar(key);
    } catch (error) {
      if (isAbort(error)) return;
      $('letter-error').textContent = explain(error);
      show($('letter-error'), true);
    } finally {
      document.body.dataset.letter = key;
    }
  }

  async function copyLink() {
    writeHistory();
    const url = window.location.href;
    try {
      await navigator.clipboard.writeText(url);
      $('copy-status').textContent = 'Link copied.';
    } catch {
      $('copy-status').textContent = `Copy this link: ${url}`;
    }
  }

  // ---- putting it together -------------------------------------------------

  let lastOpenedKey = '';

  function syncForm() {
    // While a person types, the box keeps what they typed (spaces and all).
    const box = $('q');
    if (document.activeElement !== box || box.value.trim() !== current.q) box.value = current.q;
    $('sort').value = current.sort;
    $('stats-by').value = current.by;
    $('stats-time').value = current.time;
    syncDates();
  }

  function headingOf(view) {
    const subject = current.q ? `“${current.q}”` : '';
    if (view === 'analytics') return subject ? `Outcomes of letters matching ${subject}` : 'Outcomes of all letters';
    return subject ? `Letters matching ${subject}` : 'All letters';
  }

  function renderView(view) {
    const analytics = view === 'analytics';
    show($('analytics'), analytics);
    [$('hits'), document.querySelector('.sort')].forEach((node) => show(node, !analytics));
    document.body.dataset.view = view;
    $('pager').classList.toggle('is-off', analytics);
    $('past-end').classList.toggle('is-off', analytics);
    [['tab-results', 'results'], ['tab-analytics', 'analytics']].forEach(([id, name]) => {
      const tab = $(id);
      tab.href = urlOf({ ...current, view: name, page: name === 'analytics' ? 1 : current.page });
      if (name === view) tab.setAttribute('aria-current', 'page'); else tab.removeAttribute('aria-current');
    });
    // Written only when they change: rewriting the same text still costs a
    // layout, in the frame that should wait for the answer.
    const heading = headingOf(view);
    setText($('results-heading'), heading);
    if (document.title !== `${heading} · IMR Search`) document.title = `${heading} · IMR Search`;
  }

  // Settles once the answers it asked for are drawn (or failed).
  function render() {
    const drawn = sendRequests();
    syncForm();
    const reading = Boolean(current.doc);
    show($('search-view'), !reading);
    show($('letter-view'), reading);
    if (reading) {
      lastOpenedKey = current.doc;
      document.title = `Letter ${current.doc} · IMR Search`;
      // Neither forces a layout here (scrolling to the top never needs one):
      // the letter's text is laid out once, when its first hit is scrolled to.
      window.scrollTo(0, 0);
      $('letter-view').focus({ preventScroll: true });
      return drawn;
    }
    renderView(viewOf(current));
    if (shownSearch === searchKey(current)) renderSearchState();
    restoreFocusToHit();
    return drawn;
  }

  // A page's first view draws its answers together once all are in (or
  // failed): the search, its undated count and the analytics' two charts
  // each drawn on arrival cost a frame of style, layout and paint each, and
  // a shared analytics link drew four before it was whole. Later changes
  // draw each answer as it comes (a clicked bar shows pressed with its own
  // chart, before the facets). `ready` is only awaited after an answer, by
  // when close() has set it.
  let firstView = true;
  const UNBATCHED = { ready: null, add: (promise) => promise, close: () => {} };

  function answerBatch() {
    if (!firstView) return UNBATCHED;
    firstView = false;
    const asked = [];
    const batch = {
      ready: null,
      add: (promise) => { asked.push(promise); return promise; },
      close: () => { batch.ready = Promise.allSettled(asked); },
    };
    return batch;
  }

  // What the state asks of the server goes out before the page changes, so
  // the server works while the browser does.
  // Settles once what it asked for is drawn.
  function sendRequests() {
    if (current.doc) return openLetter(current.doc);
    const batch = answerBatch();
    const asked = [];
    if (shownSearch !== searchKey(current)) asked.push(runSearch(batch));
    if (viewOf(current) === 'analytics') asked.push(runStats(batch));
    batch.close();
    if (batch.ready) showWhenDrawn(batch.ready);
    return Promise.allSettled(asked);
  }

  // The page state.js keeps from being drawn shows with the first view's
  // answers: an animation frame runs after every draw those answers queued.
  function showWhenDrawn(ready) {
    ready.then(() => requestAnimationFrame(ImrState.showPage));
  }

  function restoreFocusToHit() {
    if (!lastOpenedKey) return;
    const link = [...document.querySelectorAll('.hit-link')].find((a) => a.dataset.key === lastOpenedKey);
    lastOpenedKey = '';
    if (link) link.focus();
  }

  let enteredOnLetter = Boolean(current.doc);

  function closeLetter() {
    if (enteredOnLetter) {
      enteredOnLetter = false;
      navigate({ doc: '' });
    } else {
      writeHistory();  // the letter's own entry, so back leaves it
      window.history.back();
    }
  }

  // A new page starts reading from the top of the results.
  function turnPage(step) {
    navigate({ page: Math.max(1, current.page + step), ...resultsPinned() });
    $('results').focus({ preventScroll: true });
    $('results').scrollIntoView({ block: 'start' });
  }

  const typing = (target) => target && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape' && current.doc) { closeLetter(); return; }
    if (typing(event.target)) return;
    if (event.key === '/' && !current.doc) {
      event.preventDefault();
      $('q').focus();
      $('q').select();
    } else if (current.doc && (event.key === 'n' || event.key === 'p')) {
      goToHit(hitIndex + (event.key === 'n' ? 1 : -1));
    }
  }

  // Search as you type: the query runs once typing pauses; the history gets
  // one entry per burst of typing, not one per key.
  let typingTimer = 0;
  let typingPushed = false;

  function commitTyping() {
    clearTimeout(typingTimer);
    const q = $('q').value.trim();
    if (q === current.q && !current.doc) return;
    navigate({ q, page: 1, doc: '' }, { replace: typingPushed });
    typingPushed = true;
  }

  function bindDates() {
    document.querySelectorAll('input[data-range]').forEach((input) => {
      input.addEventListener('change', () => {
        const name = input.dataset.range;
        navigate({ [name]: rangeFromInputs(name), page: 1, doc: '' });
      });
    });
    $('last-12').addEventListener('click', () => navigate({ decided: lastTwelveMonths(), page: 1, doc: '' }));
    $('decided-year').addEventListener('change', () => {
      const year = $('decided-year').value;
      navigate({ decided: year ? `${year}-01-01..${year}-12-31` : '', page: 1, doc: '' });
    });
    $('undated-include').addEventListener('change', () => {
      navigate({ undated: $('undated-include').checked ? 'include' : '', page: 1, doc: '' });
    });
  }

  function bindTabs() {
    [['tab-results', 'results'], ['tab-analytics', 'analytics']].forEach(([id, view]) => {
      $(id).addEventListener('click', (event) => {
        if (opensElsewhere(event)) return;
        event.preventDefault();
        navigate({ view, page: view === 'analytics' ? 1 : current.page });
      });
    });
    $('stats-by').addEventListener('change', () => navigate({ by: $('stats-by').value, view: 'analytics' }));
    $('stats-time').addEventListener('change', () => navigate({ time: $('stats-time').value, view: 'analytics' }));
  }

  function bindLetter() {
    $('letter-back').addEventListener('click', closeLetter);
    $('next-hit').addEventListener('click', () => goToHit(hitIndex + 1));
    $('prev-hit').addEventListener('click', () => goToHit(hitIndex - 1));
    $('copy-link').addEventListener('click', copyLink);
  }

  function bindEvents() {
    $('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(typingTimer);
      typingPushed = false;
      navigate({ q: $('q').value.trim(), page: 1, doc: '' });
    });
    $('q').addEventListener('input', () => {
      clearTimeout(typingTimer);
      typingTimer = setTimeout(commitTyping, TYPING_DELAY_MS);
    });
    $('q').addEventListener('blur', () => { typingPushed = false; });
    $('sort').addEventListener('change', () => navigate({ sort: $('sort').value, page: 1, doc: '', ...resultsPinned() }));
    $('prev-page').addEventListener('click', () => turnPage(-1));
    $('next-page').addEventListener('click', () => turnPage(1));
    $('clear-all').addEventListener('click', () => clearFilters(null));
    $('facets-toggle').addEventListener('click', () => {
      setFiltersOpen($('facets-toggle').getAttribute('aria-expanded') !== 'true');
    });
    $('show-results').addEventListener('click', () => {
      setFiltersOpen(false);
      $('results').focus({ preventScroll: true });
      $('results').scrollIntoView({ block: 'start' });
    });
    $('hits').addEventListener('click', (event) => {
      const link = event.target.closest('.hit-link');
      if (!link || !link.dataset.key || opensElsewhere(event)) return;
      event.preventDefault();
      enteredOnLetter = false;
      navigate({ doc: link.dataset.key });
    });
    bindDates();
    bindTabs();
    bindTables();
    bindLetter();
    document.addEventListener('keydown', onKey);
    $('home-link').addEventListener('click', (event) => {
      event.preventDefault();
      navigate({ q: '', filters: [], page: 1, sort: 'relevance', doc: '', view: '', decided: '', injured: '', undated: '' });
    });
    window.addEventListener('popstate', () => {
      dropHistory();
      current = stateFromUrl(window.location.search);
      render();
    });
  }

  // A demo index says so on every page, so generated letters are never taken
  // for real determinations.
  async function markDemo() {
    try {
      const site = await (await fetch('site.json', { headers: { Accept: 'application/json' } })).json();
      if (!site.generated) return;
      const banner = $('demo-banner');
      banner.textContent = `Generated demo data: ${count(site.letters)} letters made by imr-generate (seed ${site.seed}), not real determinations.`;
      show(banner, true);
      document.body.classList.add('is-demo');
    } catch {
      // No site description: an ordinary index.
    }
  }

  bindEvents();
  render();
  markDemo();
})();
