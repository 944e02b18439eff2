/*
 * Election-Prep Digest: what the search box makes of a query with the lexicon the generator writes
 * (epd-vocabulary-<lang>.json beside the Pagefind bundle; generator/search_lexicon.py). No page, no
 * Pagefind: epd-search.js uses it in the browser (window.epdLexicon), tests/test_search_lexicon.py
 * under Node (module.exports).
 *
 *   prepare(file)          the file's {names, roots, same} made into lookups
 *   reduce(lex, word)      the root of a word form: the generator's, for every word the pages hold;
 *                          for another form, the first root of the lexicon found by stripping
 *                          Indonesian affixes in Sastrawi's order (particle, possessive, suffix, then
 *                          up to three prefixes, nasal prefixes restoring the root's first letter);
 *                          else the word itself
 *   variants(lex, terms)   other ways of writing the query, fewest changes first: a short name or an
 *                          abbreviation for its long form and back, a word for one word of each other
 *                          stem of its root (the stems are Pagefind's, which are Snowball's)
 *   correct(lex, terms, known, near)  the query with misspelt names corrected, or null; `near`, the text
 *                          of the pages the query found, is where the name it means most likely stands
 *   isName(lex, terms)     whether every word of the query is a word of a name
 */
(function (exports) {
  "use strict";

  var MAX_VARIANTS = 6;
  // First letters that old or variant spellings swap (Jusuf / Yusuf, Cik / Kik, Arif / Arip, Vivi / Fifi).
  var ALIKE = { jy: 1, yj: 1, ck: 1, kc: 1, fp: 1, pf: 1, vf: 1, fv: 1 };

  function words(query) {
    return String(query || "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // The file: {names: [word], roots: [[root, [words of the root's own stem], [words of another stem], ...]],
  // same: [[phrase, phrase, ...]]}. Made into: names (a list and a set), forms (word -> its root's group
  // and which of the group's lists holds it) and phrases (first word -> phrases, longest first).
  function prepare(data) {
    data = data || {};
    var forms = new Map();
    (data.roots || []).forEach(function (entry) {
      var group = { root: entry[0], stems: entry.slice(1) };
      group.stems.forEach(function (list, i) {
        list.forEach(function (w) { forms.set(w, { group: group, stem: i }); });
      });
      if (!forms.has(group.root)) forms.set(group.root, { group: group, stem: 0 });
    });
    var phrases = new Map();
    (data.same || []).forEach(function (set) {
      set.forEach(function (phrase) {
        var ws = phrase.split(" ");
        if (!phrases.has(ws[0])) phrases.set(ws[0], []);
        phrases.get(ws[0]).push({ words: ws, set: set });
      });
    });
    phrases.forEach(function (found) {
      found.sort(function (a, b) { return b.words.length - a.words.length; });
    });
    var names = data.names || [];
    return { names: names, nameSet: new Set(names), forms: forms, phrases: phrases };
  }

  // ---------------------------------------------------------------- roots

  var VOWEL = /^[aiueo]/;

  // What one derivational prefix may leave of a word, most likely first (Sastrawi's disambiguation rules,
  // without the dictionary: every reading is returned and the lexicon picks).
  function unprefixed(w) {
    var out = [], m;
    function add(s) { if (s.length >= 2) out.push(s); }
    if ((m = /^(di|ke|se)(.+)$/.exec(w))) add(m[2]);
    if ((m = /^(ber|ter|per)(.+)$/.exec(w))) { add(m[2]); if (VOWEL.test(m[2])) add("r" + m[2]); }
    if ((m = /^(be|te|pe)([^aiueor].+)$/.exec(w))) add(m[2]);  // bekerja, terlibat is ter-
    if ((m = /^(bel|pel)(ajar.*)$/.exec(w))) add(m[2]);
    if ((m = /^(me|pe)ny([aiueo].*)$/.exec(w))) add("s" + m[2]);
    if ((m = /^(me|pe)ng(e)?(.+)$/.exec(w))) {
      var rest = (m[2] || "") + m[3];
      if (VOWEL.test(rest)) { add(rest); add("k" + rest); } else add(rest);
      if (m[2]) add(m[3]);  // menge-: mengebom, pengecat
    }
    if ((m = /^(me|pe)m([aiueo].*)$/.exec(w))) { add("m" + m[2]); add("p" + m[2]); }
    if ((m = /^(me|pe)m([bfpv].*)$/.exec(w))) add(m[2]);
    if ((m = /^(me|pe)n([aiueo].*)$/.exec(w))) { add("n" + m[2]); add("t" + m[2]); }
    if ((m = /^(me|pe)n([cdjstz].*)$/.exec(w))) add(m[2]);
    if ((m = /^(me|pe)([lmnrwy].*)$/.exec(w))) add(m[2]);
    return out;
  }

  // The word without its suffixes, fewest removed first: the particle (-lah, -kah, -tah, -pun), then the
  // possessive (-ku, -mu, -nya), then the derivational suffix (-kan, -an, -i); -kan is also read as -an
  // after a root ending in k (kecetakan: ke- + cetak + -an), as Sastrawi does when it puts a suffix back.
  function unsuffixed(w) {
    var out = [], m;
    if ((m = /^(.{3,})(lah|kah|tah|pun)$/.exec(w))) out.push(w = m[1]);
    if ((m = /^(.{3,})(ku|mu|nya)$/.exec(w))) out.push(w = m[1]);
    if ((m = /^(.{3,})kan$/.exec(w))) out.push(m[1], m[1] + "k");
    else if ((m = /^(.{3,})(an|i)$/.exec(w))) out.push(m[1]);
    return out;
  }

  function reduce(lex, word) {
    var w = String(word || "").toLowerCase();
    var form = lex.forms.get(w);
    if (form) return form.group.root;
    if (w.length < 4) return w;
    // Breadth first: fewer affixes before more, the suffix removed before it is kept.
    var seen = new Set([w]), level = [w];
    for (var depth = 0; depth < 4 && level.length; depth++) {
      var next = [];
      for (var i = 0; i < level.length; i++) {
        var readings = [];
        if (depth === 0) {
          var stems = unsuffixed(level[i]);
          readings = stems.concat(unprefixed(level[i]));
          stems.forEach(function (s) { readings = readings.concat(unprefixed(s)); });
        } else {
          readings = unprefixed(level[i]);
        }
        for (var j = 0; j < readings.length; j++) {
          var r = readings[j];
          if (seen.has(r)) continue;
          seen.add(r);
          var hit = lex.forms.get(r);
          if (hit && hit.group.root === r) return r;
          next.push(r);
        }
      }
      level = next;
    }
    return w;
  }

  // ---------------------------------------------------------------- variants

  function variants(lex, terms) {
    var slots = [];
    for (var i = 0; i < terms.length;) {
      var at = i;
      var phrase = (lex.phrases.get(terms[i]) || []).filter(function (p) {
        return p.words.every(function (w, k) { return terms[at + k] === w; });
      })[0];
      if (phrase) {
        var typed = phrase.words.join(" ");
        slots.push({ kind: "same", options: [phrase.words].concat(phrase.set.filter(function (p) {
          return p !== typed;
        }).map(function (p) { return p.split(" "); })) });
        i += phrase.words.length;
        continue;
      }
      var options = [[terms[i]]];
      var form = lex.forms.get(terms[i]);
      if (!form && terms[i].length >= 4) {
        var r = reduce(lex, terms[i]);
        // a form the pages do not hold: its own stem is unknown, so every stem of its root is searched
        if (r !== terms[i]) form = { group: lex.forms.get(r).group, stem: -1 };
      }
      if (form) {
        form.group.stems.forEach(function (stem, k) {
          if (k !== form.stem && stem.length && stem[0] !== terms[i]) options.push([stem[0]]);
        });
      }
      slots.push({ kind: "root", options: options });
      i += 1;
    }
    var out = [];
    (function walk(k, chosen, changed, kind) {
      if (out.length >= 8 * MAX_VARIANTS) return;
      if (k === slots.length) {
        if (changed) out.push({ query: chosen.join(" "), kind: kind, changed: changed });
        return;
      }
      slots[k].options.forEach(function (option, j) {
        walk(k + 1, chosen.concat(option), changed + (j ? 1 : 0), j && kind !== "same" ? slots[k].kind : kind);
      });
    })(0, [], 0, null);
    out.sort(function (a, b) { return a.changed - b.changed; });
    return out.slice(0, MAX_VARIANTS).map(function (v) { return { query: v.query, kind: v.kind }; });
  }

  // ---------------------------------------------------------------- misspelt names

  // Old and variant spellings of Indonesian names, written one way.
  function fold(word) {
    return word.replace(/dj/g, "j").replace(/tj/g, "c").replace(/sj/g, "sy").replace(/oe/g, "u")
      .replace(/ch/g, "kh").replace(/ph/g, "f");
  }

  // Edit distance with a swap of neighbouring letters as one edit (optimal string alignment), giving up
  // above `max`.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var before = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (before && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          cur[j] = Math.min(cur[j], before[j - 2] + 1);
        }
        if (cur[j] < best) best = cur[j];
      }
      if (best > max) return max + 1;
      before = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  // The nearest name word to a word of 4+ letters (no digits) that is neither `known` (found literally
  // in the best pages) nor a name word or its prefix: at most 1 edit for 4-5 letters, 2 for longer,
  // old spellings folded, the first letter the same (or alike); null when none is near enough.
  function nearestName(lex, w, known, near) {
    if (w.length < 4 || /\d/.test(w) || known.indexOf(w) >= 0) return null;
    if (lex.nameSet.has(w) || lex.names.some(function (v) { return v.indexOf(w) === 0; })) return null;
    var max = w.length <= 5 ? 1 : 2, f = fold(w), best = null, bestKey = null;
    lex.names.forEach(function (v) {
      var fv = fold(v);
      if (v[0] !== w[0] && !ALIKE[w[0] + v[0]] && fv[0] !== f[0]) return;
      var d = distance(f, fv, max);
      if (d > max) return;
      // a name on the pages the rest of the query found first ('wasiat jarwo asmara' is Asmoro, whose
      // pages those are, not the regency Asmat), then the nearest, then the one sharing the longest
      // beginning (a letter left out or doubled is the commonest slip: 'mula' is 'mulia' before 'musa'),
      // then the closest in length
      var onPage = near && near.indexOf(" " + v + " ") >= 0 ? 0 : 1;
      var key = [onPage, d, -commonStart(w, v), Math.abs(v.length - w.length), distance(w, v, max + 2)];
      if (!bestKey || less(key, bestKey)) { best = v; bestKey = key; }
    });
    return best;
  }

  function commonStart(a, b) {
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
  }

  function less(a, b) {
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
    return false;
  }

  function correct(lex, terms, known, near) {
    var out = [], changed = false;
    for (var i = 0; i < terms.length; i++) {
      var w = terms[i];
      // two words that make one name when joined ('gunung sugih' for 'Gunungsugih')
      if (i + 1 < terms.length && !lex.nameSet.has(w) && lex.nameSet.has(w + terms[i + 1])) {
        out.push(w + terms[i + 1]);
        changed = true;
        i += 1;
        continue;
      }
      var fixed = nearestName(lex, w, known || [], near || "");
      if (fixed) changed = true;
      out.push(fixed || w);
    }
    return changed ? out.join(" ") : null;
  }

  // Whether a query is a name: every word of 3+ letters is a word of the lexicon's names.
  function isName(lex, terms) {
    var long = terms.filter(function (w) { return w.length >= 3; });
    return long.length > 0 && long.every(function (w) { return lex.nameSet.has(w); });
  }

  exports.words = words;
  exports.isName = isName;
  exports.prepare = prepare;
  exports.reduce = reduce;
  exports.variants = variants;
  exports.correct = correct;
  exports.distance = distance;
  exports.MAX_VARIANTS = MAX_VARIANTS;
})(typeof module === "object" && module.exports ? module.exports : (window.epdLexicon = {}));
