// Savings planner: a small calculator over the examples table (which readers without this
// script get). No libraries, no network. The page gives every sentence (data-text), its
// digits and grouping; the sums are those of campaign/content/savings/plan.py.
(function () {
  var root = document.querySelector("[data-savings]");
  if (!root || !window.URLSearchParams) return;
  var T = JSON.parse(root.getAttribute("data-text")), D = root.getAttribute("data-digits");
  var G = root.getAttribute("data-group"), N = root.getAttribute("data-native");
  var form = root.querySelector("[data-savings-form]"), f = form.elements;
  var out = root.querySelector("[data-savings-result]"), box = root.querySelector("[data-savings-plan]");
  var link = root.querySelector("[data-savings-link]"), FIELDS = ["goal", "cur", "plan", "every", "amount", "months"];
  // Digits typed on a Khmer (or Thai) keyboard count as 0-9; spaces and separators are ignored.
  function num(v) {
    v = String(v || "").replace(/./g, function (c) { var i = N.indexOf(c); return i < 0 ? c : i % 10; });
    return +v.replace(/\D/g, "").slice(0, 15) || 0;
  }
  function fmt(n) { return String(n).replace(/\B(?=(\d{3})+$)/g, G).replace(/\d/g, function (d) { return D[d]; }); }
  function fill(t, o) { return t.replace(/\{(\w+)\}/g, function (m, k) { return o[k]; }); }
  function unit(n, u) { return fill(T[u][n === 1 ? 0 : 1], { n: fmt(n) }); }
  function up(x, cur) { return Math.ceil(x / T.step[cur]) * T.step[cur]; }
  function show() {
    var g = num(f.goal.value), cur = f.cur.value, byTime = f.plan.value === "time", every = f.every.value;
    var a = num(f.amount.value), m = num(f.months.value), n, per, u = byTime ? "month" : every, text;
    root.querySelectorAll("[data-savings-for]").forEach(function (p) {
      p.hidden = p.getAttribute("data-savings-for") !== f.plan.value;
    });
    // The plan is kept in the address after "#": a reload keeps it, a link shares it, and a
    // browser never sends that part to a server (a reader's sums stay out of its logs).
    var q = new URLSearchParams();
    FIELDS.forEach(function (k) {
      var v = k === "goal" ? g : k === "amount" ? a : k === "months" ? m : f[k].value;
      if (v && !(byTime ? k === "amount" || k === "every" : k === "months")) q.set(k, v);
    });
    history.replaceState(null, "", location.pathname + (g || a || m ? "#" + q : ""));
    link.href = location.href;
    var money = function (x) { return fill(T[cur], { n: fmt(x) }); };
    if (!g || !(byTime ? m : a)) { out.textContent = T.hint; box.hidden = true; return; }
    if (byTime) {
      n = m; per = up(g / m, cur);
      text = fill(T.time, { goal: money(g), time: unit(m, u), week: money(up(g * 12 / (m * 52), cur)), month: money(per) });
    } else {
      n = Math.max(1, Math.ceil(g / a)); per = a;
      var t = unit(n, u);
      if (u === "week" && n >= T.about_from) t = fill(T.about, { weeks: t, months: unit(Math.max(1, Math.round(n * 12 / 52)), "month") });
      text = fill(T["save-" + u], { amount: money(a), goal: money(g), time: t });
    }
    out.textContent = text;
    // At most twelve rows, the last one on the day the amount is reached.
    var body = box.querySelector("tbody"), rows = Math.min(n, 12);
    body.textContent = "";
    for (var i = 1; i <= rows; i++) {
      var k = Math.ceil(i * n / rows), tr = body.insertRow();
      tr.insertCell().textContent = unit(k, u);
      tr.insertCell().textContent = money(k * per);
    }
    box.hidden = false;
  }
  // "#…", or "?…" as links shared before had it (rewritten to "#…" at once)
  var q = new URLSearchParams(location.hash.slice(1) || location.search.slice(1)), ok = { cur: Object.keys(T.step), plan: ["save", "time"], every: ["week", "month"] };
  FIELDS.forEach(function (k) {
    var v = q.get(k);
    if (v === null) return;
    if (!ok[k]) f[k].value = num(v) ? fmt(num(v)) : "";
    else if (ok[k].indexOf(v) >= 0) f[k].value = v;
  });
  form.addEventListener("input", show);
  form.addEventListener("change", show);
  form.addEventListener("submit", function (e) { e.preventDefault(); document.activeElement.blur(); show(); });
  form.hidden = false;
  show();
})();
