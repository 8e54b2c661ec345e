// Service worker: the key pages of every language the reader visited work with no connection.
// Generated at build time. VERSION changes whenever a precached file changes; a new worker
// deletes the copies of older builds only, never another language's (readers switch languages).
const VERSION = "{{ version }}";
const PRECACHE = {{ precache }};  // language → key pages and what they load
const OFFLINE = {{ offline }};  // language → its "you are offline" page
const SHARED = {{ shared }};  // files every language uses (stylesheet, fonts, icons)
const DEFAULT_LANG = {{ default }};
const CORE = `campaign-core-${VERSION}`;
const scoped = (u) => new URL(u, self.registration.scope).href;
const cacheOf = (lang) => `campaign-${lang}-${VERSION}`;

function langOf(url) {
  const path = new URL(url).pathname, base = new URL(self.registration.scope).pathname;
  return Object.keys(OFFLINE).find((l) => l !== DEFAULT_LANG && path.startsWith(base + l + "/")) || DEFAULT_LANG;
}

// Every language's offline page and the shared files at install: a link tapped offline
// shows the offline page in the language of that link, even one never visited.
self.addEventListener("install", (event) => {
  const urls = [...Object.values(OFFLINE), ...SHARED].map(scoped);
  event.waitUntil(caches.open(CORE).then((c) => c.addAll(urls)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("campaign-") && !k.endsWith(`-${VERSION}`))
      .map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// A page of language `lang` was read: keep that language's key pages.
const saving = {};
function save(lang) {
  if (!PRECACHE[lang]) return Promise.resolve();
  return saving[lang] || (saving[lang] = caches.open(cacheOf(lang))
    .then((c) => c.addAll(PRECACHE[lang].map(scoped)))
    .catch(() => { delete saving[lang]; }));
}
self.addEventListener("message", (event) => {
  if (event.data && event.data.lang) event.waitUntil(save(event.data.lang));
});

// The offline page answers for any address; a <base> made from the worker's own scope keeps
// its links, styles and font working wherever the site is served (any host, any sub-path).
async function offlinePage(url) {
  const lang = langOf(url), target = scoped(OFFLINE[lang]);
  const hit = await caches.match(target);
  if (!hit) return Response.error();
  const html = (await hit.text()).replace(/<head([^>]*)>/i, `<head$1><base href="${target}">`);
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function fromNetwork(request) {
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    const copy = response.clone();
    caches.open(cacheOf(langOf(request.url))).then((c) => c.put(request, copy));
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === "navigate") {
    // Pages: fresh when the network answers, the saved copy when it does not.
    event.respondWith(fromNetwork(request).catch(async () =>
      (await caches.match(request, { ignoreSearch: true })) || offlinePage(request.url)));
  } else {
    event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fromNetwork(request)));
  }
});
