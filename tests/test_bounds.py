"""What a pull request's text can make `check` and `new` do is bounded (SECURITY.md), held here by counting work,
never by timing it: bench/bounds.py measures the time.

- check's hint for a passage not in its article reads the article's words once, and its comparisons stop at the
  article's allowance (generator/nearest.py);
- new finds the sentences of a text once, gives ids in one step each, and proposes no more statements, figures
  or attendees than a fact sheet holds, saying so in the draft.
"""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

import pytest

from fixtures import write_content_tree
from generator import draft as drafting, nearest
from generator.cli import main

TREE = Path(__file__).resolve().parent / "drafting" / "tree"
SHEET = "2024-11-08-rawa-indah-rakor-netralitas-kades"
HEAD = ("SUARA SUKAMAJU – KPU Kabupaten Sukamaju menggelar rapat koordinasi (rakor) persiapan distribusi logistik "
        "Pilkada 2024 di Aula KPU Sukamaju, Jumat (15/11/2024).\n"
        "Rakor dipimpin Ketua KPU Kabupaten Sukamaju, Rahmat Hidayat.\n")
DRAFT = "content/articles/2024-11-15-sukamaju-rakor-persiapan-distribusi-logistik.yaml"


# ---------------------------------------------------------------- check: the nearest-text hint

def test_the_hints_read_an_articles_words_once_and_compare_passages_only_with_their_stretch(tmp_path, monkeypatch,
                                                                                             capsys):
    shutil.copytree(TREE / "content", tmp_path / "content")
    source = tmp_path / "content" / "sources" / "fx-new-5.txt"
    text = source.read_text(encoding="utf-8")
    source.write_text(text * 20, encoding="utf-8")
    words = text.split()
    wrong = [" ".join([*words[i:i + 5], f"keliru{i}", *words[i + 6:i + 12]])
             for i in range(0, len(words) - 12, 3)][:40]
    sheet = tmp_path / "content" / "articles" / f"{SHEET}.yaml"
    entries = "".join(f"  - position: para camat\n    group: true\n    evidence: '{p.replace(chr(39), chr(39) * 2)}'\n"
                      for p in wrong)
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("\nattendance:\n", "\nattendance:\n" + entries, 1),
                     encoding="utf-8")
    indexed, compared = [], []
    real_init, real_seq2 = nearest.NearestText.__init__, difflib.SequenceMatcher.set_seq2
    monkeypatch.setattr(nearest.NearestText, "__init__",
                        lambda self, *args, **kw: (indexed.append(1), real_init(self, *args, **kw))[1])
    monkeypatch.setattr(difflib.SequenceMatcher, "set_seq2",
                        lambda self, b: (compared.append(len(b)), real_seq2(self, b))[1])
    assert main(["--root", str(tmp_path), "check"]) == 1
    hints = [line for line in capsys.readouterr().err.splitlines() if "keliru" in line]
    assert len(hints) == len(wrong)
    assert not any("copy the passage from content/sources/" in line for line in hints)  # each points at a word
    assert len(indexed) == 1  # one index for the article, not one reading of it per passage
    assert compared and max(compared) <= 12 + 3  # each passage against its stretch of the article, never all of it


def test_the_hints_of_one_article_stop_at_its_allowance_and_say_so():
    text = " ".join(["dan yang di untuk"] * 2000)  # every word of a passage is everywhere
    nearest_text = nearest.NearestText(text, work=50_000)
    hints = [nearest_text.hint(f"dan yang di keliru{i} untuk dan yang") for i in range(40)]
    assert hints[0] == "the article has no 'keliru0' there: it reads 'yang di untuk dan'"
    assert nearest_text.work_done <= 50_000
    assert hints[-1] == nearest.CUT_SHORT
    assert "stopped looking for the nearest text" in nearest.CUT_SHORT
    assert nearest.NearestText(text).hint("dan yang di keliru39 untuk dan yang") == \
        "the article has no 'keliru39' there: it reads 'yang di untuk dan'"  # the allowance is the article's, not the run's


def test_the_index_gives_the_hint_difflib_gave_over_the_whole_article():
    article = "Ketua KPU Sukamaju 'Rahmat' Hidayat menyebut 845 TPS sudah siap, dan 845 TPS sudah aman"
    keys = [w.replace("'", "") for w in article.split()]
    for passage in ("menyebut 845 TPS sudah aman", "Ketua KPU Sukamaju Rahmat menyebut", "845 TPS sudah siap aman",
                    "dan 845 TPS"):
        passage_keys = passage.split()
        expected = difflib.SequenceMatcher(None, passage_keys, keys, autojunk=False).find_longest_match(
            0, len(passage_keys), 0, len(keys))
        assert nearest.NearestText(article).longest_match(passage_keys) == tuple(expected)


