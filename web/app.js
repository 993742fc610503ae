// The search page's behaviour: keeps the search in the URL, asks the JSON API
// (contract section 3) and renders results, facets and letters. Server text
// goes in through textContent; only `snippet` and a letter's `html`, which the
// server escapes and marks, go in through innerHTML.
'use strict';

(() => {
  const PER_PAGE = 20;
  const FACETS_SHOWN = 8;
  // The order facets are offered in, most decisive first; facets the server
  // adds beyond these follow in its order.
  const FACET_ORDER = ['decision', 'outcome', 'drug', 'drug_class', 'category',
    'guideline', 'specialty', 'license_state', 'decision_year'];
  const SORTS = ['relevance', 'date_desc', 'date_asc'];

  const $ = (id) => document.getElementById(id);

  // ---- the page's state, which lives in the URL --------------------------

  function stateFromUrl(search) {
    const params = new URLSearchParams(search);
    const page = Number.parseInt(params.get('page') || '1', 10);
    const sort = params.get('sort') || 'relevance';
    return {
      q: params.get('q') || '',
      filters: params.getAll('filter').filter((f) => f.includes(':')),
      page: Number.isFinite(page) && page > 0 ? page : 1,
      sort: SORTS.includes(sort) ? sort : 'relevance',
      doc: params.get('doc') || '',
    };
  }

  function searchParams(state) {
    const params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    state.filters.forEach((f) => params.append('filter', f));
    if (state.page > 1) params.set('page', String(state.page));
    if (state.sort !== 'relevance') params.set('sort', state.sort);
    return params;
  }

  function urlOf(state) {
    const params = searchParams(state);
    if (state.doc) params.set('doc', state.doc);
    const query = params.toString();
    return query ? `?${query}` : './';
  }

  let current = stateFromUrl(window.location.search);

  function navigate(changes) {
    current = { ...current, ...changes };
    window.history.pushState(null, '', urlOf(current));
    render();
  }

  // ---- talking to the server ---------------------------------------------

  class ApiError extends Error {}

  let pending = null;

  // Only the latest request matters: an older one still in flight is aborted
  // so a slow answer can never overwrite a newer one.
  async function fetchJson(url) {
    if (pending) pending.abort();
    pending = new AbortController();
    const response = await fetch(url, { signal: pending.signal, headers: { Accept: 'application/json' } });
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

  const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

  function formatDate(iso) {
    if (!iso) return null;
    const date = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
  }

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

  // ---- items (shared by results and letters) -----------------------------

  function tag(text, className) {
    return el('span', `tag ${className}`, text);
  }

  function renderItem(item, full) {
    const node = clone('item-template');
    const decision = node.querySelector('.item-decision');
    decision.replaceWith(badge(item.decision, 'item-decision'));
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
    node.querySelector('.hit-outcome').replaceWith(badge(outcome, 'hit-outcome'));

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

  function renderStatus(result) {
    const total = result.total || 0;
    const noun = total === 1 ? 'letter' : 'letters';
    const took = typeof result.took_ms === 'number' ? ` in ${result.took_ms.toFixed(1)} ms` : '';
    $('status').textContent = total === 0 ? 'No letters match.' : `${total.toLocaleString('en-US')} ${noun}${took}`;
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

  function activeValues(field) {
    const prefix = `${field}:`;
    return current.filters.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
  }

  function toggleFilter(field, value) {
    const filter = `${field}:${value}`;
    const filters = current.filters.includes(filter)
      ? current.filters.filter((f) => f !== filter)
      : [...current.filters, filter];
    navigate({ filters, page: 1, doc: '' });
  }

  function clearFilters(field) {
    const filters = field ? current.filters.filter((f) => !f.startsWith(`${field}:`)) : [];
    navigate({ filters, page: 1, doc: '' });
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

  function facetButton(field, entry, active) {
    const button = el('button', 'facet-value');
    button.type = 'button';
    button.dataset.value = entry.value;
    button.setAttribute('aria-pressed', String(active));
    button.append(el('span', 'facet-check'), el('span', 'facet-name', valueLabel(entry.value)),
      el('span', 'facet-count', entry.count.toLocaleString('en-US')));
    button.addEventListener('click', () => toggleFilter(field, entry.value));
    return button;
  }

  function renderFacet(field, counts) {
    const active = activeValues(field);
    const entries = facetEntries(field, counts);
    if (entries.length === 0) return null;

    const group = el('section', 'facet');
    group.dataset.facet = field;
    const headingId = `facet-${field}`;
    const header = el('div', 'facet-header');
    const heading = el('h3', null, fieldLabel(field));
    heading.id = headingId;
    header.append(heading);
    if (active.length) {
      const clear = el('button', 'button-link facet-clear', 'Clear');
      clear.type = 'button';
      clear.setAttribute('aria-label', `Clear ${fieldLabel(field).toLowerCase()} filters`);
      clear.addEventListener('click', () => clearFilters(field));
      header.append(clear);
    }
    group.append(header);

    const list = el('ul', 'facet-values');
    list.setAttribute('aria-labelledby', headingId);
    const expanded = expandedFacets.has(field);
    entries.forEach((entry, index) => {
      const isActive = active.includes(entry.value);
      if (!expanded && index >= FACETS_SHOWN && !isActive) return;
      const li = el('li');
      li.append(facetButton(field, entry, isActive));
      list.append(li);
    });
    group.append(list);

    if (entries.length > FACETS_SHOWN) {
      const more = el('button', 'button-link facet-more',
        expanded ? 'Show fewer' : `Show all ${entries.length}`);
      more.type = 'button';
      more.setAttribute('aria-expanded', String(expanded));
      more.addEventListener('click', () => {
        if (expanded) expandedFacets.delete(field); else expandedFacets.add(field);
        renderFacets(lastFacets);
        const again = $('facet-groups').querySelector(`[data-facet="${field}"] .facet-more`);
        if (again) again.focus();
      });
      group.append(more);
    }
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
    const groups = $('facet-groups');
    groups.replaceChildren();
    facetFields(lastFacets).forEach((field) => {
      const group = renderFacet(field, lastFacets[field]);
      if (group) groups.append(group);
    });
    show($('clear-all'), current.filters.length > 0);
    show(document.querySelector('.facets'), groups.children.length > 0);
    labelFacetsToggle();
  }

  // On narrow screens the facets fold away behind this toggle.
  function labelFacetsToggle() {
    const toggle = $('facets-toggle');
    const open = toggle.getAttribute('aria-expanded') === 'true';
    const count = current.filters.length;
    toggle.textContent = open ? 'Hide filters' : (count ? `Show filters (${count} active)` : 'Show filters');
  }

  // ---- running a search ----------------------------------------------------

  let shownSearch = null;  // the search params whose results are on screen

  function showSearchError(message) {
    $('error').textContent = message;
    show($('error'), true);
    $('status').textContent = '';
    $('hits').replaceChildren();
    show($('pager'), false);
    show($('suggestion'), false);
    show($('past-end'), false);
  }

  async function runSearch() {
    const params = searchParams(current);
    params.set('per_page', String(PER_PAGE));
    if (!params.has('page')) params.set('page', '1');
    const key = searchParams(current).toString();
    $('results').setAttribute('aria-busy', 'true');
    $('status').textContent = 'Searching…';
    try {
      const result = await fetchJson(`/api/search?${params}`);
      shownSearch = key;
      show($('error'), false);
      renderStatus(result);
      renderSuggestion(result.suggestion);
      $('hits').replaceChildren(...(result.hits || []).map(renderHit));
      renderFacets(result.facets);
      renderPager(result);
      renderPastEnd(result);
    } catch (error) {
      if (isAbort(error)) return;
      shownSearch = null;
      showSearchError(explain(error));
      renderFacets({});
    } finally {
      $('results').removeAttribute('aria-busy');
    }
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
    addField(fields, 'Source', record.source);
  }

  function renderLetter(letter) {
    const record = letter.record || letter;
    $('letter-heading').textContent = letterTitle(record);
    const outcome = $('letter-outcome');
    outcome.replaceChildren();
    const items = record.items || [];
    if (items.length) outcome.append('Outcome: ', badge(outcomeOf(record)));
    renderLetterFields(record);
    $('letter-items').replaceChildren(...items.map((item) => renderItem(item, true)));
    $('letter-text').innerHTML = letter.html || '';  // server-escaped, <mark> only
    show($('letter'), true);
  }

  async function openLetter(key) {
    show($('letter-error'), false);
    show($('letter'), false);
    const query = current.q ? `?q=${encodeURIComponent(current.q)}` : '';
    try {
      renderLetter(await fetchJson(`/api/doc/${encodeURIComponent(key)}${query}`));
    } catch (error) {
      if (isAbort(error)) return;
      $('letter-error').textContent = explain(error);
      show($('letter-error'), true);
    }
  }

  // ---- putting it together -------------------------------------------------

  let lastOpenedKey = '';

  function syncForm() {
    $('q').value = current.q;
    $('sort').value = current.sort;
  }

  function render() {
    syncForm();
    const reading = Boolean(current.doc);
    show($('search-view'), !reading);
    show($('letter-view'), reading);
    document.title = reading ? `Letter ${current.doc} · IMR Search` : (current.q ? `${current.q} · IMR Search` : 'IMR Search');
    if (reading) {
      lastOpenedKey = current.doc;
      openLetter(current.doc);
      $('letter-view').focus();
      window.scrollTo(0, 0);
      return;
    }
    if (shownSearch !== searchParams(current).toString()) runSearch();
    restoreFocusToHit();
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
      window.history.back();
    }
  }

  // A new page starts reading from the top of the results.
  function turnPage(step) {
    navigate({ page: Math.max(1, current.page + step) });
    $('results').focus({ preventScroll: true });
    $('results').scrollIntoView({ block: 'start' });
  }

  function bindEvents() {
    $('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      navigate({ q: $('q').value.trim(), page: 1, doc: '' });
    });
    $('sort').addEventListener('change', () => navigate({ sort: $('sort').value, page: 1, doc: '' }));
    $('prev-page').addEventListener('click', () => turnPage(-1));
    $('next-page').addEventListener('click', () => turnPage(1));
    $('clear-all').addEventListener('click', () => clearFilters(null));
    $('facets-toggle').addEventListener('click', () => {
      const open = $('facets-toggle').getAttribute('aria-expanded') !== 'true';
      $('facets-toggle').setAttribute('aria-expanded', String(open));
      document.querySelector('.facets').classList.toggle('is-open', open);
      labelFacetsToggle();
    });
    $('hits').addEventListener('click', (event) => {
      const link = event.target.closest('.hit-link');
      if (!link || !link.dataset.key || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      enteredOnLetter = false;
      navigate({ doc: link.dataset.key });
    });
    $('letter-back').addEventListener('click', closeLetter);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && current.doc) closeLetter();
    });
    $('home-link').addEventListener('click', (event) => {
      event.preventDefault();
      navigate({ q: '', filters: [], page: 1, sort: 'relevance', doc: '' });
    });
    window.addEventListener('popstate', () => {
      current = stateFromUrl(window.location.search);
      render();
    });
  }

  bindEvents();
  render();
})();
