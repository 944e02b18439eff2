/*
 * Election-Prep Digest: a wide table shows that it scrolls.
 *
 * Material wraps each Markdown table in a scroll container (.md-typeset__scrollwrap, overflow-x: auto). On a
 * phone its scroll bar is hidden until the reader scrolls, so a table cut at the screen's edge looked complete.
 * This script puts each container in a frame (.epd-scroll) and keeps two attributes on the frame current:
 * data-epd-more-left / data-epd-more-right while columns are hidden on that side. extra.css draws a fade on
 * that edge and keeps the first column in view. Tables laid out as cards on a phone (extra.css, cells with
 * .epd-cell) do not scroll and get no fade. Runs again after each instant navigation (Material's document$).
 * A container that scrolls is focusable, so that the arrow keys scroll it. Touches only layout and focus: no
 * text is read or written.
 */
(function () {
  "use strict";

  function update(frame) {
    var box = frame.firstElementChild;
    if (!box) return;
    var hidden = box.scrollWidth - box.clientWidth;
    frame.toggleAttribute("data-epd-more-left", hidden > 1 && box.scrollLeft > 1);
    frame.toggleAttribute("data-epd-more-right", hidden > 1 && box.scrollLeft < hidden - 1);
    // A table that scrolls can be scrolled from the keyboard too (WCAG 2.1.1): focusable while it scrolls.
    if (hidden > 1) box.setAttribute("tabindex", "0");
    else box.removeAttribute("tabindex");
  }

  var resize = "ResizeObserver" in window ? new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { update(entry.target.parentElement); });
  }) : null;

  function frame(box) {
    if (box.parentElement.classList.contains("epd-scroll")) return box.parentElement;
    var wrapper = document.createElement("div");
    wrapper.className = "epd-scroll";
    box.parentElement.insertBefore(wrapper, box);
    wrapper.appendChild(box);
    box.addEventListener("scroll", function () { update(wrapper); }, { passive: true });
    if (resize) resize.observe(box);
    return wrapper;
  }

  function setup() {
    var boxes = document.querySelectorAll(".md-content .md-typeset__scrollwrap, .md-content .epd-table-scroll");
    Array.prototype.forEach.call(boxes, function (box) { update(frame(box)); });
  }

  setup();
  window.addEventListener("resize", setup);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    // Material wraps the new page's tables in its own subscriber; run after it.
    window.document$.subscribe(function () { window.requestAnimationFrame(setup); });
  }
})();
