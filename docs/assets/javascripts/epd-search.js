/*
 * Election-Prep Digest: site search with Pagefind, inside Material's header
 * search box (markup: overrides/partials/search.html).
 *
 * Index: generator/mkdocs_adapter.py runs Pagefind once over the assembled
 * site, writing ONE bundle at <site root>/pagefind/. Pagefind keeps one index
 * per <html lang>: Indonesian pages are stemmed with the Indonesian Snowball
 * stemmer, English pages with the English one, and pagefind.js loads the
 * index matching the lang of the page it runs on, so each language searches
 * only its own pages. Only each page's <article> is indexed
 * (data-pagefind-body, overrides/main.html), with filters kind / region /
 * election from the front matter.
 *
 * Interface: Material's #__search toggle opens and closes the panel, so
 * Material's CSS does the layout. Keyboard: "/", "s" or "f" focus the box
 * (outside form fields), Esc closes, ArrowDown / ArrowUp move between the box
 * and the results, Enter in the box opens the first result. The result count
 * is announced through the role="status" line.
 *
 * Fallback for misspellings (Pagefind has no fuzzy matching; it matches
 * stemmed words and word prefixes):
 *   1. correction: each query word of 4+ letters (no digits) that does not
 *      occur literally (as a word or word prefix) in the text of the three
 *      best pages and is not a word or word prefix of the language's vocabulary
 *      (epd-vocabulary-<lang>.json: words of page titles, regions and
 *      elections, i.e. names of people, places, agencies and topics; written
 *      next to the bundle by the adapter, a few kB) is replaced by the
 *      vocabulary word with the same first letter at the smallest edit
 *      distance, if that distance is at most 1 (words of 4-5 letters) or 2
 *      (longer words). If the corrected query finds pages, they come first,
 *      followed by the original results, and a note shows the corrected
 *      query ("Results for: ..."). Pagefind 1.5's own approximate matching
 *      finds pages for most typos, but ranks pages that contain the other,
 *      correctly spelt words first; the correction puts the named page on top;
 *   2. partial match: if there are still fewer than MIN_RESULTS pages and the
 *      query has 2+ words, each word is searched alone and pages are ranked
 *      by how many of the words they match (appended after the rest).
 *
 * window.epdSearch.search(query, filters) runs exactly what the interface
 * runs and resolves to {query, results: [{url, title, excerpt}], note, total}
 * (used by tests/e2e/test_search.py and tests/search_metrics.py).
 */
