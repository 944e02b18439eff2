/*
 * Election-Prep Digest: the element a link's #fragment names is marked, also after instant navigation.
 *
 * The browser matches :target only after its own fragment navigation. Material's instant navigation reaches
 * another page's #figure-2 or #statement-3 through history.pushState, which leaves :target unmatched, so the
 * passage or figure a link points at was not marked. This script gives that element the class epd-target
 * (styled with :target in extra.css) after every navigation and every change of the fragment.
 */
(function () {
  "use strict";

  function mark() {
    Array.prototype.forEach.call(document.querySelectorAll(".epd-target"), function (el) {
      el.classList.remove("epd-target");
    });
    var id = window.location.hash.slice(1);
    if (!id) return;
    try { id = decodeURIComponent(id); } catch (error) { return; }
    var target = document.getElementById(id);
    if (target && target.closest(".md-content")) target.classList.add("epd-target");
  }

  window.addEventListener("hashchange", mark);
  window.addEventListener("popstate", mark);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { window.requestAnimationFrame(mark); });
  } else {
    mark();
  }
})();
