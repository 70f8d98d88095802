// The claimgraph explorer: reads the model from the page (see package
// graph/explore) and draws the neighbourhood of a claim as SVG with a
// force layout of its own. No library, no network.
(function () {
  "use strict";
  var M = JSON.parse(document.getElementById("model").textContent);
  var NC = M.claims.length;
  var NR = M.rels.length;
  // A relation is [from, to, kind, {more}]; rel(ri) makes an object of it
  // when the panel needs one.
  function rel(ri) {
    var R = M.rels[ri], o = {}, x = R[3] || {};
    for (var k in x) o[k] = x[k];
    o.a = R[0]; o.b = R[1]; o.k = R[2];
    return o;
  }
  function other(ri, c) { var R = M.rels[ri]; return R[0] === c ? R[1] : R[0]; }
  var MAXNODES = 160; // claims laid out at once; the rest stay one expansion away
  var WHOLE = 250;    // up to this many related claims, the whole graph is drawn at first
  var COLOURS = {
    accepted: ["#b7e4c7", "#2d6a4f"], rejected: ["#f4b6b6", "#9d0208"], undecided: ["#ffe8a3", "#b08900"],
    "not-holding": ["#d9d9d9", "#777"], "not-yet-holding": ["#d6e4f0", "#6b8aa6"], unknown: ["#ffffff", "#999"]
  };
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function sv(tag, attrs) {
    var e = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; }); }

  // ---- indices: relations per claim; search text is built on first use.
  // The relations of each claim, as one list in two typed arrays: those of
  // claim c are relsOf[at[c] .. at[c+1]).
  var at0 = new Int32Array(NC + 1), relsOf = new Int32Array(2 * NR);
  for (var ri = 0; ri < NR; ri++) { at0[M.rels[ri][0] + 1]++; at0[M.rels[ri][1] + 1]++; }
  for (var i = 0; i < NC; i++) at0[i + 1] += at0[i];
  var fill = at0.slice(0, NC);
  for (ri = 0; ri < NR; ri++) { relsOf[fill[M.rels[ri][0]]++] = ri; relsOf[fill[M.rels[ri][1]]++] = ri; }
  function eachRel(c, f) { for (var k = at0[c]; k < at0[c + 1]; k++) f(relsOf[k]); }
  function degree(c) { return at0[c + 1] - at0[c]; }
  var related = 0; // claims in some relation
  for (i = 0; i < NC; i++) if (degree(i)) related++;
  var hay = null, bySource = null, byEntity = null, bySpeaker = null;
  function buildHay() {
    if (hay) return;
    hay = new Array(NC);
    for (var i = 0; i < NC; i++) hay[i] = (M.claims[i].id + " " + M.claims[i].text).toLowerCase();
  }
  function buildReverse() {
    if (bySource) return;
    bySource = {}; byEntity = {}; bySpeaker = {};
    function add(m, k, c) { var l = m[k] || (m[k] = []); if (l[l.length - 1] !== c) l.push(c); }
    M.claims.forEach(function (c, ci) {
      (c.about || []).forEach(function (e) { add(byEntity, e, ci); });
      (c.apps || []).forEach(function (a) { add(bySource, a.s, ci); if (a.by >= 0) add(bySpeaker, a.by, ci); });
    });
  }
  // Entities are looked up by ID and by lower-case name; an entity's ID
  // wins over another's name. The tables have no prototype, so that
  // "constructor" finds only an item of that ID.
  var entityIdx = Object.create(null), sourceIdx = Object.create(null), claimIdx = Object.create(null);
  M.entities.forEach(function (e, i) { entityIdx[e.name.toLowerCase()] = i; });
  M.entities.forEach(function (e, i) { entityIdx[e.id] = i; });
  M.sources.forEach(function (s, i) { sourceIdx[s.id] = i; });
  M.claims.forEach(function (c, i) { claimIdx[c.id] = i; });

  // ---- time and verdicts.
  var S = { date: "", focus: -1, sel: null, depth: 1, expanded: {}, showSrc: false, showEnt: false };
  var labels = new Int8Array(NC), stateMaps = [];
  function stateOfDate(d) { // index into M.states, or -1 when not computed; 0 for all time
    if (d === "") return 0;
    var lo = 0, hi = M.dates.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (M.dates[mid] <= d) lo = mid + 1; else hi = mid; }
    return lo < M.from ? -1 : 1 + lo - M.from;
  }
  function computeLabels() {
    var s = stateOfDate(S.date);
    if (s < 0) { labels.fill(-1); return; }
    // A verdict is [claim, label, rating, value, strength, reasons, since, more, evidence, lent, capped].
    M.states[0].forEach(function (v) { labels[v[0]] = v[1]; });
    for (var k = 1; k <= s; k++) M.states[k].forEach(function (v) { labels[v[0]] = v[1]; });
  }
  function verdictOf(c) {
    var s = stateOfDate(S.date);
    if (s < 0) return null;
    for (var k = s; k >= 1; k--) {
      if (!stateMaps[k]) { var m = stateMaps[k] = new Map(); M.states[k].forEach(function (v) { m.set(v[0], v); }); }
      if (stateMaps[k].has(c)) return stateMaps[k].get(c);
    }
    return M.states[0][c];
  }
  function holds(x) { return S.date === "" || ((!x.lo || x.lo <= S.date) && (!x.hi || S.date < x.hi)); }
  function labelName(c) { var l = labels[c]; return l < 0 ? "unknown" : M.labels[l]; }

  // ---- graph of the view: which nodes, then layout.
  var pos = {}; // node key -> {x, y}, kept across redraws
  var view = { nodes: [], edges: [] };
  function neighbourhood() {
    var keep = new Map(), order = [];
    function add(c, d) { if (!keep.has(c) && order.length < MAXNODES) { keep.set(c, d); order.push(c); } }
    if (S.focus < 0) {
      if (related > WHOLE) return null;
      for (var i = 0; i < NC; i++) if (degree(i)) add(i, 0);
      return order;
    }
    add(S.focus, 0);
    for (var q = 0; q < order.length; q++) {
      var c = order[q], d = keep.get(c);
      if (d >= S.depth && !S.expanded[c]) continue;
      eachRel(c, function (ri) { add(other(ri, c), d + 1); });
    }
    Object.keys(S.expanded).forEach(function (c) { c = +c; if (keep.has(c)) eachRel(c, function (ri) { add(other(ri, c), keep.get(c) + 1); }); });
    return order;
  }
  function buildView() {
    var order = neighbourhood();
    var nodes = [], edges = [], at = {};
    if (!order) { view = { nodes: nodes, edges: edges, tooBig: true }; return; }
    order.forEach(function (c) { at["c" + c] = nodes.length; nodes.push({ key: "c" + c, kind: "claim", i: c, label: M.claims[c].id }); });
    var seenRel = {};
    order.forEach(function (c) { // the relations among the drawn claims, from their own lists: O(drawn degree)
      eachRel(c, function (ri) {
        var R = M.rels[ri], r = { a: R[0], b: R[1], k: R[2] };
        if (seenRel[ri] || at["c" + r.a] === undefined || at["c" + r.b] === undefined) return;
        seenRel[ri] = 1;
        edges.push({ a: at["c" + r.a], b: at["c" + r.b], kind: r.k ? "contradicts" : "supports", rel: ri });
      });
    });
    function other(key, kind, i, label) {
      if (at[key] === undefined) { at[key] = nodes.length; nodes.push({ key: key, kind: kind, i: i, label: label }); }
      return at[key];
    }
    if (S.showSrc) {
      order.forEach(function (c) {
        var seen = {};
        (M.claims[c].apps || []).forEach(function (a) {
          if (seen[a.s]) return; seen[a.s] = 1;
          edges.push({ a: at["c" + c], b: other("s" + a.s, "source", a.s, M.sources[a.s].id), kind: "appears" });
        });
      });
      nodes.forEach(function (n) {
        if (n.kind !== "source") return;
        (M.sources[n.i].from || []).forEach(function (f) {
          if (at["s" + f[0]] !== undefined) edges.push({ a: at["s" + n.i], b: at["s" + f[0]], kind: "derives" });
        });
      });
    }
    if (S.showEnt) {
      order.forEach(function (c) {
        (M.claims[c].about || []).forEach(function (e) {
          if (e >= 0) edges.push({ a: at["c" + c], b: other("e" + e, "entity", e, M.entities[e].name), kind: "about" });
        });
      });
    }
    view = { nodes: nodes, edges: edges };
    layout(view);
  }
  function nodeWidth(n) { return Math.min(260, 14 + 6.7 * n.label.length); }
  // layout places the nodes of v: each connected part by a force layout
  // of its own, then the parts packed in rows, biggest first. Nodes placed
  // before (pos) stay put, so that an expansion only adds around them.
  function layout(v) {
    var ns = v.nodes, es = v.edges, n = ns.length;
    if (!n) return;
    var nbr = ns.map(function () { return []; });
    es.forEach(function (e) { nbr[e.a].push(e.b); nbr[e.b].push(e.a); });
    var part = new Int32Array(n).fill(-1), parts = [];
    for (var i = 0; i < n; i++) {
      if (part[i] >= 0) continue;
      var members = [i]; part[i] = parts.length;
      for (var q = 0; q < members.length; q++) nbr[members[q]].forEach(function (j) { if (part[j] < 0) { part[j] = parts.length; members.push(j); } });
      parts.push(members);
    }
    var fresh = [];
    parts.forEach(function (members) {
      if (forceLayout(ns, es, members, part)) fresh.push(members);
    });
    pack(ns, fresh);
    ns.forEach(function (nd) { pos[nd.key] = { x: nd.x, y: nd.y }; });
  }
  // forceLayout lays out the nodes members of ns; it reports whether none
  // of them was placed before (the part is new and still to be packed).
  function forceLayout(ns, es, members, part) {
    var n = members.length, placed = 0, at = {};
    members.forEach(function (k, m) {
      var nd = ns[k], p = pos[nd.key];
      at[k] = m;
      if (p) { nd.x = p.x; nd.y = p.y; placed++; return; }
      var ang = m * 2.399963, rad = 40 + 45 * Math.sqrt(m); // a deterministic spiral
      nd.x = Math.cos(ang) * rad * 1.6; nd.y = Math.sin(ang) * rad;
    });
    if (placed === n) return false;
    var mine = es.filter(function (e) { return part[e.a] === part[members[0]]; });
    if (placed) mine.forEach(function (e) { // start new nodes next to a placed neighbour
      var A = ns[e.a], B = ns[e.b];
      if (pos[A.key] && !pos[B.key]) { B.x = A.x + (B.x % 90); B.y = A.y + 90; }
      else if (pos[B.key] && !pos[A.key]) { A.x = B.x + (A.x % 90); A.y = B.y - 90; }
    });
    var iters = n > 120 ? 150 : 300, L = 120;
    var fx = new Float64Array(n), fy = new Float64Array(n), w = members.map(function (k) { return nodeWidth(ns[k]); });
    for (var it = 0; it < iters; it++) {
      var t = 30 * (1 - it / iters) + 0.5;
      fx.fill(0); fy.fill(0);
      for (var i = 0; i < n; i++) for (var j = i + 1; j < n; j++) {
        var a = ns[members[i]], b = ns[members[j]], dx = a.x - b.x, dy = a.y - b.y;
        var sx = dx / ((w[i] + w[j]) / 200 + 0.4); // boxes are wide: they repel more sideways
        var d2 = sx * sx + dy * dy + 0.01;
        if (d2 > 250000) continue;
        var f = (L * L) / d2 / 30;
        fx[i] += dx * f; fy[i] += dy * f; fx[j] -= dx * f; fy[j] -= dy * f;
      }
      mine.forEach(function (e) {
        var i = at[e.a], j = at[e.b], A = ns[e.a], B = ns[e.b], dx = B.x - A.x, dy = B.y - A.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01;
        var want = (w[i] + w[j]) / 4 + (e.kind === "appears" || e.kind === "about" ? 40 : 70), f = (d - want) / d * 0.2;
        fx[i] += dx * f; fy[i] += dy * f; fx[j] -= dx * f; fy[j] -= dy * f;
      });
      for (i = 0; i < n; i++) {
        var nd = ns[members[i]];
        fx[i] -= nd.x * 0.02; fy[i] -= nd.y * 0.03; // gravity, a little flatter than high
        var m = Math.sqrt(fx[i] * fx[i] + fy[i] * fy[i]);
        if (m > t) { fx[i] *= t / m; fy[i] *= t / m; }
        if (pos[nd.key]) continue; // placed nodes stay put
        nd.x += fx[i]; nd.y += fy[i];
      }
    }
    return placed === 0;
  }
  // pack puts new parts in rows under what is drawn already, biggest first.
  function pack(ns, parts) {
    if (!parts.length) return;
    var boxes = parts.map(function (members) {
      var b = { members: members, x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity };
      members.forEach(function (k) { var nd = ns[k], hw = nodeWidth(nd) / 2; b.x0 = Math.min(b.x0, nd.x - hw); b.x1 = Math.max(b.x1, nd.x + hw); b.y0 = Math.min(b.y0, nd.y - 16); b.y1 = Math.max(b.y1, nd.y + 16); });
      b.w = b.x1 - b.x0 + 30; b.h = b.y1 - b.y0 + 30;
      return b;
    });
    boxes.sort(function (a, b) { return b.w * b.h - a.w * a.h || a.members[0] - b.members[0]; });
    var area = 0, widest = 0;
    boxes.forEach(function (b) { area += b.w * b.h; widest = Math.max(widest, b.w); });
    var svg = $("svg"), aspect = (svg.clientWidth || 800) / (svg.clientHeight || 600);
    var rowW = Math.max(widest, Math.sqrt(area * aspect)), x = 0, y = 0, rowH = 0, top = 0;
    ns.forEach(function (nd) { if (pos[nd.key]) top = Math.max(top, nd.y + 60); });
    y = top;
    boxes.forEach(function (b) {
      if (x > 0 && x + b.w > rowW) { x = 0; y += rowH; rowH = 0; }
      var dx = x - b.x0, dy = y - b.y0;
      b.members.forEach(function (k) { ns[k].x += dx; ns[k].y += dy; });
      x += b.w; rowH = Math.max(rowH, b.h);
    });
  }

  // ---- drawing.
  var vp = { x: 0, y: 0, k: 1 };
  function applyViewport() { $("viewport").setAttribute("transform", "translate(" + vp.x + "," + vp.y + ") scale(" + vp.k + ")"); }
  function fit() {
    var ns = view.nodes, svg = $("svg"), W = svg.clientWidth || 800, H = svg.clientHeight || 600;
    if (!ns.length) { vp = { x: W / 2, y: H / 2, k: 1 }; applyViewport(); return; }
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    ns.forEach(function (n) { var hw = nodeWidth(n) / 2; x0 = Math.min(x0, n.x - hw); x1 = Math.max(x1, n.x + hw); y0 = Math.min(y0, n.y - 20); y1 = Math.max(y1, n.y + 20); });
    var k = Math.min(1.4, Math.min(W / (x1 - x0 + 40), H / (y1 - y0 + 40)));
    vp = { k: k, x: W / 2 - k * (x0 + x1) / 2, y: H / 2 - k * (y0 + y1) / 2 };
    applyViewport();
  }
  function draw() {
    var E = $("edges"), N = $("nodes");
    E.textContent = ""; N.textContent = "";
    $("message").textContent = view.tooBig
      ? NC.toLocaleString() + " claims: too many to draw at once. Search for a claim and click it to see its neighbourhood."
      : (view.nodes.length ? "" : "No claim in relation to draw. Search for a claim to see it.");
    view.edges.forEach(function (e) {
      var A = view.nodes[e.a], B = view.nodes[e.b];
      var x2 = B.x, y2 = B.y;
      if (e.kind === "supports" || e.kind === "derives") { // stop the arrow at the box
        var dx = B.x - A.x, dy = B.y - A.y, hw = nodeWidth(B) / 2 + 2, hh = 14;
        var s = Math.min(Math.abs(dx) > 0 ? hw / Math.abs(dx) : Infinity, Math.abs(dy) > 0 ? hh / Math.abs(dy) : Infinity);
        if (s < 1) { x2 = B.x - dx * s; y2 = B.y - dy * s; }
      }
      var attrs = { x1: A.x, y1: A.y, x2: x2, y2: y2, class: "edge " + e.kind };
      if (e.kind === "supports") { attrs.stroke = "#2d6a4f"; attrs["stroke-width"] = 1.8; attrs["marker-end"] = "url(#arrow)"; }
      else if (e.kind === "contradicts") { attrs.stroke = "#c1121f"; attrs["stroke-width"] = 1.8; attrs["stroke-dasharray"] = "6 4"; }
      else if (e.kind === "derives") { attrs.stroke = "#888"; attrs["marker-end"] = "url(#arrowgrey)"; }
      else { attrs.stroke = "#aaa"; attrs["stroke-dasharray"] = e.kind === "about" ? "2 3" : ""; }
      if (e.rel !== undefined && !(holds(M.rels[e.rel][3] || {}) && holds(M.claims[A.i]) && holds(M.claims[B.i]))) attrs.class += " off";
      var line = sv("line", attrs);
      if (e.rel !== undefined) { var t = sv("title", {}); t.textContent = M.claims[M.rels[e.rel][0]].id + " " + e.kind + " " + M.claims[M.rels[e.rel][1]].id; line.appendChild(t); }
      E.appendChild(line);
    });
    view.nodes.forEach(function (n) {
      var g = sv("g", { class: "node " + n.kind, transform: "translate(" + n.x + "," + n.y + ")" }), w = nodeWidth(n), shape;
      var title = sv("title", {});
      if (n.kind === "claim") {
        var ln = labelName(n.i), col = COLOURS[ln], c = M.claims[n.i];
        g.setAttribute("data-id", c.id); g.setAttribute("data-label", ln); g.setAttribute("data-claim", n.i);
        if (!holds(c)) g.classList.add("off");
        if (n.i === S.focus) g.classList.add("focus");
        if (S.sel && S.sel.kind === "claim" && S.sel.i === n.i) g.classList.add("sel");
        shape = sv("rect", { x: -w / 2, y: -13, width: w, height: 26, rx: 8, fill: col[0], stroke: col[1] });
        title.textContent = c.id + "\n" + c.text + "\n" + ln;
      } else {
        var isSrc = n.kind === "source";
        g.setAttribute(isSrc ? "data-source" : "data-entity", n.i);
        shape = sv("ellipse", { rx: w / 2, ry: 13, fill: isSrc ? "#eef1f7" : "#f3eaf7", stroke: isSrc ? "#5b6b8c" : "#7b4f94" });
        title.textContent = n.kind + " " + n.label;
      }
      var text = sv("text", { "text-anchor": "middle", y: 4 });
      text.textContent = n.label.length > 38 ? n.label.slice(0, 37) + "…" : n.label;
      var under = shape.cloneNode(); // hides the edges behind a faded node
      under.setAttribute("fill", "#fff"); under.setAttribute("stroke", "none"); under.setAttribute("class", "under");
      g.appendChild(under); g.appendChild(shape); g.appendChild(text); g.appendChild(title);
      N.appendChild(g);
    });
  }
  function legend() {
    var s = stateOfDate(S.date), h = '<div class="date">' + (S.date ? "colours as of " + esc(S.date) : "colours for all time") + "</div>";
    if (s < 0) h += '<div class="muted">verdicts not computed for this date</div>';
    ["accepted", "rejected", "undecided", "not-holding", "not-yet-holding"].forEach(function (l) {
      h += '<div class="row"><span class="sw" style="background:' + COLOURS[l][0] + ";border-color:" + COLOURS[l][1] + '"></span>' + l + "</div>";
    });
    h += '<div class="row"><span class="ln" style="border-color:#2d6a4f"></span>supports &rarr;</div>';
    h += '<div class="row"><span class="ln" style="border-color:#c1121f;border-top-style:dashed"></span>contradicts</div>';
    if (S.showSrc) h += '<div class="row"><span class="sw" style="background:#eef1f7;border-radius:6px"></span>source (grey arrow: draws on)</div>';
    if (S.showEnt) h += '<div class="row"><span class="sw" style="background:#f3eaf7;border-radius:6px"></span>entity (dotted: about)</div>';
    h += '<div class="muted">faded: not holding at the date</div>';
    $("legend").innerHTML = h;
  }
  function redraw(relayout) {
    if (relayout) buildView();
    draw(); legend();
    if (relayout) fit();
  }

  // ---- side panel.
  function claimLink(c) { return '<a data-claim="' + c + '">' + esc(M.claims[c].id) + "</a>"; }
  function sourceLink(s) { return s < 0 ? "?" : '<a data-source="' + s + '" title="' + esc(M.sources[s].title || "") + '">' + esc(M.sources[s].id) + "</a>"; }
  function entityLink(e) { return e < 0 ? "?" : '<a data-entity="' + e + '">' + esc(M.entities[e].name || M.entities[e].id) + "</a>"; }
  function chip(c) { var l = labelName(c), col = COLOURS[l]; return '<span class="chip" style="background:' + col[0] + ";border-color:" + col[1] + '">' + l + "</span>"; }
  function relItem(r, other) {
    var h = "<li>" + claimLink(other) + " " + chip(other);
    if (r.src && r.src.length) h += ' <span class="muted">[' + r.src.map(sourceLink).join(", ") + "]</span>";
    if (r.valid) h += ' <span class="muted">(' + esc(r.valid) + ")</span>";
    if (!holds(r)) h += ' <span class="muted">not holding then</span>';
    if (r.apart) h += ' <span class="muted">' + esc(r.apart) + "</span>";
    if (r.note) h += '<div class="muted">' + esc(r.note) + "</div>";
    return h + "</li>";
  }
  function originsOf(c) { // the sources of a claim's own independent origins, in order
    var C = M.claims[c], seen = {}, out = [];
    if (C.orig) return C.orig.map(function (o) { return o.s; });
    (C.apps || []).forEach(function (a) { if (!seen[a.s]) { seen[a.s] = 1; out.push(a.s); } }); // plain: each source its own origin
    return out;
  }
  function attackText(t, r) { // how claim r.c attacks claim t: a contradiction, or the support step and contradiction it stands on
    var k = M.attacks[r.a];
    if (r.via === undefined) return esc(k);
    var verb = M.reasons[r.k] === "defeated-by" ? "defeats" : "contradicts", x = claimLink(r.c), v = claimLink(r.via), me = claimLink(t);
    switch (k) {
      case "secondary": return "secondary attack: " + x + " " + verb + " " + v + ", on which " + me + " depends";
      case "mediated": return "mediated attack: " + x + " " + verb + " " + v + ", which " + me + " implies";
      case "supported": return "supported attack: " + x + " supports " + v + ", which " + verb + " " + me;
      case "extended": return "extended attack: " + x + " is supported by " + v + ", which " + verb + " " + me;
    }
    return esc(k) + " via " + v;
  }
  function evidenceText(v) { // the evidence of verdict v as the command line writes it (evidence.Text)
    var w = v[8] || 0;
    return v[10] ? "at least " + w + " (capped)" : String(w);
  }
  function lentText(v) { var n = v[9] || 0; return n + (n === 1 ? " origin" : " origins") + " lent by supporters"; }
  function evidenceOf(c) { // what a reason says of the evidence of claim c: its own origins, those lent, the weight
    var os = originsOf(c), v = verdictOf(c), parts = [];
    if (os.length) parts.push("origins " + os.map(sourceLink).join(", "));
    if (v && v[9]) parts.push(lentText(v));
    if (v) parts.push("evidence " + evidenceText(v));
    return parts.length ? ' <span class="muted">[' + parts.join("; ") + "]</span>" : "";
  }
  function reasonText(t, a) { // a reason of claim t's verdict is [kind, claim, attack, via, by], -1 for none
    var r = { k: a[0], c: a[1], a: a[2], via: a[3] >= 0 ? a[3] : undefined, by: a[4] >= 0 ? a[4] : undefined };
    var srcs = evidenceOf(r.c);
    var how = attackText(t, r);
    switch (M.reasons[r.k]) {
      case "defeated-by": return "defeated by " + claimLink(r.c) + " (" + how + ")" + srcs;
      case "attacker": return "attacked by " + claimLink(r.c) + " (" + how + ")" + srcs + (r.by !== undefined ? ", itself defeated by " + claimLink(r.by) + evidenceOf(r.by) : "");
      case "weaker": return "contradicted by " + claimLink(r.c) + ", with less evidence" + srcs;
    }
    return "left open by " + claimLink(r.c) + " (" + how + ")" + srcs;
  }
  function showClaim(c) {
    var C = M.claims[c], v = verdictOf(c), h = "<h2>" + esc(C.id) + "</h2><p>" + esc(C.text) + "</p>";
    h += '<p class="muted">' + (C.valid ? "holds " + esc(C.valid) : "no validity given: holds at every date") + (holds(C) ? "" : " &mdash; <b>not holding " + (S.date ? "on " + esc(S.date) : "") + "</b>") + "</p>";
    if (C.about && C.about.length) h += "<p>About: " + C.about.map(entityLink).join(", ") + "</p>";
    h += '<h3>Verdict <span class="muted">' + (S.date ? "as of " + esc(S.date) : "all time") + "</span></h3>";
    if (!v) h += '<p class="muted">Not computed for this date (see --max-dates).</p>';
    else {
      var why = v[5] || [], since = v[6] || "", more = v[7] || 0;
      h += '<p id="verdict">' + chip(c) + " " + esc(M.ratings[v[2]]) + (v[3] ? " (" + v[3] + "/5), strength " + v[4].toFixed(3) : "") +
        ", evidence " + evidenceText(v) + (v[9] ? " (" + lentText(v) + ")" : "") + (since ? ", since " + esc(since) : "") + "</p>";
      if (why.length) h += "<ul>" + why.map(function (r) { return "<li>" + reasonText(c, r) + "</li>"; }).join("") + (more ? "<li>and " + more + " more</li>" : "") + "</ul>";
    }
    if (C.rev) { // what the desk published; the verdict above is a suggestion
      var R = C.rev, link = /^https?:\/\//i.test(R.url || "");
      h += '<p id="published">Published: <b>' + esc(R.rating) + "</b>" + (R.by ? ", by " + esc(R.by) : "") + (R.date ? ", " + esc(R.date) : "") +
        (R.url ? ", " + (link ? '<a href="' + esc(R.url) + '" target="_blank" rel="noopener noreferrer">' + esc(R.url) + "</a>" : esc(R.url)) : "") + "</p>";
    }
    var con = [], sup = [], supd = [];
    eachRel(c, function (ri) {
      var r = rel(ri);
      if (r.k === 1) con.push(relItem(r, r.a === c ? r.b : r.a));
      else if (r.b === c) sup.push(relItem(r, r.a));
      else supd.push(relItem(r, r.b));
    });
    h += '<h3>Contradictions (' + con.length + ')</h3><ul id="contradictions">' + con.join("") + "</ul>";
    h += "<h3>Supported by (" + sup.length + ')</h3><ul id="supporters">' + sup.join("") + "</ul>";
    h += "<h3>Supports (" + supd.length + ')</h3><ul id="supports">' + supd.join("") + "</ul>";
    var apps = C.apps || [];
    h += "<h3>Appearances (" + apps.length + ')</h3><ol id="appearances">';
    apps.forEach(function (a) {
      var s = M.sources[a.s] || {};
      h += "<li>" + sourceLink(a.s) + (s.pub ? " &middot; " + esc(s.pub) : "") + " &middot; " + esc(a.date || s.date || "undated");
      if (a.by >= 0) h += " &middot; said by " + entityLink(a.by);
      if (a.via >= 0) h += " &middot; via " + sourceLink(a.via);
      if (a.quote) h += '<div class="quote">&ldquo;' + esc(a.quote) + "&rdquo;</div>";
      h += "</li>";
    });
    h += "</ol>";
    var orig = C.orig;
    if (!orig) { // plain: each source of the appearances is an origin of its own
      var bySrc = {};
      orig = [];
      apps.forEach(function (a, k) {
        if (bySrc[a.s] === undefined) { bySrc[a.s] = orig.length; orig.push({ s: a.s, cls: M.sources[a.s].p ? "primary" : "unresolved", a: [], at: [], st: [[a.s]] }); }
        var o = orig[bySrc[a.s]];
        o.a.push(k);
        o.at.push(0);
      });
    }
    h += "<h3>Independent origins (" + orig.length + ')</h3><ul id="origins">';
    orig.forEach(function (o) {
      h += "<li>" + sourceLink(o.s) + ' <span class="muted">' + esc(o.cls || M.classes[o.c]) + "</span><ul>";
      // The chains are a tree of steps ([source, next, link], [source]
      // at the origin): each link is written once, and a chain that
      // joins one already written stops there.
      var shown = [];
      o.a.forEach(function (app, i) {
        var k = o.at[i], st = o.st[k], t = "appearance " + (app + 1) + ": " + sourceLink(st[0]);
        while (st.length > 1 && !shown[k]) {
          shown[k] = true;
          t += " &mdash;" + esc(st[2]) + "&rarr; " + sourceLink(o.st[st[1]][0]);
          k = st[1];
          st = o.st[k];
        }
        if (st.length > 1) t += ' <span class="muted">&hellip; as above</span>';
        h += '<li class="chain">' + t + "</li>";
      });
      h += "</ul></li>";
    });
    h += "</ul>";
    h += '<p><button id="centre">centre the graph here</button></p>';
    $("panel").innerHTML = h;
    var b = $("centre");
    if (b) b.onclick = function () { focus(c); };
  }
  function listClaims(cs) {
    var h = "<ul>" + cs.slice(0, 200).map(function (c) { return "<li>" + claimLink(c) + " " + chip(c) + "</li>"; }).join("") + "</ul>";
    return cs.length > 200 ? h + '<p class="muted">and ' + (cs.length - 200) + " more</p>" : h;
  }
  function showSource(s) {
    buildReverse();
    var S_ = M.sources[s], h = "<h2>" + esc(S_.id) + '</h2><p class="muted">source &middot; ' + esc(S_.kind) + (S_.date ? " &middot; " + esc(S_.date) : "") + "</p>";
    if (S_.title) h += "<p>" + esc(S_.title) + "</p>";
    if (S_.pub) h += "<p>Publisher: " + esc(S_.pub) + "</p>";
    if (S_.url) h += '<p><a href="' + esc(S_.url) + '" target="_blank" rel="noopener noreferrer">' + esc(S_.url) + "</a></p>";
    if (S_.from) h += "<h3>Draws on</h3><ul>" + S_.from.map(function (f) { return "<li>" + esc(f[1]) + " " + sourceLink(f[0]) + "</li>"; }).join("") + "</ul>";
    var cs = bySource[s] || [];
    h += "<h3>Claims appearing in it (" + cs.length + ")</h3>" + listClaims(cs);
    $("panel").innerHTML = h;
  }
  function showEntity(e) {
    buildReverse();
    var E = M.entities[e], h = "<h2>" + esc(E.id) + "</h2><p>" + esc(E.name) + ' <span class="muted">' + esc(E.kind) + "</span></p>";
    var ab = byEntity[e] || [], sp = bySpeaker[e] || [];
    h += "<h3>Claims about it (" + ab.length + ")</h3>" + listClaims(ab);
    h += "<h3>Claims it made (" + sp.length + ")</h3>" + listClaims(sp);
    $("panel").innerHTML = h;
  }
  function showSel() {
    if (!S.sel) return;
    if (S.sel.kind === "claim") showClaim(S.sel.i);
    else if (S.sel.kind === "source") showSource(S.sel.i);
    else showEntity(S.sel.i);
  }
  function select(kind, i) {
    S.sel = { kind: kind, i: i };
    showSel(); saveHash();
    // Mark the selection without drawing anew: a redraw between the two
    // clicks of a double-click would lose it.
    var ns = $("nodes").children;
    for (var k = 0; k < ns.length; k++) {
      var n = ns[k], attr = kind === "claim" ? "data-claim" : kind === "source" ? "data-source" : "data-entity";
      n.classList.toggle("sel", n.getAttribute(attr) === String(i));
    }
    var items = $("results").children;
    for (var k = 0; k < items.length; k++) items[k].classList.toggle("sel", kind === "claim" && +items[k].getAttribute("data-claim") === i);
  }
  function focus(c) {
    S.focus = c; S.expanded = {}; pos = {};
    select("claim", c);
    redraw(true);
  }

  // ---- search and filters.
  function resolve(input, idx) {
    var v = input.value.trim();
    if (!v) return undefined;
    var i = idx[v]; if (i === undefined) i = idx[v.toLowerCase()];
    return i === undefined ? -2 : i; // -2: matches nothing
  }
  function search() {
    buildHay();
    var q = $("q").value.trim().toLowerCase(), words = q ? q.split(/\s+/) : [];
    var fe = resolve($("fent"), entityIdx), fs = resolve($("fspk"), entityIdx), fo = resolve($("fsrc"), sourceIdx), fv = $("fver").value;
    var filtered = fe !== undefined || fs !== undefined || fo !== undefined || fv !== "";
    var out = [], total = 0;
    if (words.length || filtered) {
      var fvl = fv === "" ? -1 : M.labels.indexOf(fv);
      outer: for (var i = 0; i < NC; i++) {
        for (var w = 0; w < words.length; w++) if (hay[i].indexOf(words[w]) < 0) continue outer;
        if (fvl >= 0 && labels[i] !== fvl) continue;
        var c = M.claims[i];
        if (fe !== undefined && (!c.about || c.about.indexOf(fe) < 0)) continue;
        if (fs !== undefined || fo !== undefined) {
          var ok = false;
          for (var k = 0; c.apps && k < c.apps.length; k++) {
            var a = c.apps[k];
            if ((fs === undefined || a.by === fs) && (fo === undefined || a.s === fo)) { ok = true; break; }
          }
          if (!ok) continue;
        }
        total++;
        if (out.length < 200) out.push(i);
      }
    }
    var ol = $("results"); ol.textContent = "";
    ol.setAttribute("data-query", q); // what is listed, for tests
    ol.setAttribute("data-filters", [$("fent").value, $("fspk").value, $("fsrc").value, fv].join("|"));
    out.forEach(function (i) {
      var li = el("li", { "data-claim": i });
      var id = el("span", { class: "id" }, M.claims[i].id);
      li.innerHTML = chip(i) + " ";
      li.appendChild(id);
      li.appendChild(el("span", { class: "text" }, M.claims[i].text));
      if (S.sel && S.sel.kind === "claim" && S.sel.i === i) li.classList.add("sel");
      ol.appendChild(li);
    });
    $("nres").textContent = words.length || filtered ? total.toLocaleString() + " claim" + (total === 1 ? "" : "s") + (total > out.length ? ", first " + out.length + " shown" : "") : "";
  }
  var searchTimer = 0;
  function searchSoon() { clearTimeout(searchTimer); searchTimer = setTimeout(search, NC > 20000 ? 150 : 30); }

  // ---- date control.
  function setDate(d) {
    S.date = d || "";
    $("date").value = S.date;
    computeLabels();
    var k = M.dates.indexOf(S.date);
    $("datenote").textContent = !S.date ? M.dates.length + " dates of change" :
      (k >= 0 ? "change " + (k + 1) + " of " + M.dates.length : "");
    redraw(false); showSel(); saveHash();
    if ($("fver").value || $("results").children.length) search();
  }
  function step(dir) {
    var d = S.date, ds = M.dates;
    if (!ds.length) return;
    if (dir > 0) {
      if (!d) return setDate(ds[0]);
      for (var i = 0; i < ds.length; i++) if (ds[i] > d) return setDate(ds[i]);
    } else {
      if (!d) return;
      for (i = ds.length - 1; i >= 0; i--) if (ds[i] < d) return setDate(ds[i]);
      setDate("");
    }
  }

  // ---- the address keeps the state, so a reload (or a live update) returns to it.
  function saveHash() {
    var p = [];
    if (S.sel) p.push(S.sel.kind + "=" + encodeURIComponent(S.sel.kind === "claim" ? M.claims[S.sel.i].id : S.sel.kind === "source" ? M.sources[S.sel.i].id : M.entities[S.sel.i].id));
    if (S.focus >= 0) p.push("focus=" + encodeURIComponent(M.claims[S.focus].id));
    if (S.date) p.push("date=" + S.date);
    history.replaceState(null, "", "#" + p.join("&"));
  }
  function loadHash() {
    var p = {};
    location.hash.slice(1).split("&").forEach(function (kv) { // a bad escape (%E0) names nothing
      var i = kv.indexOf("=");
      if (i > 0) try { p[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); } catch (e) {}
    });
    if (p.date && /^\d{4}-\d{2}-\d{2}$/.test(p.date)) S.date = p.date;
    if (p.focus && claimIdx[p.focus] !== undefined) S.focus = claimIdx[p.focus];
    if (p.claim && claimIdx[p.claim] !== undefined) {
      S.sel = { kind: "claim", i: claimIdx[p.claim] };
      if (S.focus < 0 && related > WHOLE) S.focus = S.sel.i; // too big to draw whole: draw around it
    }
    if (p.source && sourceIdx[p.source] !== undefined) S.sel = { kind: "source", i: sourceIdx[p.source] };
    if (p.entity && entityIdx[p.entity] !== undefined) S.sel = { kind: "entity", i: entityIdx[p.entity] };
  }

  // ---- events.
  function onLink(ev) {
    var t = ev.target.closest("[data-claim],[data-source],[data-entity]");
    if (!t || t.tagName === "g" && ev.type !== "click") return;
    ev.preventDefault();
    if (t.hasAttribute("data-claim")) {
      var c = +t.getAttribute("data-claim");
      if (t.tagName === "LI" || t.tagName === "A") {
        // from the search list or the panel: open the claim's neighbourhood unless it is drawn already
        var drawn = view.nodes.some(function (n) { return n.kind === "claim" && n.i === c; });
        if (drawn && t.tagName === "A") select("claim", c); else focus(c);
      } else select("claim", c);
    } else if (t.hasAttribute("data-source")) select("source", +t.getAttribute("data-source"));
    else select("entity", +t.getAttribute("data-entity"));
  }
  $("results").addEventListener("click", onLink);
  $("panel").addEventListener("click", onLink);
  $("nodes").addEventListener("click", onLink);
  $("nodes").addEventListener("dblclick", function (ev) {
    var t = ev.target.closest("[data-claim]");
    if (!t) return;
    var c = +t.getAttribute("data-claim");
    if (S.focus < 0) S.focus = c;
    S.expanded[c] = true;
    redraw(true);
  });
  $("q").addEventListener("input", searchSoon);
  $("q").addEventListener("keydown", function (ev) { // Enter opens the first result
    if (ev.key !== "Enter") return;
    clearTimeout(searchTimer); search();
    var first = $("results").firstElementChild;
    if (first) focus(+first.getAttribute("data-claim"));
  });
  ["fent", "fspk", "fsrc", "fver"].forEach(function (id) { $(id).addEventListener("change", search); });
  $("date").addEventListener("change", function () { setDate($("date").value); });
  $("prev").onclick = function () { step(-1); };
  $("next").onclick = function () { step(1); };
  $("alltime").onclick = function () { setDate(""); };
  $("showsrc").onchange = function () { S.showSrc = this.checked; pos = {}; redraw(true); };
  $("showent").onchange = function () { S.showEnt = this.checked; pos = {}; redraw(true); };
  $("less").onclick = function () { if (S.depth > 1) { S.depth--; $("depth").textContent = S.depth; pos = {}; redraw(true); } };
  $("more").onclick = function () { if (S.depth < 5) { S.depth++; $("depth").textContent = S.depth; redraw(true); } };
  $("zin").onclick = function () { zoomAt(1.25); };
  $("zout").onclick = function () { zoomAt(0.8); };
  $("zfit").onclick = fit;
  function zoomAt(f, cx, cy) {
    var svg = $("svg");
    if (cx === undefined) { cx = svg.clientWidth / 2; cy = svg.clientHeight / 2; }
    var k = Math.max(0.05, Math.min(5, vp.k * f));
    vp.x = cx - (cx - vp.x) * k / vp.k; vp.y = cy - (cy - vp.y) * k / vp.k; vp.k = k;
    applyViewport();
  }
  $("svg").addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var r = this.getBoundingClientRect();
    zoomAt(Math.exp(-ev.deltaY * 0.0015), ev.clientX - r.left, ev.clientY - r.top);
  }, { passive: false });
  var drag = null;
  $("svg").addEventListener("mousedown", function (ev) {
    var n = ev.target.closest(".node");
    drag = { x: ev.clientX, y: ev.clientY, vx: vp.x, vy: vp.y, node: n, moved: false };
    if (!n) this.classList.add("panning");
  });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    if (!drag.moved) return;
    if (drag.node) { // move one node
      var key = null;
      view.nodes.forEach(function (n) {
        if (drag.node.getAttribute("data-claim") == n.i && n.kind === "claim" || drag.node.getAttribute("data-source") == n.i && n.kind === "source" || drag.node.getAttribute("data-entity") == n.i && n.kind === "entity") key = n;
      });
      if (key) {
        key.x += (ev.clientX - drag.x) / vp.k; key.y += (ev.clientY - drag.y) / vp.k;
        pos[key.key] = { x: key.x, y: key.y };
        drag.x = ev.clientX; drag.y = ev.clientY;
        draw();
      }
    } else { vp.x = drag.vx + dx; vp.y = drag.vy + dy; applyViewport(); }
  });
  window.addEventListener("mouseup", function () { drag = null; $("svg").classList.remove("panning"); });

  // ---- start.
  document.title = M.title || "claimgraph";
  $("title").textContent = M.title || "claimgraph";
  var nsup = 0; for (ri = 0; ri < NR; ri++) if (!M.rels[ri][2]) nsup++;
  $("counts").textContent = NC.toLocaleString() + " claims, " + nsup.toLocaleString() + " supports, " + (NR - nsup).toLocaleString() + " contradictions, " + M.sources.length.toLocaleString() + " sources, " + M.entities.length.toLocaleString() + " entities";
  M.labels.forEach(function (l) { $("fver").appendChild(el("option", { value: l }, l)); });
  if (M.entities.length <= 2000) { var de = $("lent"); M.entities.forEach(function (e) { de.appendChild(el("option", { value: e.id }, e.name)); }); }
  if (M.sources.length <= 2000) { var ds = $("lsrc"); M.sources.forEach(function (s) { ds.appendChild(el("option", { value: s.id }, s.title || s.pub || "")); }); }
  if (M.dates.length) { $("date").min = M.dates[0].slice(0, 4) + "-01-01"; }
  loadHash();
  $("date").value = S.date;
  computeLabels();
  redraw(true);
  showSel();
  setDate(S.date);
  if (M.live) {
    setInterval(function () {
      fetch("version", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (t) {
        if (t !== M.version) location.reload();
      }).catch(function () {});
    }, 1000);
  }
  // For tests and benchmarks: milliseconds from the start of navigation to here.
  document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
  document.body.setAttribute("data-ready", "1");
})();
