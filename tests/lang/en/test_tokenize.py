"""Tests of the fast English tokenizer and sentence splitter."""

from __future__ import annotations

import csv
import random

import pytest

from sentikit.errors import InputError
from sentikit.lang import chunks
from sentikit.lang.en.tokenize import (
    classify,
    normalize,
    paragraph_starts,
    scan,
    split_sentences,
    terms,
    token_columns,
    tokenize,
)
from sentikit.paths import data_root


def texts_of(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def sents_of(text: str) -> list[str]:
    return [s.text for s in split_sentences(text, tokenize(text))]


def assert_well_formed(text: str) -> None:
    toks = tokenize(text)
    prev_end = 0
    for t in toks:
        assert text[t.start : t.end] == t.text
        assert prev_end <= t.start < t.end
        assert text[prev_end : t.start].strip() == ""  # nothing but whitespace is skipped
        prev_end = t.end
    assert text[prev_end:].strip() == ""


# --- clitics ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("don't", ["do", "n't"]),
        ("it's", ["it", "'s"]),
        ("can't", ["ca", "n't"]),
        ("won't", ["wo", "n't"]),
        ("cannot", ["can", "not"]),
        ("Cannot", ["Can", "not"]),
        (
            "I'm you're we've they'll he'd",
            ["I", "'m", "you", "'re", "we", "'ve", "they", "'ll"] + ["he", "'d"],
        ),
        ("wouldn't've", ["would", "n't", "'ve"]),
        ("the film's end", ["the", "film", "'s", "end"]),
        ("don’t", ["do", "n’t"]),
        ("y'all o'clock rock'n'roll", ["y'all", "o'clock", "rock'n'roll"]),
    ],
)
def test_clitics_split_ptb_style(text: str, expected: list[str]) -> None:
    assert texts_of(text) == expected


def test_clitic_host_norms() -> None:
    toks = tokenize("I can't, won't and WON'T; the ca in 'ca' stays")
    norms = [t.norm for t in toks]
    assert norms[1:3] == ["can", "n't"]
    assert norms[4:6] == ["will", "n't"]
    assert norms[7:9] == ["will", "n't"]
    assert "ca" in norms  # a lone "ca" is not rewritten
    assert tokenize("don’t")[1].norm == "n't"  # curly apostrophe normalized


def test_pretokenized_corpus_text() -> None:
    text = "it 's a sweet , funny film . do n't miss it"
    assert texts_of(text) == ["it", "'s", "a", "sweet", ",", "funny", "film", ".", "do", "n't"] + [
        "miss",
        "it",
    ]
    assert texts_of("it's a sweet , funny film .") == texts_of("it 's a sweet , funny film .")


def test_ptb_escapes() -> None:
    toks = tokenize("-lrb- really -rrb- ``great'' -LSB- x -RSB-")
    assert [(t.text, t.norm, t.kind) for t in toks] == [
        ("-lrb-", "(", "punct"),
        ("really", "really", "word"),
        ("-rrb-", ")", "punct"),
        ("``", '"', "punct"),
        ("great", "great", "word"),
        ("''", '"', "punct"),
        ("-LSB-", "[", "punct"),
        ("x", "x", "word"),
        ("-RSB-", "]", "punct"),
    ]


# --- kinds ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "token", "kind"),
    [
        ("see http://example.com/a?b=1.", "http://example.com/a?b=1", "url"),
        ("go to www.imdb.com/title/tt1 now", "www.imdb.com/title/tt1", "url"),
        ("on netflix.com today", "netflix.com", "url"),
        ("mail me@example.org.", "me@example.org", "url"),
        ("thanks @john_doe!", "@john_doe", "mention"),
        ("#BestMovieEver is it", "#BestMovieEver", "hashtag"),
        ("great :) really", ":)", "emoticon"),
        ("great:-( really", ":-(", "emoticon"),
        ("lol :D", ":D", "emoticon"),
        ("love <3", "<3", "emoticon"),
        ("yay ^_^", "^_^", "emoticon"),
        ("haha XD", "XD", "emoticon"),
        ("ok 😍 yes", "😍", "emoji"),
        ("family 👨\u200d👩\u200d👧 ok", "👨\u200d👩\u200d👧", "emoji"),
        ("thumbs 👍🏽 ok", "👍🏽", "emoji"),
        ("flag 🇹🇷 ok", "🇹🇷", "emoji"),
        ("keycap 1\ufe0f\u20e3 ok", "1\ufe0f\u20e3", "emoji"),
        ("heart ❤️ ok", "❤️", "emoji"),
        ("rated 3.5 of 5", "3.5", "number"),
        ("1,000 people", "1,000", "number"),
        ("at 12:30", "12:30", "number"),
        ("a 2/10 film", "2/10", "number"),
        ("90% boring", "90%", "number"),
        ("the 1990s", "1990s", "number"),
        ("the 1st act", "1st", "number"),
        ("a 3-year-old", "3-year-old", "word"),
        ("well-made film", "well-made", "word"),
        ("wait...", "...", "punct"),
        ("wait…", "…", "punct"),
        ("wait . . . what", ". . .", "punct"),
        ("what?!", "?!", "punct"),
        ("no!!!", "!!!", "punct"),
        ("a -- b", "--", "punct"),
        ("costs $5", "$", "other"),
        ("Mr. Smith", "Mr.", "word"),
        ("e.g. this", "e.g.", "word"),
        ("the U.S. army", "U.S.", "word"),
    ],
)
def test_token_kinds(text: str, token: str, kind: str) -> None:
    toks = {t.text: t.kind for t in tokenize(text)}
    assert token in toks, texts_of(text)
    assert toks[token] == kind


