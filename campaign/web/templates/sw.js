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

// At install: every language's offline page and the shared files (a link tapped offline
// shows the offline page in the language of that link, even one never visited), and the
// key pages of the language of the page that installed the worker.
self.addEventListener("install", (event) => {
  const core = [...Object.values(OFFLINE), ...SHARED].map(scoped);
  event.waitUntil(caches.open(CORE).then((c) => c.addAll(core))
    .then(() => self.clients.matchAll({ includeUncontrolled: true, type: "window" }))
    .then((open) => Promise.all([...new Set(open.map((c) => langOf(c.url)))].map(save)))
    .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("campaign-") && !k.endsWith(`-${VERSION}`))
      .map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// A page of language `lang` was read: keep that language's key pages (only what is not
// saved yet: data is costly, and a worker restarts often).
const saving = {};
function save(lang) {
  if (!PRECACHE[lang]) return Promise.resolve();
  return saving[lang] || (saving[lang] = caches.open(cacheOf(lang)).then(async (c) => {
    const urls = PRECACHE[lang].map(scoped);
    const have = await Promise.all(urls.map((u) => c.match(u)));
    const missing = urls.filter((u, i) => !have[i]);
    if (missing.length) await c.addAll(missing);
  }).catch(() => { delete saving[lang]; }));
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
    // Pages: fresh when the network answers, the saved copy when it does not. Reading a
    // page of a language keeps that language's key pages too.
    event.waitUntil(save(langOf(request.url)));
    event.respondWith(fromNetwork(request).catch(async () =>
      (await caches.match(request, { ignoreSearch: true })) || offlinePage(request.url)));
  } else {
    event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fromNetwork(request)));
  }
});
