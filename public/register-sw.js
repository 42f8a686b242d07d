// Registers the service worker (public/sw.js) once the page has loaded and the
// browser is idle (at most 5 s later), so it never competes with the first screen
// or the first search, then asks it to keep the catalogue files this
// page already loaded and — unless the person turned on data saving — the files
// search and the first screens need, for use offline. Kept out of index.html:
// the Content-Security-Policy allows no inline script.
(function () {
  'use strict';
  if (!('serviceWorker' in navigator)) return;
  // In an embedding page's frame or a kiosk the worker is still welcome; only
  // automation that blocks workers skips this.
  function whenIdle(run) {
    if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 5000 });
    else window.setTimeout(run, 2000);
  }
  window.addEventListener('load', function () { whenIdle(register); });
  function register() {
    navigator.serviceWorker.register('/sw.js').then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (reg) {
      var loaded = performance.getEntriesByType('resource').map(function (e) {
        return new URL(e.name, location.href);
      }).filter(function (u) {
        return u.origin === location.origin && u.pathname.indexOf('/data/') === 0;
      }).map(function (u) { return u.pathname; });
      var saveData = !!(navigator.connection && navigator.connection.saveData);
      if (reg.active) reg.active.postMessage({ type: 'cuaso:keep', urls: loaded, core: !saveData });
    }).catch(function () { /* no worker: the app works online as before */ });
  }
})();
