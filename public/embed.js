/*
 * Cửa sổ số — embed helper. Sizes every <iframe data-cuaso> whose src is on
 * the same origin as this script to the height of the app inside it.
 *
 * The app posts {type: "cuaso:height", height: <px>} to its parent whenever
 * its content height changes. This script accepts a message only if it comes
 * from this script's origin, from one of those frames, and has exactly that
 * shape with a finite height within bounds; anything else is ignored.
 * Plain ES2015, no dependencies, no inline script or style attribute needed.
 */
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me || !me.src) return;
  var origin = new URL(me.src, location.href).origin;
  var MIN = 50;
  var MAX = 100000;

  function frames() {
    var out = [];
    var all = document.querySelectorAll('iframe[data-cuaso]');
    for (var i = 0; i < all.length; i++) {
      var src = all[i].getAttribute('src') || '';
      try {
        if (new URL(src, location.href).origin === origin) out.push(all[i]);
      } catch (e) { /* not a URL: not ours */ }
    }
    return out;
  }

  function prepare(frame) {
    if (frame.getAttribute('data-cuaso-ready') !== null) return;
    frame.setAttribute('data-cuaso-ready', '');
    // CSSOM, not a style attribute: fine under the host's CSP.
    frame.style.border = '0';
    frame.style.width = '100%';
    frame.style.display = 'block';
  }

  function valid(data) {
    if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
    var keys = Object.keys(data);
    if (keys.length !== 2 || data.type !== 'cuaso:height') return false;
    var h = data.height;
    return typeof h === 'number' && isFinite(h) && h >= MIN && h <= MAX;
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin || !valid(event.data)) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow === event.source) {
        prepare(list[i]);
        list[i].style.height = Math.ceil(event.data.height) + 'px';
        return;
      }
    }
  });

  var list = frames();
  for (var i = 0; i < list.length; i++) prepare(list[i]);
})();
