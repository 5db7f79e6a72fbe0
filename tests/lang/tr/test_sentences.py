from __future__ import annotations

import pytest

from sentikit.lang.tr.sentences import split_sentences
from sentikit.lang.tr.tokenize import tokenize


def split(text: str) -> list[str]:
    toks = tokenize(text)
    sents = split_sentences(text, toks)
    # sentences cover every token once, in order, and spans match the text
    assert [i for s in sents for i in range(s.token_start, s.token_end)] == list(range(len(toks)))
    for s in sents:
        assert text[s.span[0] : s.span[1]] == s.text
        assert s.span[0] == toks[s.token_start].start and s.span[1] == toks[s.token_end - 1].end
    return [s.text for s in sents]


def test_basic() -> None:
    assert split("Film güzeldi. Oyuncular kötüydü! Neden? Bilmem.") == [
        "Film güzeldi.",
        "Oyuncular kötüydü!",
        "Neden?",
        "Bilmem.",
    ]


def test_no_space_after_period() -> None:
    assert split("korku filmi sevenler için vakit kaybı bence.Bitirmek için zor dayandım.") == [
        "korku filmi sevenler için vakit kaybı bence.",
        "Bitirmek için zor dayandım.",
    ]
    assert split("çok uyduruk olmuş.profösör rolü kötü") == [
        "çok uyduruk olmuş.",
        "profösör rolü kötü",
    ]


def test_ellipsis_and_runs() -> None:
    assert split("olmamış.... yönetmen batırmış.. keşke çekmeseydi!!! sıkıcı...") == [
        "olmamış....",
        "yönetmen batırmış..",
        "keşke çekmeseydi!!!",
        "sıkıcı...",
    ]
    assert split("... ilk cümle") == ["... ilk cümle"]


def test_emoticons_end_sentences() -> None:
    assert split("Çok güzel :) Tavsiye ederim") == ["Çok güzel :)", "Tavsiye ederim"]
    assert split("Harika film!!! :D Kesin izleyin 👍") == ["Harika film!!! :D", "Kesin izleyin 👍"]
    # followed by a lowercase word the emoticon stays inside the sentence
    assert split("güzel :) ama uzun") == ["güzel :) ama uzun"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Ali Bey geldi.", ["Dr. Ali Bey geldi."]),
        ("Prof. Dr. Ayşe Hanım anlattı.", ["Prof. Dr. Ayşe Hanım anlattı."]),
        ("Aksiyon, dram vs. hepsi var.", ["Aksiyon, dram vs. hepsi var."]),
        ("Aksiyon, dram vb. Hepsi var.", ["Aksiyon, dram vb.", "Hepsi var."]),
        ("Serinin 3. filmi daha iyi.", ["Serinin 3. filmi daha iyi."]),
        ("Yıl 2010. Film çıktı.", ["Yıl 2010.", "Film çıktı."]),
        ("M. Night Shyamalan filmi.", ["M. Night Shyamalan filmi."]),
    ],
)
def test_abbreviations_and_ordinals(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_urls_numbers_and_quotes() -> None:
    assert split("Bkz. http://www.beyazperde.com/a.html sitesi. Puan 3.5 verdim.") == [
        "Bkz. http://www.beyazperde.com/a.html sitesi.",
        "Puan 3.5 verdim.",
    ]
    assert split('Dedi ki "Çok güzel." Sonra gitti.') == ['Dedi ki "Çok güzel."', "Sonra gitti."]


def test_line_breaks_and_edge_cases() -> None:
    assert split("ilk satır\nikinci satır") == ["ilk satır", "ikinci satır"]
    assert split("") == []
    assert split("!!!") == ["!!!"]
    assert split("Bitti. ...") == ["Bitti. ..."]
    assert split("Neden?, dedi") == ["Neden?, dedi"]
