// ActorGraph explorer page: pan and zoom, search, details of actors and ties, kind and time
// filters, asserted brokerages and shortest paths over the Graphviz SVG above.
// Plain JavaScript, no dependency. Dataset text is only ever put into the page with textContent.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("actorgraph-data").textContent);
  var svg = document.querySelector("#diagram svg");
  var $ = function (id) { return document.getElementById(id); };

  // ---------------------------------------------------------------- indexes
  function dayOf(iso) {
    var p = iso.split("-");
    return Math.round(Date.UTC(+p[0], +p[1] - 1, +p[2]) / 86400000);
  }
  function isoOf(day) { return new Date(day * 86400000).toISOString().slice(0, 10); }

  var actors = data.actors, ties = data.ties, events = data.events, sources = data.sources;
  var actorIndex = new Map();
  actors.forEach(function (a, i) { actorIndex.set(a.id, i); });
  events.forEach(function (e) { e.s = dayOf(e.start); e.e = dayOf(e.end); });
  var tiesOf = actors.map(function () { return []; });
  ties.forEach(function (t, i) {
    if (t.source >= 0) tiesOf[t.source].push(i);
    if (t.target >= 0 && t.target !== t.source) tiesOf[t.target].push(i);
  });
  var drawnActors = tiesOf.filter(function (list) { return list.length > 0; }).length;
  var nodeEl = actors.map(function (a, i) { return document.getElementById("actor-" + i); });
  var tieEl = ties.map(function (t, i) { return document.getElementById("tie-" + i); });

  // ---------------------------------------------------------------- small DOM helpers
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function button(text, onClick, cls) {
    var b = el("button", text, cls);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  function tieName(t) {
    var tie = ties[t];
    return actors[tie.source].name + " — " + actors[tie.target].name;
  }
  function byDate(a, b) { return events[a].s - events[b].s || events[a].e - events[b].e || (events[a].id < events[b].id ? -1 : 1); }

  // ---------------------------------------------------------------- filter
  var kindsOn = new Set(data.kinds);
  var span = { from: data.from ? dayOf(data.from) : 0, to: data.to ? dayOf(data.to) : 0 };
  var windowDays = { from: span.from, to: span.to };
  var eventOn = new Uint8Array(events.length);
  var tieOn = new Uint8Array(ties.length);
  var actorOn = new Uint8Array(actors.length);
  // What each element shows now, so that a filter change touches only the elements it changes.
  var tieShown = new Uint8Array(ties.length).fill(1);
  var actorShown = new Uint8Array(actors.length).fill(1);
  /// Fades an element: attribute `data-faded`, which the style sheet turns into the opacity of
  /// its shapes. (Not a class: a class change on an SVG element is slower to apply; measured on
  /// a 6,000-tie page.)
  function fade(element, faded) {
    if (faded) element.setAttribute("data-faded", ""); else element.removeAttribute("data-faded");
  }

  /// Applies the kind and time filter: an event passes when its kind is checked and its whole
  /// date interval lies within the window (as `--from/--to` read it); a tie shows when one of
  /// its events passes, an actor when one of its ties shows. Returns the milliseconds it took.
  function applyFilter() {
    var t0 = performance.now();
    for (var k = 0; k < events.length; k++) {
      var e = events[k];
      eventOn[k] = kindsOn.has(e.kind) && e.s >= windowDays.from && e.e <= windowDays.to ? 1 : 0;
    }
    actorOn.fill(0);
    var counted = new Uint8Array(events.length), eventCount = 0, tieCount = 0;
    for (var t = 0; t < ties.length; t++) {
      var on = 0, evs = ties[t].events;
      for (var j = 0; j < evs.length; j++) {
        var ev = evs[j];
        if (!eventOn[ev]) continue;
        on = 1;
        if (!counted[ev]) { counted[ev] = 1; eventCount++; }
      }
      tieOn[t] = on;
      if (on) { tieCount++; actorOn[ties[t].source] = 1; actorOn[ties[t].target] = 1; }
      if (tieEl[t] && tieShown[t] !== on) { tieShown[t] = on; fade(tieEl[t], !on); }
    }
    var actorCount = 0;
    for (var a = 0; a < actors.length; a++) {
      if (actorOn[a]) actorCount++;
      if (nodeEl[a] && actorShown[a] !== actorOn[a]) { actorShown[a] = actorOn[a]; fade(nodeEl[a], !actorOn[a]); }
    }
    $("counts").textContent = actorCount + " of " + drawnActors + " actors · " + tieCount + " of " + ties.length +
      " ties · " + eventCount + " events";
    $("counts").dataset.actors = actorCount;
    $("counts").dataset.ties = tieCount;
    $("counts").dataset.events = eventCount;
    var ms = performance.now() - t0;
    window.actorgraphLastFilterMs = ms;
    return ms;
  }

  var kindBox = $("kinds");
  data.kinds.forEach(function (kind) {
    var label = el("label", null, "kind k-" + kind);
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = kind;
    box.addEventListener("change", function () {
      if (box.checked) kindsOn.add(kind); else kindsOn.delete(kind);
      applyFilter();
    });
    label.appendChild(box);
    label.appendChild(el("span", "", "swatch"));
    label.appendChild(document.createTextNode(kind));
    kindBox.appendChild(label);
  });

  var fromInput = $("time-from"), toInput = $("time-to");
  [fromInput, toInput].forEach(function (input) {
    input.min = span.from;
    input.max = span.to;
  });
  fromInput.value = span.from;
  toInput.value = span.to;
  function timeChanged(which) {
    var f = +fromInput.value, t = +toInput.value;
    if (f > t) { if (which === fromInput) toInput.value = f; else fromInput.value = t; }
    windowDays.from = +fromInput.value;
    windowDays.to = +toInput.value;
    $("time-from-label").textContent = isoOf(windowDays.from);
    $("time-to-label").textContent = isoOf(windowDays.to);
    applyFilter();
  }
  fromInput.addEventListener("input", function () { timeChanged(fromInput); });
  toInput.addEventListener("input", function () { timeChanged(toInput); });
  $("time-from-label").textContent = isoOf(span.from);
  $("time-to-label").textContent = isoOf(span.to);

  // ---------------------------------------------------------------- highlight and details
  function clearHighlight() {
    svg.querySelectorAll(".hl, .selected").forEach(function (e) { e.classList.remove("hl", "selected"); });
    document.body.classList.remove("highlighting");
  }
  function highlight(actorList, tieList) {
    clearHighlight();
    document.body.classList.add("highlighting");
    actorList.forEach(function (a) { if (nodeEl[a]) nodeEl[a].classList.add("hl"); });
    tieList.forEach(function (t) { if (tieEl[t]) tieEl[t].classList.add("hl"); });
  }
  function details(heading) {
    var box = $("details");
    box.textContent = "";
    box.appendChild(el("h2", heading));
    return box;
  }

  /// One event as a list item: date, kind, summary, and every citation with its source and quote.
  function eventItem(k) {
    var e = events[k];
    var li = el("li", null, "event");
    li.dataset.eventId = e.id;
    var head = el("p", null, "event-head");
    head.appendChild(el("time", e.date));
    head.appendChild(el("span", e.kind + (e.subtype ? " (" + e.subtype + ")" : ""), "kind-tag k-" + e.kind));
    head.appendChild(el("code", e.id));
    li.appendChild(head);
    if (e.summary) li.appendChild(el("p", e.summary, "summary"));
    e.citations.forEach(function (c) {
      var s = sources[c.source] || { title: "?", publisher: null, date: null };
      var q = el("blockquote", c.quote, "quote");
      li.appendChild(q);
      li.appendChild(el("p", "— " + s.title + (s.publisher ? ", " + s.publisher : "") + (s.date ? ", " + s.date : ""), "cite"));
    });
    return li;
  }
  function eventList(list) {
    var ol = el("ol", null, "events");
    list.slice().sort(byDate).forEach(function (k) { ol.appendChild(eventItem(k)); });
    return ol;
  }

  function showActor(a) {
    var actor = actors[a];
    highlight([a], tiesOf[a]);
    if (nodeEl[a]) nodeEl[a].classList.add("selected");
    var box = details(actor.name);
    box.dataset.actor = actor.id;
    box.dataset.tie = "";
    box.appendChild(el("p", actor.kind + (actor.state ? " · " + actor.state : "") + " · id " + actor.id, "note"));
    if (actor.aliases.length) box.appendChild(el("p", "Also: " + actor.aliases.join(", "), "note"));
    box.appendChild(el("h3", "Ties (" + tiesOf[a].length + ")"));
    var ul = el("ul", null, "ties");
    tiesOf[a].forEach(function (t) {
      var other = ties[t].source === a ? ties[t].target : ties[t].source;
      var li = el("li");
      li.appendChild(button(actors[other].name + " (" + ties[t].events.length + ")", function () { showTie(t, true); }));
      ul.appendChild(li);
    });
    box.appendChild(ul);
    var evs = new Set();
    tiesOf[a].forEach(function (t) { ties[t].events.forEach(function (k) { evs.add(k); }); });
    box.appendChild(el("h3", "Events by date (" + evs.size + ")"));
    box.appendChild(eventList(Array.from(evs)));
  }

  function showTie(t, zoomTo) {
    var tie = ties[t];
    highlight([tie.source, tie.target], [t]);
    if (tieEl[t]) tieEl[t].classList.add("selected");
    if (zoomTo) focusOn([nodeEl[tie.source], nodeEl[tie.target]]);
    var box = details(tieName(t));
    box.dataset.tie = t;
    box.dataset.actor = "";
    box.appendChild(el("p", tie.events.length + " event" + (tie.events.length === 1 ? "" : "s") + " · " + tie.kinds.join(", "), "note"));
    box.appendChild(eventList(tie.events));
  }

  // ---------------------------------------------------------------- diagram interaction
  function activate(element, action) {
    element.setAttribute("tabindex", "0");
    element.setAttribute("role", "button");
    element.addEventListener("click", function (ev) { ev.preventDefault(); action(); });
    element.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); action(); }
    });
  }
  nodeEl.forEach(function (e, a) {
    if (!e) return;
    e.setAttribute("aria-label", actors[a].name);
    activate(e, function () { showActor(a); });
  });
  tieEl.forEach(function (e, t) {
    if (!e) return;
    e.setAttribute("aria-label", tieName(t) + ", " + ties[t].events.length + " events");
    activate(e, function () { showTie(t); });
  });
  // Graphviz's tooltips wrap shapes in links; they go nowhere.
  svg.querySelectorAll("a").forEach(function (a) {
    a.removeAttribute("href");
    a.removeAttributeNS("http://www.w3.org/1999/xlink", "href");
  });

  // ---------------------------------------------------------------- pan and zoom
  var base = svg.viewBox.baseVal;
  var home = { x: base.x, y: base.y, w: base.width, h: base.height };
  var view = { x: home.x, y: home.y, w: home.w, h: home.h };
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  function setView() { svg.setAttribute("viewBox", view.x + " " + view.y + " " + view.w + " " + view.h); }
  function zoom(factor, cx, cy) {
    var nw = Math.min(Math.max(view.w * factor, home.w / 40), home.w * 4);
    var f = nw / view.w;
    if (cx === undefined) { cx = view.x + view.w / 2; cy = view.y + view.h / 2; }
    view.x = cx - (cx - view.x) * f;
    view.y = cy - (cy - view.y) * f;
    view.w *= f;
    view.h *= f;
    setView();
  }
  function reset() { view = { x: home.x, y: home.y, w: home.w, h: home.h }; setView(); }
  function toSvg(ev) {
    var r = svg.getBoundingClientRect();
    var scale = Math.max(view.w / r.width, view.h / r.height);
    var ox = (r.width * scale - view.w) / 2, oy = (r.height * scale - view.h) / 2;
    return { x: view.x - ox + (ev.clientX - r.left) * scale, y: view.y - oy + (ev.clientY - r.top) * scale, scale: scale };
  }
  /// Zooms to show `elements` whole (with a margin), no closer than a quarter of the drawing's
  /// width. Their screen boxes are mapped back to the drawing's coordinates.
  function focusOn(elements) {
    var inverse = svg.getScreenCTM().inverse(), box = null;
    elements.forEach(function (e) {
      if (!e) return;
      var r = e.getBoundingClientRect();
      [[r.left, r.top], [r.right, r.bottom]].forEach(function (c) {
        var p = svg.createSVGPoint();
        p.x = c[0];
        p.y = c[1];
        p = p.matrixTransform(inverse);
        box = box ? { x0: Math.min(box.x0, p.x), y0: Math.min(box.y0, p.y), x1: Math.max(box.x1, p.x), y1: Math.max(box.y1, p.y) }
                  : { x0: p.x, y0: p.y, x1: p.x, y1: p.y };
      });
    });
    if (!box) return;
    var r = svg.getBoundingClientRect();
    var aspect = r.height / r.width;
    var w = Math.min(home.w, Math.max((box.x1 - box.x0) * 1.3, (box.y1 - box.y0) * 1.3 / aspect, home.w / 4));
    var h = w * aspect;
    view = { x: (box.x0 + box.x1) / 2 - w / 2, y: (box.y0 + box.y1) / 2 - h / 2, w: w, h: h };
    setView();
  }
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var p = toSvg(ev);
    zoom(ev.deltaY > 0 ? 1.15 : 1 / 1.15, p.x, p.y);
  }, { passive: false });
  var drag = null;
  svg.addEventListener("pointerdown", function (ev) {
    if (ev.button !== 0) return;
    drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, scale: toSvg(ev).scale, moved: false };
  });
  window.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    if (!drag.moved) return;
    view.x = drag.vx - dx * drag.scale;
    view.y = drag.vy - dy * drag.scale;
    setView();
  });
  window.addEventListener("pointerup", function () { drag = null; });
  $("diagram").addEventListener("keydown", function (ev) {
    if (ev.target !== $("diagram")) return;
    var step = view.w / 10, handled = true;
    if (ev.key === "+" || ev.key === "=") zoom(1 / 1.25);
    else if (ev.key === "-") zoom(1.25);
    else if (ev.key === "0") reset();
    else if (ev.key === "ArrowLeft") { view.x -= step; setView(); }
    else if (ev.key === "ArrowRight") { view.x += step; setView(); }
    else if (ev.key === "ArrowUp") { view.y -= step; setView(); }
    else if (ev.key === "ArrowDown") { view.y += step; setView(); }
    else handled = false;
    if (handled) ev.preventDefault();
  });
  $("zoom").addEventListener("click", function (ev) {
    var z = ev.target.dataset && ev.target.dataset.zoom;
    if (z === "in") zoom(1 / 1.25); else if (z === "out") zoom(1.25); else if (z === "reset") reset();
  });

  // ---------------------------------------------------------------- search
  var names = $("actor-names");
  actors.forEach(function (a) {
    [a.name].concat(a.aliases).forEach(function (n) { names.appendChild(el("option", n)).value = n; });
  });
  /// The actor a query names: an exact name, else an exact alias, else the first name or alias
  /// containing it (case-insensitive).
  function find(query) {
    var q = query.trim().toLowerCase();
    if (!q) return -1;
    var i, a;
    for (i = 0; i < actors.length; i++) if (actors[i].name.toLowerCase() === q) return i;
    for (i = 0; i < actors.length; i++) {
      for (a = 0; a < actors[i].aliases.length; a++) if (actors[i].aliases[a].toLowerCase() === q) return i;
    }
    for (i = 0; i < actors.length; i++) {
      if ([actors[i].name].concat(actors[i].aliases).some(function (n) { return n.toLowerCase().indexOf(q) >= 0; })) return i;
    }
    return -1;
  }
  $("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var a = find($("search").value);
    if (a < 0) { $("search-result").textContent = "No actor matches."; return; }
    $("search-result").textContent = "Found: " + actors[a].name;
    showActor(a);
    if (nodeEl[a]) { focusOn([nodeEl[a]]); nodeEl[a].focus(); }
  });

  // ---------------------------------------------------------------- shortest path
  var order = actors.map(function (a, i) { return i; }).filter(function (i) { return tiesOf[i].length; });
  order.sort(function (a, b) { return actors[a].name.localeCompare(actors[b].name); });
  [$("path-from"), $("path-to")].forEach(function (select) {
    order.forEach(function (i) { select.appendChild(el("option", actors[i].name)).value = i; });
  });
  if (order.length > 1) $("path-to").value = order[1];
  /// Fewest hops from a to b over the ties the filter shows (breadth-first search), as a list of
  /// ties; null when there is none.
  function shortestPath(a, b) {
    var via = new Int32Array(actors.length).fill(-2);
    via[a] = -1;
    var queue = [a];
    for (var head = 0; head < queue.length && via[b] === -2; head++) {
      var u = queue[head];
      tiesOf[u].forEach(function (t) {
        if (!tieOn[t]) return;
        var v = ties[t].source === u ? ties[t].target : ties[t].source;
        if (via[v] === -2) { via[v] = t; queue.push(v); }
      });
    }
    if (via[b] === -2) return null;
    var path = [];
    for (var x = b; x !== a;) {
      var t = via[x];
      path.unshift(t);
      x = ties[t].source === x ? ties[t].target : ties[t].source;
    }
    return path;
  }
  $("path-go").addEventListener("click", function () {
    var a = +$("path-from").value, b = +$("path-to").value;
    var path = a === b ? [] : shortestPath(a, b);
    var box = details("Path: " + actors[a].name + " → " + actors[b].name);
    box.dataset.tie = "";
    box.dataset.actor = "";
    if (!path) {
      clearHighlight();
      box.appendChild(el("p", "No path between them among the ties the filter shows.", "note"));
      return;
    }
    var onPath = [a];
    var x = a;
    path.forEach(function (t) { x = ties[t].source === x ? ties[t].target : ties[t].source; onPath.push(x); });
    highlight(onPath, path);
    focusOn(onPath.map(function (i) { return nodeEl[i]; }));
    box.appendChild(el("p", path.length + " step" + (path.length === 1 ? "" : "s") + ": " +
      onPath.map(function (i) { return actors[i].name; }).join(" → "), "note"));
    path.forEach(function (t) {
      box.appendChild(el("h3", tieName(t)));
      box.appendChild(eventList(ties[t].events.filter(function (k) { return eventOn[k]; })));
    });
  });

  // ---------------------------------------------------------------- brokerages
  var eventIndex = new Map();
  events.forEach(function (e, k) { eventIndex.set(e.id, k); });
  var findings = (data.brokerages && data.brokerages.brokerages) || [];
  var brokerList = $("broker-list");
  if (!findings.length) brokerList.appendChild(el("li", "None asserted.", "note"));
  function actorName(id) { return actorIndex.has(id) ? actors[actorIndex.get(id)].name : id; }
  findings.forEach(function (f, n) {
    var li = el("li");
    var b = button(actorName(f.broker) + ": " + actorName(f.between[0]) + " – " + actorName(f.between[1]), function () { showBrokerage(n); });
    b.dataset.finding = n;
    li.appendChild(b);
    li.appendChild(el("span", " " + f.date + " · " + f.basis + (f.role ? " · " + f.role : ""), "note"));
    brokerList.appendChild(li);
  });
  /// Highlights the broker, the two sides, and the ties among them that hold the evidence events;
  /// lists those events.
  function showBrokerage(n) {
    var f = findings[n];
    var ids = [f.broker].concat(f.between);
    var who = ids.filter(function (id) { return actorIndex.has(id); }).map(function (id) { return actorIndex.get(id); });
    var whoSet = new Set(who);
    var evs = f.events.filter(function (id) { return eventIndex.has(id); }).map(function (id) { return eventIndex.get(id); });
    var evSet = new Set(evs);
    var tieList = [];
    ties.forEach(function (t, i) {
      if (whoSet.has(t.source) && whoSet.has(t.target) && t.events.some(function (k) { return evSet.has(k); })) tieList.push(i);
    });
    highlight(who, tieList);
    focusOn(who.map(function (i) { return nodeEl[i]; }));
    if (nodeEl[actorIndex.get(f.broker)]) nodeEl[actorIndex.get(f.broker)].classList.add("selected");
    var box = details("Brokerage: " + actorName(f.broker));
    box.dataset.tie = "";
    box.dataset.actor = "";
    box.dataset.finding = n;
    box.appendChild(el("p", actorName(f.broker) + " brokered " + actorName(f.between[0]) + " – " + actorName(f.between[1]) +
      " (" + f.basis + (f.role ? ", " + f.role : "") + ", " + f.date + ")", "note"));
    box.appendChild(eventList(evs));
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Escape") return;
    clearHighlight();
    details("Details").appendChild(el("p", "Choose an actor, a tie, a brokerage or a path. Escape clears.", "note"));
  });

  applyFilter();
  document.body.dataset.ready = "true";
})();
