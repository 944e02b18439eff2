"""The search box's lexicon (generator/search_lexicon.py) and its browser side (docs/assets/javascripts/
epd-lexicon.js, run here under Node): roots of Indonesian word forms, short names and abbreviations, the
words of the pages. tests/e2e/test_search.py types the queries into the built site."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import search_lexicon
from generator.index import build_index
from generator.load import load_content
from generator.search_lexicon import root_of, words_of

LEXICON_JS = "docs/assets/javascripts/epd-lexicon.js"

# Every affix the issue names, on words of the seed articles and of the press.
FORMS = {
    "pemutakhiran": "mutakhir",  # pe-...-an, m- root (Snowball: 'putakhir')
    "memutakhirkan": "mutakhir",  # me-...-kan
    "dimutakhirkan": "mutakhir",  # di-...-kan
    "pengamanan": "aman",  # peng-...-an
    "keamanan": "aman",  # ke-...-an
    "persiapan": "siap",  # per-...-an
    "mempersiapkan": "siap",  # mem-per-...-kan
    "pemantapan": "mantap",  # pem-...-an (Snowball: 'pantap')
    "penanganan": "tangan",  # pen-...-an, t dropped (Snowball: 'angan')
    "menangani": "tangan",  # men-...-i
    "pelanggaran": "langgar",  # pe-...-an
    "berkoordinasi": "koordinasi",  # ber-
    "diawasi": "awas",  # di-...-i
    "mengawasi": "awas",  # meng-...-i (Snowball: 'awasi')
    "menyampaikan": "sampai",  # meny-...-kan, s dropped
    "pernyataannya": "nyata",  # per-...-an-nya
    "anggarannya": "anggar",  # -an-nya
}


@pytest.fixture(scope="module")
def seed_index(repo_root):
    return build_index(load_content(repo_root / "content", repo_root))


@pytest.fixture(scope="module")
def seed_lexicon(seed_index, repo_root):
    pages = {p.name: p.read_text(encoding="utf-8") for p in (repo_root / "docs" / "id").glob("*.md")}
    return {"id": search_lexicon.lexicon(seed_index, "id", pages), "en": search_lexicon.lexicon(seed_index, "en")}


@pytest.mark.parametrize("form,root", sorted(FORMS.items()))
def test_confixes_and_prefixes_reduce_to_the_root(form, root):
    assert root_of(form) == root


def test_names_and_abbreviations_are_not_reduced(seed_lexicon):
    grouped = {w for group in seed_lexicon["id"]["roots"] for stem in group[1:] for w in stem}
    roots = {group[0] for group in seed_lexicon["id"]["roots"]}
    # Sastrawi alone would make 'Pemilu' pe- + 'milu' and 'Kejari' 'kejar' + -i
    assert root_of("pemilu") == "milu" and root_of("kejari") == "kejar"
    for word in ("pemilu", "kejari", "mustakim", "lamteng", "pilkada"):
        assert word not in grouped and word not in roots


def test_the_issue_s_forms_meet_at_their_root(seed_index):
    groups = {group[0]: group[1:] for group in search_lexicon.lexicon(seed_index, "id")["roots"]}
    # 'mutakhir' is in no article (only in the methodology, which explains this); Snowball stems
    # 'pemutakhiran' to 'putakhir': the group joins them
    assert groups["mutakhir"] == [[], ["pemutakhiran"]]
    assert ["menangani"] in groups["tangan"] or any("menangani" in stem for stem in groups["tangan"])
    # roots whose forms Snowball already stems alike are left to Pagefind
    assert "aman" not in groups


def test_se_forms_stay_out_of_their_root(seed_lexicon):
    grouped = {w for group in seed_lexicon["id"]["roots"] for stem in group[1:] for w in stem}
    assert not {"sebelum", "secara", "sebagai", "sebuah"} & grouped


def test_short_names_and_abbreviations_both_ways(seed_lexicon):
    same = {phrase: tuple(s) for s in seed_lexicon["id"]["same"] for phrase in s}
    assert same["dpt"] == ("daftar pemilih tetap", "dpt")
    assert same["lamteng"] == ("lampung tengah", "lamteng")
    assert same["kades"] == ("kades", "kepala desa")
    assert same["pjs"] == ("penjabat sementara", "pjs")
    # an agency kind's abbreviation and its name, one set with the glossary's expansion
    assert same["kpu"] == ("komisi pemilihan umum", "kpu")
    en = {phrase: tuple(s) for s in seed_lexicon["en"]["same"] for phrase in s}
    assert en["kpu"] == ("general elections commission", "komisi pemilihan umum", "kpu")


def test_registry_short_names_and_glossary_terms_join_the_lexicon(content_tree):
    """A region's short names ('Kukar') and a glossary term ('Sekda') are in the lexicon as soon as the
    registries hold them; a short name made of the name's own words adds nothing."""
    def regions(data):
        data["regions"][3]["short_names"] = ["Kukar", "Sukamaju"]
        return data

    def glossary(data):
        data["terms"].append({"term": "Sekda", "expansion": "Sekretaris Daerah",
                              "definition": {"id": "Sekretaris daerah.", "en": "The regional secretary."}})
        return data

    root = content_tree({"registry/regions.yaml": regions, "registry/glossary.yaml": glossary})
    index = build_index(load_content(root / "content", root))
    same = search_lexicon.same_phrases(index, "id")
    assert ["kukar", "sukamaju"] in same
    assert ["sekda", "sekretaris daerah"] in same
    assert "kukar" in search_lexicon.name_words(index, "id")