# ---------------------------------------------------------------- new: sentences, ids and the sheet's limits

class CountingPattern:
    """A compiled pattern that counts its searches."""

    def __init__(self, pattern: re.Pattern):
        self.pattern, self.searches = pattern, 0

    def search(self, *args):
        self.searches += 1
        return self.pattern.search(*args)


def test_the_sentences_of_a_paragraph_are_found_once_for_all_its_figures(monkeypatch):
    sentences = [f"Di desa {n} ada {n + 10} TPS." for n in range(300)]
    text = HEAD + " ".join(sentences) + "\n"
    counting = CountingPattern(drafting._ABBREVIATION_END)
    monkeypatch.setattr(drafting, "_ABBREVIATION_END", counting)
    if hasattr(drafting, "Sentences"):
        drafting.Sentences.of.cache_clear()
    start = len(HEAD)
    for sentence in sentences:
        at = text.index(sentence, start)
        number = at + sentence.index("TPS")
        assert drafting.sentence_around(text, number, number + 3) == sentence
        start = at + len(sentence)
    # Each full stop of the text is looked at once or twice (as a sentence's start and its end), whatever the number
    # of figures: reading the paragraph again for each one looked at every stop before it.
    assert counting.searches <= 2 * (len(sentences) + 3)


def test_ids_are_given_in_one_step_however_often_their_base_repeats():
    ids = drafting.Ids({"kami-siap-3"})
    probes = []

    class Counting(set):
        def __contains__(self, name):
            probes.append(name)
            return super().__contains__(name)

    ids.taken = Counting(ids.taken)
    given = [ids.unique("kami-siap") for _ in range(2000)]
    assert given[:4] == ["kami-siap", "kami-siap-2", "kami-siap-4", "kami-siap-5"]
    assert len(set(given)) == 2000
    assert len(probes) <= 2 * 2000 + 2


@pytest.fixture
def tree(tmp_path):
    return write_content_tree(tmp_path / "repo"), tmp_path / "article.txt"


def draft_of(root: Path) -> str:
    return (root / DRAFT).read_text(encoding="utf-8")


def test_new_proposes_no_more_quotes_than_a_sheet_holds_and_says_so(tree, capsys):
    root, article = tree
    quotes = " ".join(f"\u201cKami siap amankan TPS nomor {n},\u201d ujar Rahmat." for n in range(drafting.STATEMENTS_LIMIT
                                                                                                     + 100))
    article.write_text(HEAD + quotes + "\n", encoding="utf-8")
    assert main(["--root", str(root), "new", str(article)]) == 0
    out = capsys.readouterr().out
    assert f"{drafting.STATEMENTS_LIMIT} quotes (the most a sheet holds: the rest are left out)" in out
    text = draft_of(root)
    statements = text.split("\nstatements:\n")[1].split("\nfigures:\n")[0]
    assert statements.count("\n  - id: ") + statements.startswith("  - id: ") == drafting.STATEMENTS_LIMIT
    assert ("# review: the article has more quotes than a fact sheet holds (500): these are the first 500, and the "
            "rest are left out; keep the ones the digest needs\nstatements:\n") in text
    assert "nomor 499," in statements and "nomor 500," not in statements
    marks = int(re.search(r"; (\d+) review marks", out).group(1))
    assert marks == text.count("# review:")


def test_new_proposes_no_more_figures_than_a_sheet_holds_and_says_so(tree, capsys):
    root, article = tree
    sentences = " ".join(f"Di desa {n} ada {n % 90 + 10} TPS." for n in range(drafting.FIGURES_LIMIT + 100))
    article.write_text(HEAD + sentences + "\n", encoding="utf-8")
    assert main(["--root", str(root), "new", str(article)]) == 0
    out = capsys.readouterr().out
    assert f"{drafting.FIGURES_LIMIT} figures (the most a sheet holds: the rest are left out)" in out
    text = draft_of(root)
    figures = text.split("\nfigures:\n")[1]
    assert figures.count("  - id: ") == drafting.FIGURES_LIMIT
    assert "# review: the article states more figures than a fact sheet holds (500): these are the first 500" in text
    assert "evidence: Di desa 499 ada" in figures and "Di desa 500 ada" not in figures
    assert int(re.search(r"; (\d+) review marks", out).group(1)) == text.count("# review:")
