// Where an interaction's time went in the page, read from Chromium's own
// trace: the renderer main thread's busy time between the interaction's last
// event (or navigation start) and the first frame drawn with its change,
// split into scripting, HTML parsing, style, layout, paint and other work.
// Busy time counts what the browser did, not the wall clock, so it moves far
// less than the figures of measure() on a loaded machine (waiting for the
// server or for a core costs nothing here: it is the thread's CPU time). Used by page_helpers when
// IMR_TRACE is set.

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing',
  'toplevel', 'v8.execute', 'v8'];

export const SPLIT_KINDS = ['script', 'parse', 'style', 'layout', 'paint', 'other'];

// DevTools' own grouping of the timeline's events (its "Summary" tab).
const KIND_OF = new Map(Object.entries({
  script: ['EvaluateScript', 'FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks',
    'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'v8.run', 'V8.Execute', 'XHRReadyStateChange', 'XHRLoad',
    'FireIdleCallback', 'MajorGC', 'MinorGC', 'V8.GCScavenger', 'V8.GCCompactor', 'BlinkGC.AtomicPhase',
    'v8.parseOnBackground', 'V8.ScriptCompiler', 'v8.callFunction'],
  parse: ['ParseHTML'],
  style: ['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet'],
  layout: ['Layout', 'HitTest', 'IntersectionObserverController::computeIntersections'],
  paint: ['PrePaint', 'Paint', 'PaintImage', 'Layerize', 'UpdateLayer', 'UpdateLayerTree', 'CompositeLayers',
    'Commit', 'PaintSetup', 'Decode Image'],
}).flatMap(([kind, names]) => names.map((name) => [name, kind])));

const rendererMains = (events) => new Set(events
  .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args && e.args.name === 'CrRendererMain')
  .map((e) => `${e.pid}:${e.tid}`));

// Complete events of one thread as { start, end, cpu, name }: wall-clock
// bounds, and the thread's own CPU time in it (`tdur`; the wall time when the
// trace has none), begin/end pairs joined.
function spans(events, thread) {
  const open = [];
  const out = [];
  const span = (start, end, cpu, name) => out.push({ start, end, cpu: typeof cpu === 'number' ? cpu : end - start, name });
  events.filter((e) => `${e.pid}:${e.tid}` === thread).sort((a, b) => a.ts - b.ts).forEach((e) => {
    if (e.ph === 'X' && typeof e.dur === 'number') span(e.ts, e.ts + e.dur, e.tdur, e.name);
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const begin = open.pop();
      if (begin) span(begin.ts, e.ts, typeof begin.tts === 'number' && typeof e.tts === 'number' ? e.tts - begin.tts : null, begin.name);
    }
  });
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

// CPU self time of each span, the part of it inside [from, to] (in
// proportion to its wall time there), given to the kind of the innermost span
// that has one (a layout forced by a script is layout; V8's inner events
// under a FunctionCall are scripting; a bare task is other). CPU rather than
// wall time: a thread waiting for one of the shared cores counts nothing.
function selfTimes(list, from, to) {
  const totals = Object.fromEntries(SPLIT_KINDS.map((k) => [k, 0]));
  const stack = [];
  const inside = ({ start, end, cpu }) => (end > start ? cpu * (Math.max(0, Math.min(end, to) - Math.max(start, from)) / (end - start)) : 0);
  const close = (frame) => { totals[frame.kind] += Math.max(0, inside(frame) - frame.children); };
  list.forEach((s) => {
    while (stack.length && stack[stack.length - 1].end <= s.start) close(stack.pop());
    const parent = stack[stack.length - 1];
    const frame = { ...s, end: parent ? Math.min(s.end, parent.end) : s.end, kind: KIND_OF.get(s.name) || (parent ? parent.kind : 'other'), children: 0 };
    if (parent) parent.children += inside(frame);
    stack.push(frame);
  });
  while (stack.length) close(stack.pop());
  return Object.fromEntries(Object.entries(totals).map(([k, us]) => [k, us / 1000]));
}

// The split of the `ms` after the last user timing mark named `markName`
// (an imr-t0 mark, or navigationStart) on the thread that holds it.
export function splitOf(traceBuffer, markName, ms) {
  const { traceEvents } = JSON.parse(traceBuffer.toString('utf8'));
  const mains = rendererMains(traceEvents);
  // Chromium also starts blank documents of its own (no loader URL) in the page's thread.
  const marks = traceEvents.filter((e) => e.name === markName && mains.has(`${e.pid}:${e.tid}`)
    && (markName !== 'navigationStart' || (e.args && e.args.data && e.args.data.documentLoaderURL)));
  if (marks.length === 0) return null;
  const mark = marks.reduce((last, e) => (e.ts > last.ts ? e : last));
  const thread = `${mark.pid}:${mark.tid}`;
  return selfTimes(spans(traceEvents, thread), mark.ts, mark.ts + ms * 1000);
}