def test_hashtag_needs_a_letter() -> None:
    assert texts_of("#1 movie") == ["#", "1", "movie"]
    assert [t.kind for t in tokenize("#1")] == ["punct", "number"]


def test_url_drops_trailing_punctuation() -> None:
    assert texts_of("(see https://x.org/a_b).") == ["(", "see", "https://x.org/a_b", ")", "."]


def test_emoticon_not_inside_words_or_times() -> None:
    assert texts_of("Note:Done") == ["Note", ":", "Done"]
    assert texts_of("at 10:30") == ["at", "10:30"]


def test_norm_lowercases_and_squeezes() -> None:
    assert [t.norm for t in tokenize("Sooooo GOOOOD!!!")] == ["soo", "good", "!!!"]
    assert normalize("Cooool") == "cool"
    assert normalize("1000") == "1000"  # digits are never squeezed
    assert normalize("http://aaa.com") == "http://aaa.com"


def test_classify() -> None:
    assert classify("#fun") == "hashtag"
    assert classify(":-)") == "emoticon"
    assert classify("3.5") == "number"
    assert classify("n't") == "word"
    assert classify("...") == "punct"
    assert classify("😍") == "emoji"
    assert classify("") == "other"


# --- robustness -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "I can't believe it's not butter!!! :)",
        "Dr. Smith paid $3.50 in the U.S. It was great... I think.",
        "\u200d\ufe0f stray joiners",
        "a\u00a0b\u2009c",  # non-breaking and thin spaces
        "'''''' ``` ---- ....",
        "naïve café über résumé",
        "中文 テキスト 한국어",
        "x" * 5000,
    ],
)
def test_spans_cover_text(text: str) -> None:
    assert_well_formed(text)


def test_random_strings_never_crash() -> None:
    rng = random.Random(7)
    alphabet = "ab Z9.,'’!?:;()-_#@/\n😍👍🏽\u200d\ufe0f…`\"é"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert_well_formed(text)
        split_sentences(text, tokenize(text))


def test_empty_input() -> None:
    assert tokenize("") == []
    assert split_sentences("", []) == []
    assert terms("") == []


def test_non_string_is_input_error() -> None:
    with pytest.raises(InputError):
        tokenize(None)  # type: ignore[arg-type]


def test_terms_match_tokenize() -> None:
    text = "I can't STAND it!!! Sooo bad :( #fail http://x.io"
    norms = [t.norm for t in tokenize(text)]
    assert terms(text, punct=True) == norms
    assert terms(text) == [t.norm for t in tokenize(text) if t.kind != "punct"]
    assert [s[0] for s in scan(text)] == [t.text for t in tokenize(text)]


