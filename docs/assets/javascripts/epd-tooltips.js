/*
 * Election-Prep Digest: tooltips that show text as text.
 *
 * Material's `content.tooltips` feature copies an element's title into its
 * tooltip with innerHTML: a glossary definition (<abbr title>), a page title
 * in the header, and every navigation, contents or header entry too wide for
 * its space (Material's ellipsis patch sets title = innerText on it). The
 * generator escapes all of these, so their text is what a contributor wrote;
 * innerHTML then turned "<img src=x onerror=...>" back into an element that
 * ran. mkdocs.yml therefore leaves `content.tooltips` off (Material then only
 * sets the plain title attribute, which the browser shows as text), and this
 * script shows the same tooltips, in Material's own style, with textContent.
 *
 * - Any element with a title in the header or the main area shows it on
 *   hover and on keyboard focus; Escape hides it (WCAG 1.4.13). While shown,
 *   the title moves to data-epd-title (no second, native tooltip) and the
 *   element is described by the tooltip (aria-describedby).
 * - The first use of each glossary term on a page outside a link becomes
 *   focusable (tabindex=0), so a keyboard reaches every definition without a
 *   tab stop for each of a page's dozens of uses.
 * Without JavaScript the browser's own title tooltips remain.
 */
(function () {
  "use strict";
  var tooltip = null, inner = null, host = null;

  function titled(target) {
    if (!(target instanceof Element)) return null;
    var el = target.closest("[title], [data-epd-title]");
    return el && el.closest(".md-header, .md-main") ? el : null;
  }

  function place() {
    var rect = host.getBoundingClientRect();
    tooltip.style.setProperty("--md-tooltip-host-x", rect.x + window.scrollX + "px");
    tooltip.style.setProperty("--md-tooltip-host-y", rect.y + window.scrollY + "px");
    tooltip.style.setProperty("--md-tooltip-x", rect.width / 2 + "px");
    tooltip.style.setProperty("--md-tooltip-y", 8 + rect.height + "px");
    tooltip.style.setProperty("--md-tooltip-width", inner.getBoundingClientRect().width + "px");
    tooltip.style.setProperty("--md-tooltip-tail", "0px");
  }

  function show(el) {
    if (el === host) return;
    hide();
    var text = el.getAttribute("title");
    if (!text) return;
    host = el;
    el.setAttribute("data-epd-title", text);
    el.removeAttribute("title");
    tooltip = document.createElement("div");
    tooltip.className = "md-tooltip2 md-tooltip2--bottom";
    tooltip.id = "epd-tooltip";
    tooltip.setAttribute("role", "tooltip");
    inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    inner.textContent = text; // text, never markup
    tooltip.appendChild(inner);
    document.body.appendChild(tooltip);
    el.setAttribute("aria-describedby", tooltip.id);
    place();
    var shown = tooltip;
    window.requestAnimationFrame(function () { shown.classList.add("md-tooltip2--active"); });
  }

  function hide() {
    if (!host) return;
    host.setAttribute("title", host.getAttribute("data-epd-title"));
    host.removeAttribute("data-epd-title");
    host.removeAttribute("aria-describedby");
    tooltip.remove();
    tooltip = inner = host = null;
  }

  document.addEventListener("mouseover", function (event) {
    var el = titled(event.target);
    if (el) show(el);
  });
  document.addEventListener("mouseout", function (event) {
    if (host && !host.contains(event.relatedTarget) && document.activeElement !== host) hide();
  });
  document.addEventListener("focusin", function (event) {
    var el = titled(event.target);
    if (el) show(el); else hide();
  });
  document.addEventListener("focusout", function (event) {
    if (host && event.target === host && !host.matches(":hover")) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  window.addEventListener("scroll", function () { if (host) place(); }, { capture: true, passive: true });
  window.addEventListener("resize", function () { if (host) place(); }, { passive: true });

  function focusableTerms() {
    hide(); // a page Material's instant navigation replaced
    var seen = {};
    document.querySelectorAll(".md-content abbr[title]").forEach(function (abbr) {
      var key = abbr.textContent + "\u0000" + abbr.getAttribute("title");
      if (seen[key] || abbr.closest("a, button, label")) return;
      seen[key] = true;
      abbr.setAttribute("tabindex", "0");
    });
  }
  if (window.document$) window.document$.subscribe(focusableTerms); // every page, instant navigation too
  else focusableTerms();
})();