def test_an_expansion_that_is_not_the_terms_long_form_is_not_searched_for_it(content_tree):
    """A glossary entry 'penipuan' -> 'Senen Mustakim' made every search for 'penipuan' also search the person's
    name, so their pages ranked first. check refuses it (tests/bad/cases.yaml, glossary-expansion-is-a-name); the
    lexicon never pairs such an expansion with its term either (load_content does not run check)."""
    def glossary(data):
        data["terms"].append({"term": "penipuan", "expansion": "Rahmat Hidayat",
                              "definition": {"id": "Penipuan.", "en": "Fraud."}})
        return data

    root = content_tree({"registry/glossary.yaml": glossary})
    index = build_index(load_content(root / "content", root))
    same = search_lexicon.same_phrases(index, "id")
    assert not [phrases for phrases in same if "penipuan" in phrases or "rahmat hidayat" in phrases]
    assert ["daftar pemilih tetap", "dpt"] in same


def test_words_of_the_pages_in_each_language(seed_index):
    indonesian = search_lexicon.indonesian_words(seed_index, "id")
    english = search_lexicon.indonesian_words(seed_index, "en")
    assert "pemutakhiran" in indonesian and "pemutakhiran" in english  # the archived article, on both
    # a translated summary's English is English pages' only; quote_en is never reduced as Indonesian
    assert "neutrality" not in indonesian and "neutrality" not in english


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, max_size=5))
def test_words_of_is_the_plain_definition(texts):
    """The bytes-speed tokenizer finds exactly the words a Unicode regular expression finds."""
    expected = {w for text in texts for w in re.findall(r"[^\W\d_]+", text.lower())}
    assert words_of(texts) == expected


# ---------------------------------------------------------------- the browser side, under Node

