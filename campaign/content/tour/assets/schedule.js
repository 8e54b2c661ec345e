// Tour schedule: move events between upcoming/past by the reader's clock; filter in place.
// No libraries, no network; without this script the page still lists every event.
document.addEventListener("DOMContentLoaded", function () {
	// An event page built before the event says "took place" once it is over.
	document.querySelectorAll("[data-cs-badge]").forEach(function (b) {
		var page = b.closest("[data-end]"), over = page && Date.parse(page.getAttribute("data-end")) <= Date.now();
		b.textContent = b.getAttribute(over ? "data-label-past" : "data-label-upcoming");
		b.className = "cs-badge cs-badge-" + (over ? "past" : "scheduled");
	});
	document.querySelectorAll("[data-cs-schedule]").forEach(function (root) {
		var up = root.querySelector("[data-cs-upcoming]"), past = root.querySelector("[data-cs-past]");
		var form = root.querySelector("[data-cs-filters]"), now = Date.now();
		if (!up || !past) return;
		function items(s) { return [].slice.call(s.querySelectorAll(".cs-event")); }
		// move li into sec, months and events in order (upcoming ascending, past descending)
		function place(li, sec, asc) {
			var m = li.getAttribute("data-month"), g = sec.querySelector('.cs-month[data-month="' + m + '"]');
			if (!g) {
				var from = li.closest(".cs-month");
				g = from.cloneNode(false); g.appendChild(from.querySelector("h3").cloneNode(true));
				g.appendChild(document.createElement("ol")).className = "cs-list";
				var next = [].find.call(sec.querySelectorAll(".cs-month"), function (x) {
					return asc ? x.getAttribute("data-month") > m : x.getAttribute("data-month") < m; });
				sec.insertBefore(g, next || null);
			}
			var ol = g.querySelector("ol"), s = li.getAttribute("data-start");
			var after = [].find.call(ol.children, function (x) {
				var t = x.getAttribute("data-start"); return asc ? t > s : t < s; });
			ol.insertBefore(li, after || null);
		}
		function end(li) { return Date.parse(li.getAttribute("data-end")); }
		items(up).forEach(function (li) { if (end(li) <= now) place(li, past, false); });
		items(past).reverse().forEach(function (li) { if (end(li) > now) place(li, up, true); });
		function tidy() {
			[up, past].forEach(function (sec) {
				var any = false;
				sec.querySelectorAll(".cs-month").forEach(function (g) {
					var vis = [].some.call(g.querySelectorAll(".cs-event"), function (li) { return !li.hidden; });
					g.hidden = !vis; any = any || vis;
				});
				var none = sec.querySelector(".cs-none"); if (none) none.hidden = any;
			});
		}
		if (form) {
			var sel = function (n) { return form.querySelector('select[name="' + n + '"]'); };
			var pv = sel("province"), dv = sel("district"), kv = sel("kind");
			var apply = function () {
				var p = pv ? pv.value : "", d = dv ? dv.value : "", k = kv ? kv.value : "";
				if (dv) [].forEach.call(dv.options, function (o) {
					var off = !!(p && o.value && o.getAttribute("data-province") !== p);
					o.hidden = o.disabled = off; if (off && o.selected) { dv.value = ""; d = ""; }
				});
				root.querySelectorAll(".cs-event").forEach(function (li) {
					li.hidden = !!((p && li.getAttribute("data-province") !== p) ||
						(d && li.getAttribute("data-district") !== d) || (k && li.getAttribute("data-kind") !== k));
				});
				tidy();
			};
			// The choice is kept in the address (?province=…): a reload keeps it, a link shares it.
			var q = new URLSearchParams(location.search), sels = [pv, dv, kv].filter(Boolean);
			sels.forEach(function (s) { if (q.has(s.name)) { s.value = q.get(s.name); if (s.selectedIndex < 0) s.value = ""; } });
			form.addEventListener("change", function () {
				apply();
				sels.forEach(function (s) { s.value ? q.set(s.name, s.value) : q.delete(s.name); });
				history.replaceState(null, "", "?" + q + location.hash);
			});
			form.addEventListener("submit", function (ev) { ev.preventDefault(); });
			form.hidden = false; apply();
		} else tidy();
	});
});
