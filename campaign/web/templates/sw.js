// Service worker: the key pages of the reader's language work with no connection.
// Generated at build time; VERSION changes whenever a precached file changes,
// and the old cache is deleted when the new worker takes over.
const VERSION = "{{ version }}";
const PRECACHE = {{ precache | safe }};
const OFFLINE = {{ offline | safe }};
const DEFAULT_LANG = {{ default | safe }};
const LANG = new URL(self.location).searchParams.get("lang") || DEFAULT_LANG;
const CACHE = `campaign-${LANG}-${VERSION}`;
const scoped = (u) => new URL(u, self.registration.scope).href;

self.addEventListener("install", (event) => {
  const urls = (PRECACHE[LANG] || PRECACHE[DEFAULT_LANG]).map(scoped);
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(urls)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("campaign-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

function offlinePage(url) {
  const path = new URL(url).pathname;
  const base = new URL(self.registration.scope).pathname;
  const lang = Object.keys(OFFLINE).find((l) => l !== DEFAULT_LANG && path.startsWith(base + l + "/")) || DEFAULT_LANG;
  return caches.match(scoped(OFFLINE[lang]));
}

async function fromNetwork(request) {
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    const copy = response.clone();
    caches.open(CACHE).then((c) => c.put(request, copy));
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
    event.respondWith(caches.match(request).then((hit) => hit || fromNetwork(request)));
  }
});
