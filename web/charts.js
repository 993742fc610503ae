// Plain SVG charts for the analytics view: a rate bar with its 95% interval
// as a whisker, and stacked upheld/overturned columns over time. Each chart
// is an <svg role="img"> with an aria-label and a <title>, so it reads as one
// picture; the numbers are also offered as a table by app.js.
'use strict';

window.ImrCharts = (() => {
  const SVG = 'http://www.w3.org/2000/svg';
  const Z95 = 1.959964;

  function svgEl(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, String(value)));
    return node;
  }

  function titled(node, text) {
    const title = svgEl('title');
    title.textContent = text;
    node.prepend(title);
    return node;
  }

  // The Wilson score interval of k successes in n trials: unlike the normal
  // approximation it stays inside 0..1 and is honest for small counts.
  function wilson(k, n) {
    if (!n) return [0, 0];
    const p = k / n;
    const z2 = Z95 * Z95;
    const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    const half = (Z95 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
    return [Math.max(0, centre - half), Math.min(1, centre + half)];
  }

  // The server's interval when it sends one, else the same formula here.
  function interval(row) {
    if (typeof row.rate_low === 'number' && typeof row.rate_high === 'number') return [row.rate_low, row.rate_high];
    return wilson(row.overturned || 0, (row.upheld || 0) + (row.overturned || 0));
  }

  function rateOf(row) {
    if (typeof row.overturn_rate === 'number') return row.overturn_rate;
    const n = (row.upheld || 0) + (row.overturned || 0);
    return n ? row.overturned / n : 0;
  }

  const percent = (x) => `${(x * 100).toFixed(1)}%`;

  function describeRate(label, row) {
    const [low, high] = interval(row);
    return `${label}: ${percent(rateOf(row))} overturned (95% interval ${percent(low)} to ${percent(high)}) `
      + `of ${ImrFormat.count(row.items)} items`;
  }

  // One horizontal bar on a 0..scale axis drawn 100 units wide; the page
  // stretches it to its column, so the stroke keeps its width.
  function rateBar(label, row, scale) {
    const width = 100;
    const x = (value) => Math.min(width, (value / scale) * width);
    const [low, high] = interval(row);
    const svg = svgEl('svg', {
      viewBox: `0 0 ${width} 12`, preserveAspectRatio: 'none', role: 'img', class: 'rate-bar',
      'aria-label': describeRate(label, row),
    });
    titled(svg, describeRate(label, row));
    svg.append(
      svgEl('rect', { x: 0, y: 0, width, height: 12, class: 'rate-track' }),
      svgEl('rect', { x: 0, y: 2, width: x(rateOf(row)), height: 8, class: 'rate-fill' }),
      svgEl('line', { x1: x(low), x2: x(high), y1: 6, y2: 6, class: 'rate-whisker', 'vector-effect': 'non-scaling-stroke' }),
      svgEl('line', { x1: x(low), x2: x(low), y1: 2, y2: 10, class: 'rate-whisker', 'vector-effect': 'non-scaling-stroke' }),
      svgEl('line', { x1: x(high), x2: x(high), y1: 2, y2: 10, class: 'rate-whisker', 'vector-effect': 'non-scaling-stroke' }),
    );
    return svg;
  }

  // The axis end: the widest interval shown, rounded up to a tidy 10%.
  function rateScale(rows) {
    const top = Math.max(0.1, ...rows.map((row) => interval(row)[1]));
    return Math.min(1, Math.ceil(top * 10) / 10);
  }

  const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  const escape = (text) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);

  // One column's markup: its <title>, the two rects, a label every few.
  // Only the value is text from the server; the rest are numbers.
  function columnMarkup(row, x, width, { height, y, labelled }) {
    const value = escape(row.value);
    const upheld = y(row.upheld);
    const overturned = y(row.overturned);
    const label = labelled
      ? `<text x="${x + width / 2}" y="${height + 13}" class="column-label" text-anchor="middle">${value}</text>` : '';
    return `<g class="column" data-value="${value}">`
      + `<title>${value}: ${Number(row.upheld)} upheld, ${Number(row.overturned)} overturned</title>`
      + `<rect x="${x}" y="${height - upheld}" width="${width}" height="${upheld}" class="column-upheld"/>`
      + `<rect x="${x}" y="${height - upheld - overturned}" width="${width}" height="${overturned}" class="column-overturned"/>`
      + `${label}</g>`;
  }

  // Stacked columns (upheld below, overturned on top) per period, in the
  // rows' order; `onPick(row)` is called when a column is clicked. A month
  // chart has some 150 columns of four or five elements: written as one
  // escaped string for the browser's parser, they cost a fraction of the
  // script time of making each element and attribute in turn, on the way
  // to a shared link's first frame.
  function stackedColumns(rows, { label, onPick } = {}) {
    const height = 160;
    const step = Math.max(8, Math.min(48, 720 / Math.max(1, rows.length)));
    const gap = Math.max(1, step * 0.2);
    const width = step * rows.length;
    const most = Math.max(1, ...rows.map((row) => row.upheld + row.overturned));
    const y = (count) => (count / most) * (height - 4);
    const total = rows.reduce((sum, row) => sum + row.upheld + row.overturned, 0);
    const summary = `${label}: ${ImrFormat.count(total)} decisions over ${rows.length} periods`;
    const svg = svgEl('svg', {
      viewBox: `0 0 ${Math.max(width, 1)} ${height + 18}`, role: 'img', class: 'columns', 'aria-label': summary,
    });
    const labelEvery = Math.ceil(rows.length / 12);
    svg.innerHTML = rows.map((row, i) => columnMarkup(row, i * step, step - gap, { height, y, labelled: i % labelEvery === 0 })).join('');
    titled(svg, summary);
    if (onPick) {
      const byValue = new Map(rows.map((row) => [String(row.value), row]));
      svg.addEventListener('click', (event) => {
        const column = event.target.closest('.column');
        if (column && byValue.has(column.dataset.value)) onPick(byValue.get(column.dataset.value));
      });
    }
    return svg;
  }

  return { wilson, interval, rateOf, percent, rateBar, rateScale, stackedColumns };
})();