(function () {
  "use strict";

  var MIN_RESULTS = 3;
  var SHOWN = 10;

  var root = document.querySelector("[data-epd-search]");
  var toggle = document.getElementById("__search");
  if (!root || !toggle) return;

  var bundle = new URL(root.getAttribute("data-epd-bundle"), window.location.href).href;
  var siteRoot = new URL("../", bundle).pathname;
  var lang = (document.documentElement.getAttribute("lang") || "en").toLowerCase();
  var strings = JSON.parse(root.getAttribute("data-epd-strings") || "{}");

  var form = root.querySelector("form");
  var input = root.querySelector(".md-search__input");
  var status = root.querySelector("[role=status]");
  var note = root.querySelector("[data-epd-note]");
  var list = root.querySelector(".md-search-result__list");
  var filterBox = root.querySelector("[data-epd-filters]");
  var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-epd-filter]"));

  // ---------------------------------------------------------------- engine

  var pagefind = null;
  function load() {
    if (!pagefind) {
      pagefind = import(bundle + "pagefind.js").then(function (pf) {
        // A weak page-length penalty: entity pages (a region, a person) are long, and should not lose to the
        // short per-branch pages that merely mention the same name.
        return Promise.resolve(pf.options({ baseUrl: siteRoot, excerptLength: 24, ranking: { pageLength: 0.1 } }))
          .then(function () { return pf.init(); })
          .then(function () { return pf; });
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  var vocabulary = null;
  function loadVocabulary() {
    if (!vocabulary) {
      vocabulary = fetch(bundle + "epd-vocabulary-" + lang + ".json")
        .then(function (r) { return r.ok ? r.json() : []; })
        .catch(function () { return []; });
    }
    return vocabulary;
  }

  function words(query) {
    return query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // Levenshtein distance, giving up above `max`.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev = [], cur = [], i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1,
                          prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (cur[j] < best) best = cur[j];
      }
      if (best > max) return max + 1;
      prev = cur;
    }
    return prev[b.length];
  }

  // Replace each query word of 4+ letters (no digits) that is neither `known`
  // (found literally in the best pages) nor a word or word prefix of the
  // vocabulary by the nearest vocabulary word with the
  // same first letter, at edit distance at most 1 (4-5 letters) or 2
  // (longer). Null if nothing changed.
  function correct(terms, vocab, known) {
    var changed = false;
    var out = terms.map(function (w) {
      if (w.length < 4 || /\d/.test(w) || known.indexOf(w) >= 0) return w;
      if (vocab.some(function (v) { return v.indexOf(w) === 0; })) return w;
      var max = w.length <= 5 ? 1 : 2, best = null, bestD = max + 1;
      vocab.forEach(function (v) {
        if (v[0] !== w[0]) return;
        var d = distance(w, v, max);
        if (d < bestD) { bestD = d; best = v; }
      });
      if (best) { changed = true; return best; }
      return w;
    });
    return changed ? out.join(" ") : null;
  }

  function cleanFilters(filters) {
    var out = {};
    Object.keys(filters || {}).forEach(function (k) {
      if (filters[k]) out[k] = filters[k];
    });
    return out;
  }

  // One Pagefind query: the ranked hits ({id, score, data}).
  function raw(pf, query, filters) {
    return pf.search(query || null, { filters: filters }).then(function (r) {
      return r ? r.results : [];
    });
  }

  function search(query, filters) {
    query = (query || "").trim();
    filters = cleanFilters(filters);
    var hasFilters = Object.keys(filters).length > 0;
    if (!query && !hasFilters) {
      return Promise.resolve({ query: query, results: [], note: null, total: 0 });
    }
    return load().then(function (pf) {
      var used = query, noteKey = null;
      var terms = words(query);
      return Promise.all([raw(pf, query, filters), query ? loadVocabulary() : []])
        .then(function (res) {
          var hits = res[0], vocab = res[1];
          // Words that occur literally in the best pages are not typos.
          return Promise.all(hits.slice(0, 3).map(function (h) { return h.data(); }))
            .then(function (top) {
              var text = " " + top.map(function (d) { return d.content || ""; }).join(" ")
                .toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ");
              return terms.filter(function (w) { return text.indexOf(" " + w) >= 0; });
            })
            .then(function (known) { return [hits, vocab, known]; });
        })
        .then(function (res) {
          var hits = res[0];
          // 1. spelling correction against the vocabulary of titles
          var fixed = correct(terms, res[1], res[2]);
          return (fixed ? raw(pf, fixed, filters) : Promise.resolve([])).then(function (better) {
            if (!better.length) return hits;
            used = fixed;
            noteKey = "corrected";
            return merge(better, hits);
          }).then(function (hits2) {
            if (hits2.length >= MIN_RESULTS || terms.length < 2) return hits2;
            // 2. pages matching the most query words
            return Promise.all(terms.map(function (w) { return raw(pf, w, filters); }))
              .then(function (perWord) {
                var byId = {};
                perWord.forEach(function (list) {
                  list.forEach(function (h) {
                    var e = byId[h.id] || (byId[h.id] = { hit: h, n: 0, score: 0 });
                    e.n += 1;
                    e.score += h.score || 0;
                  });
                });
                var partial = Object.keys(byId).map(function (k) { return byId[k]; })
                  .sort(function (a, b) { return b.n - a.n || b.score - a.score; })
                  .map(function (e) { return e.hit; });
                if (partial.length && !hits2.length && !noteKey) noteKey = "partial";
                return merge(hits2, partial);
              });
          });
        })
        .then(function (hits) {
        return Promise.all(hits.slice(0, SHOWN).map(function (h) { return h.data(); }))
          .then(function (data) {
            return {
              query: query,
              used: used,
              note: noteKey,
              total: hits.length,
              results: data.map(function (d) {
                var title = (d.meta && d.meta.title) || d.url;
                // People and agency branches are entries (headings with ids) on region pages: when the
                // hits gather in one such section, the result opens that section.
                var section = bestSection(d, used);
                return {
                  url: section ? section.url : d.url,
                  title: section ? title + " › " + section.title : title,
                  excerpt: (section ? section.excerpt : d.excerpt) || "",
                  kind: d.filters && d.filters.kind ? d.filters.kind[0] : null
                };
              })
            };
          });
        });
    });
  }

  // The section (a sub-result under a heading with an id) a result should open: one whose heading holds every
  // word of the query ('KPU Lampung Tengah', a person's name), else one holding at least half of the page's
  // hits; none when the hits are spread over the page or sit above its first section.
  function bestSection(d, query) {
    var words = words_of(query);
    var total = (d.locations || []).length;
    var named = null, busiest = null;
    (d.sub_results || []).forEach(function (sub) {
      if (sub.url.indexOf("#") < 0 || !sub.locations) return;
      var title = " " + words_of(sub.title).join(" ") + " ";
      var all = words.length && words.every(function (w) { return title.indexOf(" " + w) >= 0; });
      if (all && (!named || sub.locations.length > named.locations.length)) named = sub;
      if (!busiest || sub.locations.length > busiest.locations.length) busiest = sub;
    });
    if (named) return named;
    return busiest && total && busiest.locations.length * 2 >= total ? busiest : null;
  }

  function words_of(text) {
    return String(text || "").toLowerCase().split(/[^0-9a-z\u00c0-\u024f]+/).filter(Boolean);
  }

  function merge(a, b) {
    var seen = {};
    a.forEach(function (h) { seen[h.id] = true; });
    return a.concat(b.filter(function (h) {
      if (seen[h.id]) return false;
      seen[h.id] = true;
      return true;
    }));
  }

  window.epdSearch = { search: search, load: load, bundle: bundle, lang: lang };

  // ------------------------------------------------------------- interface

  function isOpen() { return toggle.checked; }
  function open() {
    if (!isOpen()) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    prepare();
  }
  function close() {
    if (isOpen()) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    if (root.contains(document.activeElement)) document.activeElement.blur();
  }

  var filtersReady = false;
  function prepare() {
    load().then(function (pf) {
      if (filtersReady) return;
      filtersReady = true;
      if (!input.value) status.textContent = strings.placeholder;
      return pf.filters().then(fillFilters);
    }).catch(function () {
      status.textContent = strings.unavailable;
    });
  }

  function fillFilters(available) {
    var any = false;
    selects.forEach(function (select) {
      var values = (available && available[select.getAttribute("data-epd-filter")]) || {};
      var names = Object.keys(values).sort(function (a, b) { return a.localeCompare(b, lang); });
      names.forEach(function (name) {
        var option = document.createElement("option");
        option.value = name;
        var label = select.name === "kind" && strings.kinds && strings.kinds[name] || name;
        option.textContent = label + " (" + values[name] + ")";
        select.appendChild(option);
      });
      select.closest("label").hidden = names.length === 0;
      if (names.length) any = true;
    });
    filterBox.hidden = !any;
  }

  function currentFilters() {
    var out = {};
    selects.forEach(function (s) { if (s.value) out[s.getAttribute("data-epd-filter")] = s.value; });
    return out;
  }

  function countText(n) {
    if (n === 0) return strings.none;
    if (n === 1) return strings.one;
    return String(strings.other).replace("#", n);
  }

  var seq = 0;
  function run() {
    var my = ++seq;
    var query = input.value;
    var filters = currentFilters();
    root.setAttribute("data-epd-state", "busy");
    if (!query.trim() && !Object.keys(filters).length) {
      render({ query: "", results: [], total: 0, note: null }, true);
      return Promise.resolve();
    }
    return search(query, filters).then(function (out) {
      if (my === seq) render(out, false);
    }, function () {
      if (my !== seq) return;
      status.textContent = strings.unavailable;
      root.setAttribute("data-epd-state", "error");
    });
  }

  function render(out, empty) {
    list.textContent = "";
    note.hidden = true;
    status.textContent = empty ? strings.placeholder : countText(out.total);
    if (out.note === "corrected") {
      note.textContent = strings.corrected + " " + out.used;
      note.hidden = false;
    } else if (out.note === "partial") {
      note.textContent = strings.partial;
      note.hidden = false;
    }
    out.results.forEach(function (r) {
      var li = document.createElement("li");
      li.className = "md-search-result__item";
      var a = document.createElement("a");
      a.className = "md-search-result__link";
      a.href = r.url;
      var article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      var title = document.createElement("div");
      title.className = "epd-search-result__title";
      title.textContent = r.title;
      article.appendChild(title);
      if (r.kind && strings.kinds && strings.kinds[r.kind]) {
        var kind = document.createElement("div");
        kind.className = "epd-search-result__kind";
        kind.textContent = strings.kinds[r.kind];
        article.appendChild(kind);
      }
      var p = document.createElement("p");
      // Pagefind's excerpt is HTML-escaped page text with <mark> around hits.
      p.innerHTML = r.excerpt;
      article.appendChild(p);
      a.appendChild(article);
      li.appendChild(a);
      list.appendChild(li);
    });
    root.setAttribute("data-epd-query", out.query);
    root.setAttribute("data-epd-state", "done");
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", run);
  selects.forEach(function (s) { s.addEventListener("change", run); });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { run(); input.focus(); }, 0);
  });
  list.addEventListener("click", function (ev) {
    if (ev.target.closest("a")) close();
  });
  // The header button (a label for #__search) opens the panel: focus the box.
  toggle.addEventListener("change", function () {
    if (!isOpen()) return;
    prepare();
    if (document.activeElement !== input) input.focus();
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.metaKey || ev.ctrlKey || ev.altKey) return;
    var active = document.activeElement;
    var inField = active && (active.isContentEditable ||
      /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName));
    if (!isOpen()) {
      if ((ev.key === "/" || ev.key === "s" || ev.key === "f") && !inField) {
        ev.preventDefault();
        ev.stopPropagation();
        open();
        input.focus();
        input.select();
      }
      return;
    }
    var items = links();
    var index = items.indexOf(active);
    switch (ev.key) {
      case "Escape":
        ev.preventDefault();
        close();
        break;
      case "Enter":
        if (active === input && items.length) {
          ev.preventDefault();
          items[0].click();
        }
        break;
      case "ArrowDown":
      case "ArrowUp":
        if (active !== input && index < 0) return;
        ev.preventDefault();
        var next = ev.key === "ArrowDown" ? index + 1 : index - 1;
        if (next < 0) input.focus();
        else if (next < items.length) items[next].focus();
        break;
    }
  }, true);

  // Instant navigation swaps the page but keeps the header: close the panel.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { if (isOpen()) close(); });
  }
})();
