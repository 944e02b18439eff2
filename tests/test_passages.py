"""Evidence in the shape its field needs (generator/passages.py): what passes, and a property test of the rules.

The refusals, with check's exact messages, are cases in tests/bad/cases.yaml; here are the legitimate forms
(whole quotations, excerpts marked with '...', several whole sentences) and the reading of an archived text that
they rest on: its quotation marks, word edges and sentences, with the abbreviations, decimals and quoted speech
of Indonesian news.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.passages import (EVIDENCE_WORDS, STATEMENT_WORDS, inside_word, normalise, quote_problem, read_article,
                                span_problem, whole_words)

ARTICLE = (
    "Rakor Pemantapan Pilkada Bersama Kepala Desa se-Lampung Timur\n"
    "BestieIndonesiaNews.id, Sukadana – Pemerintah Kabupaten Lampung Timur menggelar rakor, Rabu, 20 November 2024.\n"
    "Rakor dipimpin Kapolres AKBP Rinaldo Aser, S.H., S.I.K., M.Si, di Aula Rupatama, pada Senin (26/08). Acara "
    "dihadiri Dr. Andi Pratama dan Jum'at H. Yusuf.\n"
    "Pemkab telah mengalokasikan anggaran sebesar Rp10,5 miliar untuk 1.621 TPS.\n"
    "\"Sampai hari ini, netralitas ASN masih terjaga. Namun, kalau ada yang melanggar akan dikenakan sanksi,\" "
    "tegasnya.\n"
    "Dia mengajak masyarakat menolak politik uang. \u201cJangan sampai ada money politics agar demokrasi di "
    "Lampung Timur dapat berjalan dengan baik dan bermartabat,\u201d tutupnya.\n"
    "Nurul mengatakan, \"Kami akan menempatkan pengawas di setiap TPS sejak pagi.\"\n"
    "Warga menyebut istilah 'serangan fajar' untuk politik uang.\n"
    "Rahmat menutup rapat. \u2018Kami siap mengawal seluruh tahapan,\u2019 katanya.(*)\n"
)
ARTICLE_TEXT = read_article(ARTICLE)


def test_the_text_read_is_the_text_normalised():
    assert ARTICLE_TEXT.text == normalise(ARTICLE)


def quotations(article) -> list[str]:
    return [article.text[q.start:q.end] for q in article.quotations]


def test_quotations_curly_straight_and_single_but_not_apostrophes():
    assert quotations(ARTICLE_TEXT) == [
        "Sampai hari ini, netralitas ASN masih terjaga. Namun, kalau ada yang melanggar akan dikenakan sanksi,",
        "Jangan sampai ada money politics agar demokrasi di Lampung Timur dapat berjalan dengan baik dan bermartabat,",
        "Kami akan menempatkan pengawas di setiap TPS sejak pagi.",
        "serangan fajar",
        "Kami siap mengawal seluruh tahapan,",
    ]  # not "Jum'at": an apostrophe between two letters


def test_a_straight_mark_inside_curly_ones_is_text_and_a_quote_left_open_runs_to_its_paragraph_end():
    article = read_article("\u201cKata \"hoaks\" sering dipakai,\u201d ujarnya.\n\u201cKami mulai besok\nLalu pulang.\n")
    assert quotations(article) == ['Kata "hoaks" sering dipakai,', "Kami mulai besok"]


@pytest.mark.parametrize("quote", [
    "Jangan sampai ada money politics agar demokrasi di Lampung Timur dapat berjalan dengan baik dan bermartabat,",
    "Jangan sampai ada money politics agar demokrasi di Lampung Timur dapat berjalan dengan baik dan bermartabat",
    "Jangan sampai ada money politics ...",  # cut at the end
    "... demokrasi di Lampung Timur dapat berjalan dengan baik dan bermartabat",  # cut at the start
    "Jangan sampai ada money politics ... berjalan dengan baik dan bermartabat,",  # a cut in the middle
    "Jangan sampai \u2026 demokrasi di Lampung Timur \u2026",  # the ellipsis character, twice
    "Sampai hari ini, netralitas ASN masih terjaga. ... akan dikenakan sanksi,",
    "Kami akan menempatkan pengawas di setiap TPS sejak pagi.",
    "Kami siap mengawal seluruh tahapan",  # single marks, used for speech
])
def test_a_whole_quotation_or_a_marked_excerpt_of_it_passes(quote):
    assert quote_problem(ARTICLE_TEXT, quote) is None


def test_a_quote_whose_quotation_holds_an_ellipsis_passes_as_written():
    article = read_article("\u201cKami sudah siap... tinggal menunggu logistik,\u201d ujarnya.\n")
    assert quote_problem(article, "Kami sudah siap... tinggal menunggu logistik,") is None
    assert quote_problem(article, "... tinggal menunggu logistik") is None


@pytest.mark.parametrize("passage, words", [
    ("Pemkab telah mengalokasikan anggaran sebesar Rp10,5 miliar untuk 1.621 TPS.", STATEMENT_WORDS),
    # several sentences, and a quotation that opens one
    ("Dia mengajak masyarakat menolak politik uang. \"Jangan sampai ada money politics agar demokrasi di Lampung "
     "Timur dapat berjalan dengan baik dan bermartabat,\" tutupnya.", STATEMENT_WORDS),
    ("Sampai hari ini, netralitas ASN masih terjaga.", STATEMENT_WORDS),  # a sentence of quoted speech
    ("Namun, kalau ada yang melanggar akan dikenakan sanksi", STATEMENT_WORDS),  # ... to where the words end
    ("Kami akan menempatkan pengawas di setiap TPS sejak pagi.", STATEMENT_WORDS),  # speech after 'mengatakan,'
    ("Pemerintah Kabupaten Lampung Timur menggelar rakor, Rabu, 20 November 2024.", STATEMENT_WORDS),  # a dateline
    ("Rakor dipimpin Kapolres AKBP Rinaldo Aser, S.H., S.I.K., M.Si, di Aula Rupatama, pada Senin (26/08). Acara "
     "dihadiri Dr. Andi Pratama dan Jum'at H. Yusuf.", STATEMENT_WORDS),  # 'S.H.', 'Dr.', 'H.' end no sentence
    ("Rahmat menutup rapat.", STATEMENT_WORDS),
    ("'Kami siap mengawal seluruh tahapan,' katanya.", STATEMENT_WORDS),  # before the '(*)' of the end
])
def test_whole_sentences_pass(passage, words):
    assert span_problem(ARTICLE_TEXT, normalise(passage), "a paraphrase's evidence", words, sentences=True) is None


@pytest.mark.parametrize("passage, where", [
    ("Andi Pratama dan Jum'at H. Yusuf.", "starts inside a sentence"),  # 'Dr.' is not a sentence's end
    ("Yusuf.", "starts inside a sentence"),
    ("S.I.K., M.Si, di Aula Rupatama, pada Senin (26/08).", "starts inside a sentence"),
    ("netralitas ASN masih terjaga.", "starts inside a sentence"),
    ("Pemkab telah mengalokasikan anggaran sebesar Rp10,5 miliar", "ends inside a sentence"),
    ("Dia mengajak masyarakat menolak politik uang. \"Jangan sampai", "ends inside a sentence"),
])
def test_part_of_a_sentence_is_refused(passage, where):
    refusal = span_problem(ARTICLE_TEXT, normalise(passage), "a paraphrase's evidence", 1, sentences=True)
    assert refusal is not None and where in refusal.message


@pytest.mark.parametrize("passage, word", [
    ("5 miliar untuk 1.621 TPS", "Rp10,5"), ("621 TPS", "1.621"), ("at H. Yusuf", "Jum'at"),
    ("Lampung Timur BestieIndonesiaNews.id", "se-Lampung"), ("H., S.I.K.", "S.H"),
])
def test_a_passage_starting_inside_a_word_names_the_word(passage, word):
    refusal = span_problem(ARTICLE_TEXT, normalise(passage), "evidence", 1)
    assert refusal is not None and f"starts inside the word {word!r}" in refusal.message


def test_a_short_name_or_number_may_be_a_field_copied_as_written_but_not_evidence():
    assert span_problem(ARTICLE_TEXT, "Rp10,5", "the venue", 1) is None
    refusal = span_problem(ARTICLE_TEXT, "Rp10,5", "evidence", EVIDENCE_WORDS)
    assert refusal is not None and refusal.message == "expected at least 2 words for evidence, received 1: 'Rp10,5'"


def test_a_term_in_quotation_marks_is_not_a_quote():
    refusal = quote_problem(ARTICLE_TEXT, "serangan fajar")
    assert refusal is not None and refusal.message.startswith("expected a quote of at least 3 words, received 2")


# ---------------------------------------------------------------- property: the rules over generated articles

WORD = st.sampled_from(["Kami", "siap", "mengawal", "tahapan", "Pilkada", "2024", "Rp10,5", "1.621", "TPS", "desa",
                        "masing-masing", "Jum'at", "S.H.,", "aman,", "damai.", "di", "Lampung", "Timur", "(DPT)"])


@st.composite
def articles(draw):
    """An article with narration, then one quotation of several words, then its attribution; and the quotation."""
    before = draw(st.lists(WORD, min_size=1, max_size=8))
    quoted = draw(st.lists(WORD, min_size=4, max_size=14))
    marks = draw(st.sampled_from([("\u201c", "\u201d"), ('"', '"')]))
    comma = draw(st.sampled_from(["", ","]))
    text = (" ".join(before) + ". " + marks[0] + " ".join(quoted) + comma + marks[1] + " ujarnya.\n")
    return text, quoted, comma


@settings(max_examples=300, deadline=None)
@given(articles(), st.data())
def test_any_whole_quotation_and_any_marked_excerpt_of_whole_words_passes(generated, data):
    text, quoted, comma = generated
    article = read_article(text)
    assert quote_problem(article, " ".join(quoted) + comma) is None
    assert quote_problem(article, " ".join(quoted)) is None
    # an excerpt: pieces of whole words in order, '...' wherever words are left out (at least 3 words kept)
    keep = data.draw(st.lists(st.booleans(), min_size=len(quoted), max_size=len(quoted)))
    if sum(keep) < 3:
        return
    parts, gap = [], False
    for word, kept in zip(quoted, keep):
        if kept:
            if gap:
                parts.append("...")
            parts.append(word)
        gap = not kept
    if not keep[-1]:
        parts.append("...")
    assert quote_problem(article, " ".join(parts)) is None, " ".join(parts)


@settings(max_examples=300, deadline=None)
@given(articles(), st.data())
def test_any_passage_starting_inside_a_word_is_refused(generated, data):
    text, quoted, comma = generated
    article = read_article(text)
    plain = article.text
    inside = [i for i in range(1, len(plain)) if inside_word(plain, i)]
    start = data.draw(st.sampled_from(inside)) if inside else None
    if start is None:
        return
    end = data.draw(st.integers(min_value=start + 1, max_value=len(plain)))
    end = whole_words(plain, end, end)[1]
    passage = plain[start:end].strip()
    if not passage or plain.find(passage) != start or plain.find(passage, start + 1) >= 0:
        return  # it also occurs elsewhere, where it may be whole words
    assert quote_problem(article, passage) is not None
    refusal = span_problem(article, passage, "evidence", 1)
    assert refusal is not None and "inside the word" in refusal.message


def test_an_excerpt_links_to_the_paragraph_it_is_cut_from():
    from generator.render import _paragraph_of

    assert _paragraph_of(ARTICLE, "Jangan sampai ada money politics ... dengan baik dan bermartabat,") == 6
    assert _paragraph_of(ARTICLE, "Jangan sampai ada money politics agar demokrasi di Lampung Timur dapat berjalan "
                                  "dengan baik dan bermartabat,") == 6
