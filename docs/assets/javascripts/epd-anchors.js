/*
 * Election-Prep Digest: links to a place on the same page (the ¶ evidence
 * links, figure and footnote anchors) are followed by the browser itself.
 *
 * Material's instant navigation (9.8) intercepts every click on a link whose
 * page is in sitemap.xml, same-page "#p-2" links included, and replays them
 * through history.pushState, history.back() and a synthetic click. On a slow
 * device (Chromium at a quarter of this machine's speed, or a CI runner under
 * load) that replay races: the address changes to #p-2 but the page does not
 * scroll, so the passage a fact cites stays out of sight.
 *
 * Material leaves a link alone when it has a target, so a same-page link in
 * the content gets target="_self" just before its click is handled: the same
 * frame, the browser's own fragment navigation and scrolling, and a history
 * entry that Back returns from. Links to other
 * pages keep instant navigation. Without JavaScript nothing changes.
 */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    if (!(event.target instanceof Element)) return;
    var link = event.target.closest("a[href]");
    if (!link || link.target || !link.hash || !link.closest(".md-content")) return;
    // Material rewrites relative hrefs to absolute ones, so compare the URLs without their fragment.
    if (link.href.split("#")[0] !== window.location.href.split("#")[0]) return;
    link.target = "_self";
  }, true);
})();
