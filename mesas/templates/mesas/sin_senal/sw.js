{% autoescape off %}/* The service worker of the session page (mesas/sin_senal.py), version {{ version }}.
   Precaches the page's assets; keeps the session pages (each with its attendance registry) and
   "Mis mesas" NetworkFirst with a cache fallback, so that they open after a reload with no signal. */
importScripts({{ workbox_sw_json }});

const MODULOS = {{ modulos_json }};
workbox.setConfig({ debug: false, modulePathCb: (modulo) => MODULOS[modulo] });
const { core, precaching, routing, strategies, expiration, cacheableResponse } = workbox;

core.setCacheNameDetails({ prefix: "pactos" });
self.skipWaiting();
core.clientsClaim();

// Query strings are ignored: the icon font is asked for as "bootstrap-icons.woff2?<hash>".
const PRECACHE = {{ precache_json }};
precaching.precacheAndRoute(PRECACHE, { ignoreURLParametersMatching: [/.*/] });
precaching.cleanupOutdatedCaches();

// A session page and the facilitator's list of sessions (also under /en/).
const PAGINAS = /^(?:\/[a-z]{2})?\/mesas\/(?:sesion\/\d+|mis-mesas)\/$/;
const sinRedirecciones = {
  // logged out, the page answers with the login form: never keep that under the session's address
  cacheWillUpdate: async ({ response }) => (response.redirected ? null : response),
};
// A slow network (more than networkTimeoutSeconds) is answered with the kept copy while the
// request goes on; when the newer page arrives, the tab showing the old copy is told so that it
// does not go on showing what was true before the last correction (sin-senal.js).
const servidasDeCopia = new Set();
// a page's text but for what changes on every answer (the CSRF token, the scripts' nonce)
const comoTexto = async (respuesta) =>
  (await respuesta.text()).replace(/(value|nonce)="[^"]*"/g, "");
const avisarCopiaSuperada = {
  cachedResponseWillBeUsed: async ({ request, cachedResponse }) => {
    if (cachedResponse) servidasDeCopia.add(new URL(request.url).pathname);
    return cachedResponse;
  },
  cacheDidUpdate: async ({ request, oldResponse, newResponse }) => {
    const ruta = new URL(request.url).pathname;
    if (!servidasDeCopia.delete(ruta)) return;
    if (oldResponse && (await comoTexto(oldResponse)) === (await comoTexto(newResponse))) return;
    for (const cliente of await self.clients.matchAll({ type: "window" })) {
      cliente.postMessage({ tipo: "copia-superada", ruta });
    }
  },
};
const paginas = new strategies.NetworkFirst({
  cacheName: "pactos-sesiones",
  networkTimeoutSeconds: 6,
  matchOptions: { ignoreVary: true },
  plugins: [
    new cacheableResponse.CacheableResponsePlugin({ statuses: [200] }),
    sinRedirecciones,
    avisarCopiaSuperada,
    new expiration.ExpirationPlugin({ maxEntries: 80, maxAgeSeconds: 60 * 60 * 24 * 30 }),
  ],
});
routing.registerRoute(
  ({ url, request }) =>
    request.method === "GET" && url.origin === self.location.origin && PAGINAS.test(url.pathname),
  paginas,
);

// After a release the precache holds that release's assets only, under new names (their content
// hash): a page kept before it names files no longer kept, and opened without signal it would
// have no script (no outbox, no search) and no style. Such pages are fetched again as soon as the
// new worker takes over (it has just come over the network), and meanwhile an earlier release's
// asset is answered with today's of the same name.
const GUARDADOS = new Set(PRECACHE.map((a) => new URL(a.url, self.location.origin).pathname));
const NOMBRES = {{ nombres_json }}; // [address without its hash and extension, extension]
const HASH = /^\.[0-9a-f]{12}$/;

function actualDe(ruta) {
  if (GUARDADOS.has(ruta)) return null;
  for (const [base, extension] of NOMBRES) {
    if (!ruta.startsWith(base) || !ruta.endsWith(extension)) continue;
    if (!HASH.test(ruta.slice(base.length, ruta.length - extension.length))) continue;
    return Array.from(GUARDADOS).find((g) => g.startsWith(base) && g.endsWith(extension)) || null;
  }
  return null;
}

routing.registerRoute(
  ({ url, request }) =>
    request.method === "GET" && url.origin === self.location.origin && actualDe(url.pathname),
  async ({ url, request }) => {
    try {
      const respuesta = await fetch(request);
      if (respuesta.ok) return respuesta;
    } catch (error) {
      // no signal: today's file, kept
    }
    return (await precaching.matchPrecache(actualDe(url.pathname))) || Response.error();
  },
);

async function renovarPaginasAnteriores(event) {
  const cache = await caches.open("pactos-sesiones");
  for (const peticion of await cache.keys()) {
    const guardada = await cache.match(peticion, { ignoreVary: true });
    const texto = guardada ? await guardada.text() : "";
    const anterior = Array.from(texto.matchAll(/(?:src|href)="(\/[^"]+)"/g)).some((m) =>
      actualDe(m[1].split(/[?#]/)[0]));
    if (!anterior) continue;
    try {
      await paginas.handle({ event, request: new Request(peticion.url, { credentials: "same-origin" }) });
    } catch (error) {
      // the signal went meanwhile: the page keeps working with today's assets (above)
    }
  }
}
self.addEventListener("activate", (event) => event.waitUntil(renovarPaginasAnteriores(event)));

// The page asks for addresses to keep before the signal goes (the session it shows, the upcoming
// sessions listed in "Mis mesas"); it is told how many are ready.
self.addEventListener("message", (event) => {
  const datos = event.data || {};
  if (datos.tipo !== "calentar") return;
  const puerto = event.ports && event.ports[0];
  event.waitUntil((async () => {
    let listas = 0;
    for (const url of datos.urls || []) {
      if (!PAGINAS.test(new URL(url, self.location.origin).pathname)) continue;
      try {
        const respuesta = await paginas.handle({
          event,
          request: new Request(url, { credentials: "same-origin" }),
        });
        if (respuesta && respuesta.ok && !respuesta.redirected) listas += 1;
      } catch (error) {
        // neither the network nor the cache has it: reported as not ready
      }
    }
    if (puerto) puerto.postMessage({ listas, total: (datos.urls || []).length });
  })());
});
{% endautoescape %}