# --- sentences --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Smith paid $3.50 in the U.S. It was great... I think. Really!",
            ["Dr. Smith paid $3.50 in the U.S.", "It was great...", "I think.", "Really!"],
        ),
        ("Mr. and Mrs. Jones liked it. Me too.", ["Mr. and Mrs. Jones liked it.", "Me too."]),
        ("Use e.g. apples. Or pears.", ["Use e.g. apples.", "Or pears."]),
        ("He lives in the U.S. Army base.", ["He lives in the U.S. Army base."]),
        ("It cost 3.5 million. Worth it.", ["It cost 3.5 million.", "Worth it."]),
        ("Wait... what? No!", ["Wait... what?", "No!"]),
        ("It was... fine.", ["It was... fine."]),
        ("Films, books etc. It was fun.", ["Films, books etc.", "It was fun."]),
        ("M. Night Shyamalan did it. Again.", ["M. Night Shyamalan did it.", "Again."]),
        ('He said "great." Then left.', ['He said "great."', "Then left."]),
        ("Loved it! :) Would watch again.", ["Loved it! :)", "Would watch again."]),
        ("What?! Really?!", ["What?!", "Really?!"]),
        ("(It was bad. Really.) Then good.", ["(It was bad.", "Really.)", "Then good."]),
        ("The end (spoiler alert!) is sad.", ["The end (spoiler alert!) is sad."]),
        (
            "First line\nsame sentence\n\nNew paragraph",
            ["First line\nsame sentence", "New paragraph"],
        ),
        ("no punctuation at all", ["no punctuation at all"]),
        # pre-tokenized, lower-cased corpus text
        (
            "it 's a sweet , funny film . the cast is great .",
            ["it 's a sweet , funny film .", "the cast is great ."],
        ),
        (
            "a film by mr . smith and robert j . siegel .",
            ["a film by mr . smith and robert j . siegel ."],
        ),
        ("it cost $9 . 50 and more .", ["it cost $9 . 50 and more ."]),
        (
            "uncertain in tone . . . a garbled exercise .",
            ["uncertain in tone . . . a garbled exercise ."],
        ),
        ("the question is 'what if ? ' and more .", ["the question is 'what if ? '", "and more ."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sents_of(text) == expected


def test_sentences_partition_tokens() -> None:
    text = "One. Two! Three? Four... Five"
    toks = tokenize(text)
    sents = split_sentences(text, toks)
    assert sents[0].token_start == 0
    assert sents[-1].token_end == len(toks)
    for a, b in zip(sents, sents[1:], strict=False):
        assert a.token_end == b.token_start
    for s in sents:
        assert text[s.span[0] : s.span[1]] == s.text
        assert toks[s.token_start].start == s.span[0]
        assert toks[s.token_end - 1].end == s.span[1]


def test_paragraph_starts() -> None:
    text = "One.\n\nTwo.\nThree.\n \n Four"
    assert [tokenize(text)[i].text for i in paragraph_starts(text, tokenize(text))] == [
        "Two",
        "Four",
    ]


_CLITICS = ("'s", "n't", "'re", "'ll", "'ve", "'m", "'d")


@pytest.mark.slow
def test_corpus_rows_tokenize_cleanly() -> None:
    root = data_root(required=False)
    if root is None:
        pytest.skip("benchmark data not available")
    path = root / "english-movie-sentences-rt-polarity" / "english_sentiment_data.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r["text"] for _, r in zip(range(2000), csv.DictReader(f), strict=False)]
    n_multi = 0
    for text in rows:
        assert_well_formed(text)
        toks = tokenize(text)
        sents = split_sentences(text, toks)
        n_multi += len(sents) > 1
        # clitics of the corpus come out as PTB tokens: no "that's" / "isn't" left whole
        fused = [
            t.text
            for t in toks
            if t.text.lower().endswith(_CLITICS) and t.text.lower() != "n't" and t.text[0].isalpha()
        ]
        assert fused == [], text
    # rows are single snippets; a few hold two or three sentences
    assert 0 < n_multi < 0.2 * len(rows)


IRREGULAR_TEXTS = [
    "the plot . . . is thin",  # PTB spaced ellipsis: one chunk of the chunk regex
    "end. . . more  and  more",
    "  lead and trail  ",
    "tab\tsep\nnew line . . .\n",
    "I do n't know . . . ca n't say",
    "it was too. Really too.",  # chunks that depend on the next one are never cached
    "No. 5 and J. Smith . . . said so",
    "wo n't  stop, won't stop",
]


@pytest.mark.parametrize("text", IRREGULAR_TEXTS)
def test_token_columns_match_the_uncached_scan(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Irregularly spaced texts and uncached chunks on the fast path give the scan's tokens;
    so do the splice path (cold and warm cache) and the concatenating path."""
    expected = [(t, s, e, k) for t, s, e, k in scan(text)]
    first = token_columns(text)
    assert list(zip(first[0], first[1], first[2], first[4], strict=True)) == expected
    assert token_columns(text) == first  # warm chunk cache
    monkeypatch.setattr(chunks, "SPLICE_MAX_WORK", 0)  # every chunk concatenated
    assert token_columns(text) == first
