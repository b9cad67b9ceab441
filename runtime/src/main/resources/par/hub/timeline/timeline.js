// Draws the run (the JSON in #run, made by par.hub.TimelineModel) as SVG, one lane per process,
// and redraws it for each view: the wheel zooms around the pointer, a drag pans, the buttons
// reset. The visible range is kept on the SVG (data-from, data-to) so a test can read it, and
// a URL fragment (#wheel=DY, #drag=DX, #view=FROM,TO) drives the same handlers for a test.
(function () {
  'use strict';
  var run = JSON.parse(document.getElementById('run').textContent);
  var svg = document.getElementById('plot');
  var NS = 'http://www.w3.org/2000/svg';
  var LABELS = 190, RIGHT = 16, TOP = 42, LANE = 66, BAR = 18, LIFT = 13;
  var view = { from: run.fit[0], to: run.fit[1] };
  var width = 0;

  function plotWidth() { return width - LABELS - RIGHT; }
  function x(ms) { return LABELS + (ms - view.from) / (view.to - view.from) * plotWidth(); }
  function msAt(px) { return view.from + (px - LABELS) / plotWidth() * (view.to - view.from); }
  function y(lane) { return TOP + lane * LANE + LANE / 2 + 6; }

  function add(parent, name, attrs, title) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (title) {
      var t = document.createElementNS(NS, 'title');
      t.textContent = title;
      node.appendChild(t);
    }
    parent.appendChild(node);
    return node;
  }

  function text(parent, cls, px, py, words, anchor) {
    var t = add(parent, 'text', { 'class': cls, x: px, y: py, 'text-anchor': anchor || 'start' });
    t.textContent = words;
    return t;
  }

  // a label is written on the visible part of a bar, when it fits there (about 6 px a character)
  function label(g, cls, x0, w, py, words) {
    var left = Math.max(x0, LABELS), right = Math.min(x0 + w, width - RIGHT);
    if (words && words.length * 6 + 8 < right - left) {
      text(g, cls, left + 4, py, words);
    }
  }

  function niceStep(span) {
    var raw = span / Math.max(2, plotWidth() / 110);
    var p = Math.pow(10, Math.floor(Math.log10(raw)));
    return [1, 2, 5, 10].map(function (m) { return m * p; }).find(function (s) { return s >= raw; });
  }

  function fmt(ms, step) {
    return (step < 1 ? ms.toFixed(step < 0.1 ? 2 : 1) : Math.round(ms)) + ' ms';
  }

  function axis(height) {
    var step = niceStep(view.to - view.from);
    for (var t = Math.ceil(view.from / step) * step; t <= view.to; t += step) {
      add(svg, 'line', { 'class': 'grid', x1: x(t), x2: x(t), y1: TOP - 8, y2: height - 8 });
      text(svg, 'tick-label', x(t), TOP - 14, fmt(t, step), 'middle');
    }
  }

  function lanes(height) {
    run.lanes.forEach(function (lane, i) {
      var g = add(svg, 'g', { 'class': 'lane', 'data-process': lane.name });
      if (i % 2 === 0) {
        add(g, 'rect', { 'class': 'lane-band', x: 0, y: y(i) - LANE / 2 - 6, width: width, height: LANE });
      }
      text(g, 'lane-name', 12, y(i) - 2, lane.name);
      if (lane.pid) {
        text(g, 'lane-pid', 12, y(i) + 13, 'pid ' + lane.pid);
      }
    });
  }

  // A span too short to see is drawn at least min pixels wide, grown to the left: its right
  // edge stays at its end, so nothing is drawn past the end of the run or a deadlock's report.
  function visible(s, min) {
    var right = x(s.to), left = Math.min(x(s.from), right - min);
    return { x0: left, w: right - left };
  }

  function segment(g, s) {
    var r = visible(s, 1), x0 = r.x0, w = r.w, cy = y(s.lane);
    if (s.cls === 'finished') {
      add(g, 'line', { 'class': 'segment finished', x1: x0, x2: x0 + w, y1: cy, y2: cy }, s.title);
      return;
    }
    add(g, 'rect', { 'class': 'segment ' + s.cls, x: x0, y: cy - BAR / 2, width: w, height: BAR, rx: 2 }, s.title);
    label(g, 'segment-label', x0, w, cy + 4, s.label);
  }

  function overlay(g, s) {
    var r = visible(s, 2), x0 = r.x0, w = r.w, top = y(s.lane) - BAR / 2 - LIFT - 2;
    add(g, 'rect', { 'class': 'overlay ' + s.cls, x: x0, y: top, width: w, height: LIFT, rx: 2 }, s.title);
    label(g, 'overlay-label', x0, w, top + 10, s.label);
  }

  // queue items and spawns go from one lane's bar to the other's; a wait-for edge bends out to
  // the right of the cut, further the more lanes it crosses, so a cycle reads as a ring
  function link(g, s) {
    var y0 = y(s.lane), y1 = y(s.toLane), dir = y1 > y0 ? 1 : y1 < y0 ? -1 : 0;
    var d;
    if (s.cls === 'waitfor') {
      var x0 = x(s.from) + 10, bend = 26 + 14 * Math.abs(s.toLane - s.lane);
      d = 'M' + x0 + ',' + (y0 + dir * 6) + ' C' + (x0 + bend) + ',' + y0 + ' ' + (x0 + bend) + ',' + y1 + ' '
          + (x0 + 2) + ',' + (y1 - dir * 6);
    } else {
      var edge = s.cls === 'queue' ? BAR / 2 : 0;
      d = 'M' + x(s.from) + ',' + (y0 + dir * edge) + ' L' + x(s.to) + ',' + (y1 - dir * edge);
    }
    add(g, 'path', { 'class': 'link ' + s.cls, d: d, 'marker-end': 'url(#head-' + s.cls + ')' }, s.title);
  }

  function mark(g, s) {
    var cx = x(s.from), cy = y(s.lane);
    if (s.cls === 'deadlock') {
      add(g, 'path', { 'class': 'deadlock', d: 'M' + (cx - 6) + ',' + (cy - 6) + ' l12,12 m0,-12 l-12,12' }, s.title);
      return;
    }
    add(g, 'circle', { 'class': s.cls, cx: cx, cy: cy, r: 6 }, s.title);
    // left of the mark: right of it is where a deadlock's wait-for arrows bend
    text(g, 'exit-label ' + s.cls.split(' ')[1], cx - 4, cy + BAR / 2 + 14, s.label, 'end');
  }

  function tick(g, s) {
    var cx = x(s.from), cy = y(s.lane) + BAR / 2;
    var t = add(g, 'g', { 'class': 'event' }, s.title);
    add(t, 'line', { x1: cx, x2: cx, y1: cy, y2: cy + 5 });
    add(t, 'line', { 'class': 'event-hit', x1: cx, x2: cx, y1: cy - BAR, y2: cy + 6 });
  }

  var draw = { segment: segment, overlay: overlay, link: link, mark: mark, tick: tick };
  var order = ['segment', 'overlay', 'tick', 'link', 'mark'];

  function defs() {
    var d = add(svg, 'defs', {});
    ['queue', 'spawn', 'waitfor'].forEach(function (cls) {
      var m = add(d, 'marker', { id: 'head-' + cls, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 6,
        markerHeight: 6, orient: 'auto-start-reverse' });
      add(m, 'path', { d: 'M0,0 L10,5 L0,10 z', 'class': 'head-' + cls });
    });
    var clip = add(d, 'clipPath', { id: 'plot-area' });
    add(clip, 'rect', { x: LABELS, y: 0, width: plotWidth(), height: 100000 });
  }

  function cutLine(g, height) {
    var cls = run.deadlocked ? ' deadlocked' : '';
    add(g, 'line', { 'class': 'cut' + cls, x1: x(run.cut), x2: x(run.cut), y1: TOP - 4, y2: height - 8 });
    text(g, 'cut-label' + cls, x(run.cut) - 4, TOP - 1, run.deadlocked ? 'deadlock reported' : 'end of run', 'end');
  }

  function render() {
    width = Math.max(720, document.documentElement.clientWidth - 42);
    var height = TOP + run.lanes.length * LANE + 14;
    while (svg.firstChild) {
      svg.removeChild(svg.firstChild);
    }
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    defs();
    lanes(height);
    axis(height);
    var g = add(svg, 'g', { 'clip-path': 'url(#plot-area)' });
    order.forEach(function (kind) {
      run.shapes.filter(function (s) { return s.kind === kind; }).forEach(function (s) { draw[kind](g, s); });
    });
    cutLine(g, height);
    svg.setAttribute('data-from', view.from.toFixed(2));
    svg.setAttribute('data-to', view.to.toFixed(2));
    document.getElementById('range').textContent =
        'showing ' + view.from.toFixed(1) + ' to ' + view.to.toFixed(1) + ' ms';
  }

  function show(from, to) {
    var whole = run.whole[1] - run.whole[0];
    var span = Math.min(Math.max(to - from, 0.05), whole * 2);
    var mid = (from + to) / 2;
    view = { from: mid - span / 2, to: mid + span / 2 };
    render();
  }

  function zoomAt(ms, factor) {
    show(ms - (ms - view.from) * factor, ms + (view.to - ms) * factor);
  }

  svg.addEventListener('wheel', function (e) {
    e.preventDefault();
    var px = e.clientX - svg.getBoundingClientRect().left;
    zoomAt(msAt(Math.max(LABELS, px)), Math.pow(1.0015, e.deltaY));
  }, { passive: false });

  var drag = null;
  svg.addEventListener('mousedown', function (e) {
    if (e.button === 0) {
      drag = { x: e.clientX, from: view.from, to: view.to };
      svg.classList.add('dragging');
      e.preventDefault();
    }
  });
  window.addEventListener('mousemove', function (e) {
    if (drag) {
      var shift = (drag.x - e.clientX) / plotWidth() * (drag.to - drag.from);
      show(drag.from + shift, drag.to + shift);
    }
  });
  window.addEventListener('mouseup', function () {
    drag = null;
    svg.classList.remove('dragging');
  });
  document.getElementById('fit').addEventListener('click', function () { show(run.fit[0], run.fit[1]); });
  document.getElementById('whole').addEventListener('click', function () { show(run.whole[0], run.whole[1]); });
  window.addEventListener('resize', render);

  document.getElementById('summary').textContent = run.lanes.length + ' processes, ' + run.events
      + ' events; ' + (run.deadlocked ? 'the run ended in a deadlock at ' : 'the run ended at ')
      + run.cut.toFixed(1) + ' ms.';
  render();

  // a test's fragment: the same events a reader's wheel and mouse make, on the plot's middle
  var hook = /^#(wheel|drag|view)=(-?[0-9.]+)(?:,(-?[0-9.]+))?$/.exec(location.hash);
  if (hook) {
    var box = svg.getBoundingClientRect();
    var cx = box.left + LABELS + plotWidth() / 2, cy = box.top + TOP + 10;
    var n = parseFloat(hook[2]);
    if (hook[1] === 'wheel') {
      svg.dispatchEvent(new WheelEvent('wheel', { deltaY: n, clientX: cx, clientY: cy, bubbles: true, cancelable: true }));
    } else if (hook[1] === 'drag') {
      svg.dispatchEvent(new MouseEvent('mousedown', { button: 0, clientX: cx, clientY: cy, bubbles: true }));
      window.dispatchEvent(new MouseEvent('mousemove', { clientX: cx + n, clientY: cy, bubbles: true }));
      window.dispatchEvent(new MouseEvent('mouseup', { clientX: cx + n, clientY: cy, bubbles: true }));
    } else {
      show(n, parseFloat(hook[3]));
    }
  }
})();