def _affixed(root: str) -> list[str]:
    """Forms of a root with the affixes the issue names, nasal prefixes assimilated as Indonesian does."""
    first = root[0]
    nasal, rest = {"l": ("", root), "m": ("", root), "n": ("", root), "r": ("", root), "w": ("", root),
                   "y": ("", root), "b": ("m", root), "f": ("m", root), "v": ("m", root), "p": ("m", root[1:]),
                   "c": ("n", root), "d": ("n", root), "j": ("n", root), "z": ("n", root), "t": ("n", root[1:]),
                   "s": ("ny", root[1:]), "k": ("ng", root[1:])}.get(first, ("ng", root))
    return [f"me{nasal}{rest}kan", f"me{nasal}{rest}i", f"pe{nasal}{rest}an", f"di{root}kan", f"di{root}i",
            f"ke{root}an", f"per{root}an", f"ber{root}", f"{root}nya", f"{root}kan", f"di{root}kannya"]


def _node(repo_root, script: str, data) -> object:
    node = shutil.which("node")
    if not node:
        pytest.fail("node is missing (on Debian: apt-get install nodejs)")
    proc = subprocess.run([node, "-e", "const L = require(process.argv[1]); const data = JSON.parse("
                           "require('fs').readFileSync(0, 'utf8'));" + script, str(repo_root / LEXICON_JS)],
                          input=json.dumps(data), capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)



def _node_reduce(repo_root, lexicon: dict, forms: list[str]) -> dict[str, str]:
    return _node(repo_root, "const lex = L.prepare(data.lexicon); const out = {};"
                 "for (const f of data.forms) out[f] = L.reduce(lex, f); process.stdout.write(JSON.stringify(out));",
                 {"lexicon": lexicon, "forms": forms})


@pytest.mark.parametrize("lang", ["id", "en"])
def test_browser_reduces_as_the_generator(repo_root, seed_lexicon, lang):
    """Every form the pages hold reduces in the browser to the generator's root; so does every affixed form
    of a root of the lexicon that the generator reduces to that root, though no page holds it."""
    lexicon = seed_lexicon[lang]
    listed = {w: group[0] for group in lexicon["roots"] for stem in group[1:] for w in stem}
    generated = {form: group[0] for group in lexicon["roots"] for form in _affixed(group[0])
                 if form not in listed and root_of(form) == group[0]}
    assert len(generated) > 50
    browser = _node_reduce(repo_root, lexicon, sorted(listed) + sorted(generated))
    expected = {**listed, **generated}
    assert {f: browser[f] for f in expected if browser[f] != expected[f]} == {}


def test_browser_variants(repo_root, seed_lexicon):
    queries = ["mutakhir data pemilih", "DPT", "daftar pemilih tetap", "Lamteng", "KPU Lamteng", "dimutakhirkan",
               "Mustakim"]
    found = _node(repo_root, "const lex = L.prepare(data.lexicon); const out = {};"
                  "for (const q of data.queries) out[q] = L.variants(lex, L.words(q));"
                  "process.stdout.write(JSON.stringify(out));", {"lexicon": seed_lexicon["id"], "queries": queries})
    out = {q: [v["query"] for v in vs] for q, vs in found.items()}
    assert out["mutakhir data pemilih"] == ["pemutakhiran data pemilih"]
    assert out["DPT"] == ["daftar pemilih tetap"]
    assert out["daftar pemilih tetap"] == ["dpt"]
    assert out["Lamteng"] == ["lampung tengah"]
    assert "kpu lampung tengah" in out["KPU Lamteng"]
    assert out["dimutakhirkan"] == ["pemutakhiran"]
    assert out["Mustakim"] == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_issue_s_forms_in_the_browser(repo_root, seed_index, seed_lexicon, lang):
    """Each of the issue's forms whose root the lexicon holds reduces in the browser to the generator's root;
    the lexicon leaves a root out only when every word of it on the language's pages stems alike, which
    Pagefind finds by itself."""
    lexicon = seed_lexicon[lang]
    held = {group[0] for group in lexicon["roots"]}
    browser = _node_reduce(repo_root, lexicon, sorted(FORMS))
    assert {form: browser[form] for form, root in FORMS.items() if root in held and browser[form] != root} == {}
    stem = search_lexicon._snowball(lang).stemWord
    stems: dict[str, set[str]] = {}
    for word in search_lexicon.indonesian_words(seed_index, lang):
        stems.setdefault(root_of(word), set()).add(stem(word))
    left_out = {root for root in FORMS.values() if root not in held and root in stems}
    assert left_out and all(len(stems[root] | {stem(root)}) == 1 for root in left_out)
    if lang == "id":
        assert held >= {"mutakhir", "mantap", "tangan", "awas"}


