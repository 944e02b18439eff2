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
 * The lexicon (epd-vocabulary-<lang>.json, written by
 * generator/search_lexicon.py next to the bundle, a few kB, read by
 * epd-lexicon.js) adds what Pagefind's stemmer cannot know:
 *   1. other forms: the query is also searched with
 *      - a short name or an abbreviation for its long form and back
 *        ("lamteng" <-> "lampung tengah", "dpt" <-> "daftar pemilih tetap",
 *        from the regions', places', operations' and agency kinds' registries
 *        and the glossary);
 *      - a word of the same root that Snowball stems differently (the roots
 *        come from Sastrawi, a dictionary stemmer, at build time: "mutakhir"
 *        -> "pemutakhiran", which Snowball stems to "putakhir"; a form no
 *        page holds, "dimutakhirkan", is reduced by stripping affixes until
 *        a root of the lexicon is left).
 *      At most MAX_VARIANTS such queries run beside the query as typed. A
 *      page's score is its own plus what the other forms found of it
 *      (weighted by WEIGHT), so a page holding the words as typed stays above
 *      one found only through another form;
 *   2. correction of a misspelt name: each query word of 4+ letters (no
 *      digits) that does not occur literally (as a word or word prefix) in the
 *      text of the three best pages and is not a word or word prefix of the
 *      lexicon's names (people, regions, places, agencies, operations, topics,
 *      elections, glossary terms, meeting titles) is replaced by the nearest
 *      name word, at edit distance at most 1 (words of 4-5 letters) or 2
 *      (longer), a swap of two letters counting as one edit; old and variant
 *      spellings count as the same (dj = j, tj = c, oe = u, ch = kh, sj = sy,
 *      ph = f), and the first letter must agree (or be j/y, c/k, f/p, v/f).
 *      Two words that make one name when joined ("gunung sugih") are joined.
 *      If the corrected query finds pages, they come first, followed by the
 *      others, and a note shows the corrected query ("Results for: ...").
 *      Pagefind 1.5's own approximate matching finds pages for most typos, but
 *      ranks pages that contain the other, correctly spelt words first; the
 *      correction puts the named page on top;
 *   3. partial match: if the query as typed (or corrected) found fewer than
 *      MIN_RESULTS pages and has 2+ words, each word is searched alone; pages
 *      holding every word come first, then the others, the rest after them,
 *      ranked by how many of the words they match;
 *   4. a name: when every word of the query is a word of the lexicon's names,
 *      the shown results whose title or a heading holds every word of it come
 *      first (Pagefind ranks words, not phrases: a page naming three people
 *      who share the words of one name can outrank the entry of that person).
 *
 * window.epdSearch.search(query, filters) runs exactly what the interface
 * runs and resolves to {query, results: [{url, title, excerpt}], note, total}
 * (used by tests/e2e/test_search.py and tests/search_metrics.py);
 * window.epdSearch.reduce(word) and .variants(query) show what the lexicon
 * makes of a word and of a query (tests/e2e/test_search.py compares them with
 * the generator's).
 */
(function () {
  "use strict";

  var MIN_RESULTS = 3;
  var SHOWN = 10;
  // What a page found only through another form of the query counts of its score: a short name is the
  // same name; another word of the root is a little less than the word typed.
  var WEIGHT = { same: 1, root: 0.8 };
  var lexiconTools = window.epdLexicon;  // epd-lexicon.js

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

  var lexicon = null;
  function loadLexicon() {
    if (!lexicon) {
      lexicon = fetch(bundle + "epd-vocabulary-" + lang + ".json")
        .then(function (r) { return r.ok ? r.json() : {}; })
        .catch(function () { return {}; })
        .then(lexiconTools.prepare);
    }
    return lexicon;
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

  // The hits of the query and of its other forms, as one ranked list of {id, score, data, query}: a page's
  // score is the sum of its weighted scores; `query` is the form that found it best (its words choose the
  // section a result opens).
  function combine(found) {
    var byId = new Map();
    found.forEach(function (f) {
      f.hits.forEach(function (h) {
        var s = (h.score || 0) * f.weight;
        var e = byId.get(h.id);
        if (!e) byId.set(h.id, e = { id: h.id, score: 0, data: h.data, query: f.query, best: -1 });
        e.score += s;
        if (s > e.best) { e.best = s; e.query = f.query; }
      });
    });
    return Array.from(byId.values()).sort(function (a, b) { return b.score - a.score; });
  }

  // Query words that occur literally in the text of the three best pages (words, not typos), and that
  // text, in which the correction prefers the name the rest of the query found.
  function knownWords(hits, terms) {
    return Promise.all(hits.slice(0, 3).map(function (h) { return h.data(); })).then(function (top) {
      var text = " " + top.map(function (d) { return d.content || ""; }).join(" ")
        .toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ") + " ";
      return { known: terms.filter(function (w) { return text.indexOf(" " + w) >= 0; }), text: text };
    });
  }

  function search(query, filters) {
    query = (query || "").trim();
    filters = cleanFilters(filters);
    var hasFilters = Object.keys(filters).length > 0;
    if (!query && !hasFilters) {
      return Promise.resolve({ query: query, results: [], note: null, total: 0 });
    }
    return Promise.all([load(), query ? loadLexicon() : lexiconTools.prepare({})]).then(function (ready) {
      var pf = ready[0], lex = ready[1];
      var used = query, noteKey = null;
      var terms = lexiconTools.words(query);
      var found = [{ query: query, weight: 1 }].concat(lexiconTools.variants(lex, terms).map(function (v) {
        return { query: v.query, weight: WEIGHT[v.kind] };
      }));
      // 1. the query as typed and its other forms, at once
      return Promise.all(found.map(function (f) { return raw(pf, f.query, filters); }))
        .then(function (lists) {
          found.forEach(function (f, i) { f.hits = lists[i]; });
          var hits = combine(found);
          return knownWords(lists[0], terms).then(function (near) {
            // 2. spelling correction against the lexicon's names
            var fixed = lexiconTools.correct(lex, terms, near.known, near.text);
            return (fixed ? raw(pf, fixed, filters) : Promise.resolve([])).then(function (better) {
              if (!better.length) return { hits: hits, typed: lists[0] };
              used = fixed;
              noteKey = "corrected";
              return { hits: merge(combine([{ query: fixed, weight: 1, hits: better }]), hits), typed: better };
            });
          });
        })
        .then(function (res) {
          var hits2 = res.hits;
          if (res.typed.length >= MIN_RESULTS || terms.length < 2) return hits2;
          // 3. pages matching the most query words
          return Promise.all(terms.map(function (w) { return raw(pf, w, filters); }))
            .then(function (perWord) {
              var byId = {};
              perWord.forEach(function (found, i) {
                found.forEach(function (h) {
                  var e = byId[h.id] || (byId[h.id] = { hit: { id: h.id, data: h.data, query: terms[i] }, n: 0, score: 0 });
                  e.n += 1;
                  e.score += h.score || 0;
                });
              });
              var partial = Object.keys(byId).map(function (k) { return byId[k]; })
                .sort(function (a, b) { return b.n - a.n || b.score - a.score; });
              var every = partial.filter(function (e) { return e.n === terms.length; }).map(function (e) { return e.hit; });
              var typed = {};
              res.typed.forEach(function (h) { typed[h.id] = true; });
              if (partial.length && !hits2.length && !noteKey) noteKey = "partial";
              // what the query (or its correction) found, then pages holding every word, then what only the
              // query's other forms found, then the pages holding some of the words
              return merge(merge(merge(hits2.filter(function (h) { return typed[h.id]; }), every),
                                 hits2), partial.map(function (e) { return e.hit; }));
            });
        })
        .then(function (hits) {
          var shown = hits.slice(0, SHOWN);
          return Promise.all(shown.map(function (h) { return h.data(); }))
            .then(function (data) {
              var results = data.map(function (d, i) {
                var title = (d.meta && d.meta.title) || d.url;
                // People and agency branches are entries (headings with ids) on region pages: when the
                // hits gather in one such section, the result opens that section.
                var queries = [used, shown[i].query || used];
                var section = bestSection(d, queries);
                return {
                  url: section ? section.url : d.url,
                  title: section ? title + " › " + section.title : title,
                  excerpt: (section ? section.excerpt : d.excerpt) || "",
                  kind: d.filters && d.filters.kind ? d.filters.kind[0] : null,
                  named: named(title, d, queries)
                };
              });
              // 4. a name: the results whose title or a heading holds the whole name come first (a region's
              // page with the person's entry before pages that name three other people sharing its words)
              if (lexiconTools.isName(lex, lexiconTools.words(used))) {
                results = results.filter(function (r) { return r.named; })
                  .concat(results.filter(function (r) { return !r.named; }));
              }
              return {
                query: query,
                used: used,
                note: noteKey,
                total: hits.length,
                results: results.map(function (r) {
                  return { url: r.url, title: r.title, excerpt: r.excerpt, kind: r.kind };
                })
              };
            });
        });
    });
  }

  function holdsAll(text, words) {
    var padded = " " + words_of(text).join(" ") + " ";
    return words.length > 0 && words.every(function (w) { return padded.indexOf(" " + w + " ") >= 0; });
  }

  // Whether the page's title or one of its headings holds every word of one of the queries.
  function named(title, d, queries) {
    return queries.some(function (q) {
      var words = words_of(q);
      return holdsAll(title, words) || (d.sub_results || []).some(function (sub) { return holdsAll(sub.title, words); });
    });
  }

  // The section (a sub-result under a heading with an id) a result should open: one whose heading holds every
  // word of the query ('KPU Lampung Tengah', a person's name) or, failing that, of the other form that found
  // the page ('KPU Lamteng'), else one holding at least half of the page's hits; none when the hits are
  // spread over the page or sit above its first section.
  function bestSection(d, queries) {
    var total = (d.locations || []).length;
    var subs = (d.sub_results || []).filter(function (sub) { return sub.url.indexOf("#") >= 0 && sub.locations; });
    for (var q = 0; q < queries.length; q++) {
      var words = words_of(queries[q]), named = null;
      subs.forEach(function (sub) {
        var title = " " + words_of(sub.title).join(" ") + " ";
        var all = words.length && words.every(function (w) { return title.indexOf(" " + w) >= 0; });
        if (all && (!named || sub.locations.length > named.locations.length)) named = sub;
      });
      if (named) return named;
    }
    var busiest = null;
    subs.forEach(function (sub) {
      if (!busiest || sub.locations.length > busiest.locations.length) busiest = sub;
    });
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

  window.epdSearch = {
    search: search, load: load, bundle: bundle, lang: lang,
    reduce: function (word) { return loadLexicon().then(function (lex) { return lexiconTools.reduce(lex, word); }); },
    variants: function (query) {
      return loadLexicon().then(function (lex) { return lexiconTools.variants(lex, lexiconTools.words(query)); });
    }
  };

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
