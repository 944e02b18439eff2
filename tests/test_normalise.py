"""Evidence matching normalises text (generator.verify.normalise): its fast form equals its definition."""

from __future__ import annotations

import random
import re

from generator.verify import normalise

# The definition: curly quotes and primes made straight, no-break and thin spaces made spaces, then every
# run of whitespace (regex \s, which follows str.isspace) made one space, and the ends trimmed.
_DEFINITION = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                             "\u00ab": '"', "\u00bb": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'",
                             "\u201b": "'", "\u2032": "'", "\u00a0": " ", "\u2009": " ", "\u202f": " "})


def definition(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_DEFINITION)).strip()


# Letters, every kind of whitespace Unicode knows (and two look-alikes that are not), every quote mark mapped.
ALPHABET = ("ab \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u00a0\u1680\u2000\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
            "\u200b\ufeff\u201c\u201d\u2018\u2019\u00ab\u00bb\u2032\u2033\u201a\u201b\u201e\u201f\"'")


def test_normalise_equals_its_definition():
    rng = random.Random(7)
    texts = ["", " ", "“Kami siap,” kata Ketua KPU.\u00a0\n\n Pemilu\u20092024 ", "‘a’  «b»\t\u2032\u2033"]
    texts += ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 14))) for _ in range(20000)]
    assert [t for t in texts if normalise(t) != definition(t)] == []
