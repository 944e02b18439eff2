/*
 * Election-Prep Digest: the place finder on the home page and the regions
 * index (markup: the place_finder macro of generator/templates/_macros.md.j2;
 * data: <language root>/data/places.json, written by generator/place_finder.py).
 *
 * The form is rendered hidden: this script shows it, so a reader without
 * JavaScript meets no dead control (the regions index and the province pages
 * list every place). The list of places (about 8 kB gzipped) is fetched the
 * first time the field gets focus, once per page load.
 *
 * A query matches a place when each of its words begins a different word of
 * one of the place's names: its name, its official name ("Kabupaten
 * Pringsewu": so "Kab. Pringsewu" matches), its name with its kind in this
 * language ("Bekasi kota", "Bekasi city"), or a short name from the registry
 * ("Lamteng"). Case, diacritics and punctuation do not count. A name equal to
 * the query comes first, then names that begin with it, then the rest;
 * provinces before regencies and cities, then by name. A regency and a city
 * of the same name are both shown, each with its kind and province.
 *
 * The results are ordinary links in a list, announced by a polite status line
 * ("3 places match."): a screen reader can read and follow them as any links,
 * also by swiping on a phone. Keyboard: ArrowDown from the field moves to the
 * results, ArrowUp/ArrowDown between them (ArrowUp from the first returns to
 * the field), Enter in the field (or the phone keyboard's Go) opens the first
 * result, Escape closes the results, and a second Escape clears the field.
 *
 * Text from content (names) is set with textContent only: it is data.
 * Material's instant navigation swaps pages without running this file again:
 * every page it shows passes through document$, which sets up its finder.
 */
