// Numbers and dates as the page shows them ("12,345", "Dec 1, 2026"), without
// Intl: a fresh page pays 20-60 ms to load Intl's locale data on its first
// use, most of the time from opening a shared link to the drawn chart.
'use strict';

window.ImrFormat = (() => {
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

  // A whole number with thousands separators, as en-US writes it.
  function count(n) {
    const whole = Math.trunc(Number(n || 0));
    const digits = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return whole < 0 ? `-${digits}` : digits;
  }

  // A yyyy-mm-dd date as en-US's medium style; other text as it is.
  function date(iso) {
    if (!iso) return null;
    const parts = ISO_DATE.exec(iso);
    const month = parts ? Number(parts[2]) : 0;
    const day = parts ? Number(parts[3]) : 0;
    if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
    return `${MONTHS[month - 1]} ${day}, ${parts[1]}`;
  }

  return { count, date };
})();
