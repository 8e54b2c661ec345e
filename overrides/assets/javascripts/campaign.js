// Small progressive enhancements; every page works without this file.
(function () {
  var me = document.currentScript;
  var sw = me && me.getAttribute("data-sw"), lang = document.documentElement.lang;
  // Offline after one visit: one worker for the whole site; it keeps the key pages of
  // every language this reader opens.
  if (sw && "serviceWorker" in navigator) {
    addEventListener("load", function () {
      navigator.serviceWorker.register(sw).then(function () { return navigator.serviceWorker.ready; })
        .then(function (reg) { if (reg.active) reg.active.postMessage({ lang: lang }); })
        .catch(function () {});
    });
  }
  // Search: its script (5 KB) and its index are fetched only when the reader opens search, together.
  var search = document.querySelector(".md-search[data-campaign-script]"), toggle = document.getElementById("__search");
  if (search && toggle && window.fetch && "content" in document.createElement("template")) {
    document.documentElement.classList.add("campaign-search");
    var input = search.querySelector(".md-search__input"), script;
    var start = function () {
      if (script) return;
      window.campaignIndex = fetch(new URL(search.getAttribute("data-campaign-index"), location.href));
      script = document.createElement("script");
      script.src = search.getAttribute("data-campaign-script");
      document.head.appendChild(script);
    };
    toggle.addEventListener("change", function () {
      // asked for first, so the download runs while the page lays out the open search; focus
      // inside the tap: phones open the keyboard only then
      if (toggle.checked) { start(); document.documentElement.classList.add("campaign-search--open"); input.focus(); }
    });
    input.addEventListener("focus", start);
    // a finger on the search button: asked for before the tap ends (a phone's click comes later)
    document.querySelectorAll('label[for="__search"]').forEach(function (label) {
      label.addEventListener("pointerdown", start, { passive: true });
    });
    var button = document.querySelector("[data-campaign-search-button]");
    if (button) button.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); toggle.checked = true; toggle.dispatchEvent(new Event("change")); }
    });
  }
  // The phone's own share sheet, where it has one; plain share links stay for the rest.
  var share = document.querySelector("[data-campaign-share]");
  if (share && navigator.share) {
    share.hidden = false;
    share.addEventListener("click", function () {
      navigator.share({ title: document.title, url: location.href }).catch(function () {});
    });
  }
})();