(function () {
  "use strict";

  var SHOWN = 8;
  var loaded = {};  // address of a places.json -> promise of its prepared places

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/['\u2018\u2019`]/g, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  function prepare(data, root) {
    var fields = data.fields || [];
    var at = {};
    fields.forEach(function (name, i) { at[name] = i; });
    var shortFrom = fields.indexOf("short_names...");
    return (data.places || []).map(function (row) {
      var place = {
        name: row[at.name], official: row[at.official_name], kind: row[at.kind],
        province: row[at.province], url: new URL(row[at.url], root).href,
        shortNames: shortFrom >= 0 ? row.slice(shortFrom) : []
      };
      var names = [{ text: place.name }, { text: place.name + " " + place.kind }];
      if (place.official) names.push({ text: place.official });
      place.shortNames.forEach(function (s) { names.push({ text: s, shortName: s }); });
      place.names = names.map(function (n) {
        var folded = fold(n.text);
        return { folded: folded, words: folded.split(" "), shortName: n.shortName || null };
      });
      return place;
    });
  }

  function load(address) {
    if (!loaded[address]) {
      var root = new URL("../", address);  // places.json is in data/, below the language's site root
      loaded[address] = fetch(address)
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (data) { return prepare(data, root); });
      loaded[address].catch(function () { delete loaded[address]; });  // the next focus tries again
    }
    return loaded[address];
  }

  // Whether every query word begins a different word of `words`.
  function wordsMatch(terms, words) {
    var used = [];
    return terms.every(function (term) {
      for (var i = 0; i < words.length; i++) {
        if (!used[i] && words[i].lastIndexOf(term, 0) === 0) { used[i] = true; return true; }
      }
      return false;
    });
  }

  // 0: a name is the query; 1: a name begins with it; 2: its words begin the name's words; -1: no match.
  function rank(place, query, terms) {
    var best = { rank: -1, shortName: null };
    place.names.forEach(function (n) {
      var r = n.folded === query ? 0 : n.folded.lastIndexOf(query, 0) === 0 ? 1 : wordsMatch(terms, n.words) ? 2 : -1;
      if (r >= 0 && (best.rank < 0 || r < best.rank)) best = { rank: r, shortName: n.shortName };
    });
    return best;
  }

  function find(places, text, lang) {
    var query = fold(text);
    if (!query) return [];
    var terms = query.split(" ");
    var found = [];
    places.forEach(function (place) {
      var m = rank(place, query, terms);
      if (m.rank >= 0) found.push({ place: place, rank: m.rank, shortName: m.shortName });
    });
    return found.sort(function (a, b) {
      return a.rank - b.rank || (a.place.province ? 1 : 0) - (b.place.province ? 1 : 0) ||
        a.place.name.localeCompare(b.place.name, lang) ||
        String(a.place.official || "").localeCompare(String(b.place.official || ""), lang) ||
        String(a.place.province || "").localeCompare(String(b.place.province || ""), lang);
    });
  }

  function setUp(form) {
    if (form.getAttribute("data-epd-ready")) return;
    form.setAttribute("data-epd-ready", "");
    var input = form.querySelector("input");
    var status = form.querySelector("[role=status]");
    var list = form.querySelector("ul");
    var strings = JSON.parse(form.getAttribute("data-epd-strings") || "{}");
    var address = new URL(form.getAttribute("data-epd-places"), window.location.href).href;
    var lang = (document.documentElement.getAttribute("lang") || "id").toLowerCase();
    var places = null;
    var state = "idle";  // then "loading", and "ready" or "failed" (the next focus tries again)

    function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

    function close() {
      list.hidden = true;
      list.replaceChildren();
    }

    function show() {
      if (!fold(input.value)) { close(); status.textContent = ""; return; }
      if (state !== "ready") { status.textContent = state === "failed" ? strings.failed : strings.loading; return; }
      var found = find(places, input.value, lang);
      list.replaceChildren.apply(list, found.slice(0, SHOWN).map(item));
      list.hidden = found.length === 0;
      var count = found.length === 0 ? strings.none : found.length === 1 ? strings.one :
        strings.other.replace("%(count)s", found.length);
      if (found.length > SHOWN) count += " " + strings.more.replace("%(shown)s", SHOWN);
      status.textContent = count;
    }

    function item(f) {
      var p = f.place;
      var link = document.createElement("a");
      link.href = p.url;
      link.className = "epd-finder__link";
      var name = document.createElement("span");
      name.className = "epd-finder__name";
      name.textContent = f.shortName ? p.name + " (" + f.shortName + ")" : p.name;
      var about = document.createElement("span");
      about.className = "epd-finder__about";
      var kind = p.kind.charAt(0).toLocaleUpperCase(lang) + p.kind.slice(1);
      about.textContent = p.province ? kind + ", " + p.province : kind;
      link.append(name, " ", about);
      var li = document.createElement("li");
      li.append(link);
      return li;
    }

    function start() {
      if (state === "loading" || state === "ready") return;
      state = "loading";
      load(address).then(function (prepared) {
        places = prepared;
        state = "ready";
        show();
      }, function () {
        state = "failed";
        show();
      });
    }

    input.addEventListener("focus", start);
    input.addEventListener("input", function () { start(); show(); });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var first = links()[0];
      if (first) first.click();
      else show();
    });
    form.addEventListener("keydown", function (ev) {
      if (ev.altKey || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
      var items = links();
      var index = items.indexOf(document.activeElement);
      var inField = document.activeElement === input;
      if (ev.key === "Escape") {
        if (list.hidden && !(inField && input.value)) return;
        ev.preventDefault();
        ev.stopPropagation();
        if (!list.hidden) close();
        else { input.value = ""; status.textContent = ""; }
        input.focus();
      } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        if (!inField && index < 0) return;
        ev.preventDefault();
        if (list.hidden) { if (ev.key === "ArrowDown") show(); return; }  // after Escape: the results again
        var next = ev.key === "ArrowDown" ? index + 1 : index - 1;
        if (next < 0) input.focus();
        else if (next < items.length) items[next].focus();
      }
    });
    form.hidden = false;
  }

  function setUpAll() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-epd-finder]"), setUp);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUpAll);  // the first page, and each page instant navigation shows
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }

  window.epdFinder = { fold: fold, find: find };  // for tests/e2e/test_finder.py
})();
