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
  // The phone's own share sheet, where it has one; plain share links stay for the rest.
  var share = document.querySelector("[data-campaign-share]");
  if (share && navigator.share) {
    share.hidden = false;
    share.addEventListener("click", function () {
      navigator.share({ title: document.title, url: location.href }).catch(function () {});
    });
  }
})();
