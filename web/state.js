// The page's search as it lives in the URL, and the API requests it makes.
// Loaded first and not deferred: it sends the requests of the page's first
// view at once, so the server works while styles and scripts still load and
// the bare page is drawn; app.js then takes those answers (takeEarly).
'use strict';

window.ImrState = (() => {
  const PER_PAGE = 20;
  const SORTS = ['relevance', 'date_desc', 'date_asc'];
  const VIEWS = ['results', 'analytics'];
  const STATS_BY = ['drug', 'drug_class', 'category', 'guideline', 'specialty', 'license_state'];
  const STATS_TIME = ['decision_year', 'decision_month'];
  // A letter with any decision date falls in this range; its complement is
  // the letters that state none.
  const ANY_DECISION_DATE = 'decided:1000..';
  const RANGE = /^(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$/;

  const oneOf = (value, allowed, fallback) => (allowed.includes(value) ? value : fallback);
  const rangeOf = (value) => (value && RANGE.test(value) && value !== '..' ? value : '');

  function stateFromUrl(search) {
    const params = new URLSearchParams(search);
    const page = Number.parseInt(params.get('page') || '1', 10);
    return {
      q: params.get('q') || '',
      filters: params.getAll('filter').filter((f) => f.includes(':')),
      page: Number.isFinite(page) && page > 0 ? page : 1,
      sort: oneOf(params.get('sort'), SORTS, 'relevance'),
      doc: params.get('doc') || '',
      view: oneOf(params.get('view'), VIEWS, ''),
      by: oneOf(params.get('by'), STATS_BY, 'drug'),
      time: oneOf(params.get('time'), STATS_TIME, 'decision_year'),
      decided: rangeOf(params.get('decided')),
      injured: rangeOf(params.get('injured')),
      undated: params.get('undated') === 'include' ? 'include' : '',
    };
  }

  // What the page's search is, in the URL's terms (not the page or view).
  function searchParams(state) {
    const params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    state.filters.forEach((f) => params.append('filter', f));
    if (state.decided) params.set('decided', state.decided);
    if (state.undated && state.decided) params.set('undated', state.undated);
    if (state.injured) params.set('injured', state.injured);
    if (state.page > 1) params.set('page', String(state.page));
    if (state.sort !== 'relevance') params.set('sort', state.sort);
    return params;
  }

  function urlOf(state) {
    const params = searchParams(state);
    if (state.view) params.set('view', state.view);
    if (state.by !== 'drug') params.set('by', state.by);
    if (state.time !== 'decision_year') params.set('time', state.time);
    if (state.doc) params.set('doc', state.doc);
    const query = params.toString();
    return query ? `?${query}` : './';
  }

  const nothingAsked = (state) => !state.q && !state.filters.length && !state.decided && !state.injured;

  // With nothing asked yet, the page opens on the overview of the whole index.
  function viewOf(state) {
    if (state.view) return state.view;
    return nothingAsked(state) && state.page === 1 && state.sort === 'relevance' ? 'analytics' : 'results';
  }

  // The date inputs become the query language's date ranges, added to the
  // typed query; letters without a decision date join only when asked to.
  function dateClauses(state) {
    const clauses = [];
    if (state.decided) {
      const range = `decided:${state.decided}`;
      clauses.push(state.undated === 'include' ? `(${range} OR NOT ${ANY_DECISION_DATE})` : range);
    }
    if (state.injured) clauses.push(`injury:${state.injured}`);
    return clauses.join(' ');
  }

  function apiQuery(state) {
    const dates = dateClauses(state);
    if (!dates) return state.q;
    return state.q ? `(${state.q}) ${dates}` : dates;
  }

  // The API's parameters for the page's search: q with the dates, the filters.
  function apiParams(state) {
    const params = new URLSearchParams();
    const q = apiQuery(state);
    if (q) params.set('q', q);
    state.filters.forEach((f) => params.append('filter', f));
    return params;
  }

  // The analytics view shows no hits, so it asks for the counts alone
  // (per_page=0: no ranking, no snippets); going back to the results asks again.
  const wantsHits = (state) => viewOf(state) !== 'analytics';
  const searchKey = (state) => `${searchParams(state)}|${wantsHits(state) ? 'hits' : 'counts'}`;

  function searchUrl(state) {
    const params = apiParams(state);
    params.set('per_page', wantsHits(state) ? String(PER_PAGE) : '0');
    params.set('page', String(state.page));
    if (state.sort !== 'relevance') params.set('sort', state.sort);
    return `/api/search?${params}`;
  }

  function statsUrl(state, by) {
    const params = apiParams(state);
    params.set('by', by);
    return `/api/stats?${params}`;
  }

  // The count of the search's letters without a decision date, asked for
  // when a decision range leaves them out (or takes them in); else null.
  function undatedUrl(state) {
    if (!state.decided) return null;
    const params = apiParams({ ...state, decided: '', undated: '' });
    const q = params.get('q');
    params.set('q', q ? `(${q}) NOT ${ANY_DECISION_DATE}` : `NOT ${ANY_DECISION_DATE}`);
    params.set('per_page', '0');  // the count alone
    return `/api/search?${params}`;
  }

  // ---- the first view's requests, sent before the page is ready ----

  const early = new Map();  // url -> { controller, response }

  function sendEarly(url) {
    const controller = new AbortController();
    const response = fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
    response.catch(() => {});  // whoever takes it sees the failure; nobody else should
    early.set(url, { controller, response });
  }

  // The requests app.js makes when it first draws `state`.
  function firstRequests(state) {
    if (state.doc) return [];
    const urls = [searchUrl(state)];
    if (viewOf(state) === 'analytics') urls.push(statsUrl(state, state.by), statsUrl(state, state.time));
    const undated = undatedUrl(state);
    if (undated) urls.push(undated);
    return urls;
  }

  // The request already sent for url, if any; each is taken once.
  function takeEarly(url) {
    const sent = early.get(url);
    early.delete(url);
    return sent || null;
  }

  // While the first view's answers are out, the page is not shown (style.css):
  // shown bare first, it was painted twice, and a shared link showed an empty
  // frame before its charts. app.js shows it once the answers are drawn;
  // should that never happen (a script that failed to load), the page shows
  // itself after a while, answers or not.
  const WAITING = 'is-waiting';
  const SHOW_ANYWAY_MS = 1000;

  function waitForAnswers() {
    document.documentElement.classList.add(WAITING);
    setTimeout(showPage, SHOW_ANYWAY_MS);
  }

  function showPage() {
    document.documentElement.classList.remove(WAITING);
  }

  const first = firstRequests(stateFromUrl(window.location.search));
  first.forEach(sendEarly);
  if (first.length) waitForAnswers();

  return {
    PER_PAGE, STATS_BY, ANY_DECISION_DATE, stateFromUrl, searchParams, urlOf, nothingAsked, viewOf,
    dateClauses, apiQuery, apiParams, wantsHits, searchKey, searchUrl, statsUrl, undatedUrl, takeEarly, showPage,
  };
})();
