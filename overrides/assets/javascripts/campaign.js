// Small progressive enhancements; every page works without this file.
(function () {
  var me = document.currentScript;
  var sw = me && me.getAttribute("data-sw");
  // Offline after one visit: the worker saves the key pages of this language.
  if (sw && "serviceWorker" in navigator) {
    addEventListener("load", function () { navigator.serviceWorker.register(sw).catch(function () {}); });
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
