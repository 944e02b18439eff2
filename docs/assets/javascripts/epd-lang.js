/*
 * Election-Prep Digest: keep the language switcher pointing at the SAME page
 * in the other language, at the same place on it (#fragment).
 *
 * The switcher (overrides/partials/alternate.html) is rendered with the right
 * hrefs for the page it was loaded on. With navigation.instant, Material swaps
 * only the page body, so the header links would go stale; this script
 * recomputes them from the current location after every navigation, using
 * Material's public `document$` observable.
 *
 * Roots are resolved to absolute URLs once, against the URL of the page the
 * header was rendered for (the initial page), because relative hrefs would
 * otherwise resolve against whatever URL instant navigation pushed later.
 */
(function () {
  "use strict";
  var list = document.querySelector("[data-epd-self-root]");
  if (!list) return;
  var initial = window.location.href;
  var selfRoot = new URL(list.getAttribute("data-epd-self-root"), initial).href;
  var links = Array.prototype.map.call(
    list.querySelectorAll("a[data-epd-root]"),
    function (a) {
      return { el: a, root: new URL(a.getAttribute("data-epd-root"), initial).href };
    }
  );

  function update() {
    var here = window.location.href.split("#")[0].split("?")[0];
    if (here.indexOf(selfRoot) !== 0) return;
    var rel = here.slice(selfRoot.length);
    if (/(^|\/)404\.html$/.test(rel)) rel = "";
    // The fragment too: both languages give a page's parts the same ids (#figure-2, #p-8), so a reader
    // switching language at a figure stays at that figure.
    var hash = window.location.hash;
    links.forEach(function (link) {
      link.el.href = link.root + rel + hash;
    });
  }

  update();
  window.addEventListener("hashchange", update);
  // A same-page link followed by the browser (epd-anchors.js) or history.pushState may change the fragment
  // without either event: read it again when the reader reaches for the switcher.
  list.parentElement.parentElement.addEventListener("pointerenter", update);
  list.addEventListener("focusin", update);
  list.addEventListener("click", update, true);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(update);
  }
})();