@pytest.fixture(scope="module")
def seed_words(seed_index):
    return sorted(search_lexicon.indonesian_words(seed_index, "id"))


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_root_groups_hold_what_they_promise(seed_words, seed_index, data):
    """Whatever words the pages hold: every grouped word reduces to its group's root, is in one list only,
    and each list is one Snowball stem, the first the root's own; a group has a word of a stem other than
    the root's."""
    words = set(data.draw(st.lists(st.sampled_from(seed_words), max_size=300)))
    proper = search_lexicon.proper_words(seed_index)
    stem = search_lexicon._snowball("id").stemWord
    seen = set()
    for root, *stems in search_lexicon.root_groups(words, "id", proper):
        assert root not in proper
        assert all(stem(w) == stem(root) for w in stems[0])
        assert any(stems[1:])
        for i, listed in enumerate(stems):
            assert listed or i == 0  # only the root's own stem may have no word on the pages
            assert all(w in words for w in listed)
            assert len({stem(w) for w in listed}) <= 1
            for w in listed:
                assert w == root or root_of(w) == root
                assert w not in seen
                seen.add(w)
        assert len({stem(ws[0]) for ws in stems if ws}) == sum(1 for ws in stems if ws)


def test_browser_corrects_misspelt_names(repo_root):
    names = ["gunungsugih", "jarwo", "khoiriah", "lubis", "lubuk", "mulia", "musa", "mustakim", "sigit", "yusuf"]
    queries = {"mustakin": "mustakim", "sigti": "sigit",  # one letter wrong, two swapped
               "mula": "mulia",  # 'musa' is one letter off too: the longer shared beginning wins
               "djarwo": "jarwo", "choiriah": "khoiriah", "jusuf": "yusuf",  # old spellings
               "gunung sugih": "gunungsugih",  # one name written as two words
               "mustak": None,  # the beginning of a name: Pagefind finds it by prefix
               "lubkx": None, "mus": None}  # too far; too short
    out = _node(repo_root, "const lex = L.prepare({names: data.names}); const out = {};"
                "for (const q of data.queries) out[q] = L.correct(lex, L.words(q), []);"
                "out.known = L.correct(lex, ['mustakin'], ['mustakin']);"
                "out.isName = [L.isName(lex, L.words('Sigit Mulia')), L.isName(lex, L.words('sigit pilkada'))];"
                "process.stdout.write(JSON.stringify(out));", {"names": names, "queries": sorted(queries)})
    assert {q: out[q] for q in queries} == queries
    assert out["known"] is None  # a word the best pages hold is not a typo
    assert out["isName"] == [True, False]


def test_browser_corrects_to_the_name_the_rest_of_the_query_found(repo_root):
    """'asmara' is as near the regency Asmat (the gazetteer's) as the name Asmoro, and shares a longer
    beginning with Asmat; but the pages 'wasiat jarwo' found hold Asmoro, so the correction is Asmoro."""
    out = _node(repo_root, "const lex = L.prepare({names: data.names}); process.stdout.write(JSON.stringify(["
                "L.correct(lex, L.words('wasiat jarwo asmara'), ['wasiat', 'jarwo'], data.near),"
                "L.correct(lex, L.words('wasiat jarwo asmara'), ['wasiat', 'jarwo'])]));",
                {"names": ["asmat", "asmoro", "jarwo", "wasiat"], "near": " ketua kpu wasiat jarwo asmoro "})
    assert out == ["wasiat jarwo asmoro", "wasiat jarwo asmat"]
