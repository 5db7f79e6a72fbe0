"""Language identification for Turkish vs English on short, informal text.

The model is a binary logistic regression over hashed character n-grams (1–5) of each word,
padded with a space on both sides (``" film "``). Because n-grams never cross word boundaries and
the features are raw counts, a text's log-odds is the bias plus the sum of its words' scores, so
:class:`LanguageDetector` scores every distinct word once and caches it: scoring is a dictionary
look-up per word, which makes :func:`detect_many` fast on short texts.

Text normalization (shared by training and inference, see :func:`text_words`):

* HTML entities are unescaped; HTML tags, URLs, e-mail addresses and ``@mentions`` are removed
  (``#hashtags`` keep their word);
* ``İ`` becomes ``i``, then the text is lower-cased (so all-caps Turkish ``ATTIM`` → ``attim``,
  which is also what ASCII-typed Turkish looks like);
* emoticons (``:D``, ``:-P``, ``xD``) are removed; runs of three or more identical characters are
  shortened to one (``mükemmelll`` → ``mükemmel``, ``sooo`` → ``so``);
* words are runs of Latin-script letters, with inner apostrophes kept (``don't``, ``ankara'da``).

A text the model cannot tell is *undetermined* (:data:`UND`, ``"und"``, the BCP 47 code for an
undetermined language): a text without any Latin-script word (empty, emoji, numbers, URLs,
punctuation), and a text most of whose letters are in another script (Cyrillic, Arabic, Greek,
CJK…; counted after URLs, mentions and e-mail addresses are removed). :func:`detect` returns
``"und"`` for it, :func:`detect_proba` 0.5 for each language, and :func:`identify` a
:class:`DetectionResult` with ``decided=False`` and ``confidence=0.0``. (A Latin-script text in
a third language, German say, is still called ``"tr"`` or ``"en"``: the model knows only these
two.)

The shipped model lives in ``sentikit/resources/langid/`` (``model.json`` + ``model.npz``) and is
trained by ``python -m sentikit.lang.detect_train --output sentikit/resources/langid``. It is loaded
lazily, once per process.
"""

from __future__ import annotations

import functools
import html
import itertools
import json
import math
import operator
import re
import threading
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from sentikit.errors import BundleError, InputError, ResourceMissingError
from sentikit.paths import RESOURCES_DIR

__all__ = [
    "DEFAULT_LANG",
    "FEATURES_VERSION",
    "LANGS",
    "MODEL_DIR",
    "UND",
    "DetectionResult",
    "LanguageDetector",
    "detect",
    "detect_many",
    "detect_proba",
    "get_detector",
    "identify",
    "identify_many",
    "text_words",
    "word_buckets",
]

#: The languages the detector distinguishes; index 0 is the positive class of the model.
LANGS: tuple[str, str] = ("tr", "en")
#: Returned for texts the model cannot tell (no Latin-script word, or mostly another script):
#: the BCP 47 code for an undetermined language.
UND = "und"
#: Returned for undetermined texts (an alias of :data:`UND`; it was ``"en"`` before 0.2).
DEFAULT_LANG = UND
#: Version of the normalization + feature scheme; a model trained on another one is rejected.
FEATURES_VERSION = 1
#: Where the shipped model lives.
MODEL_DIR = RESOURCES_DIR / "langid"

_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_WORD_RE = re.compile(rf"[{_LATIN}]+(?:'[{_LATIN}]+)*")
_NOISE_RE = re.compile(  # applied to lower-cased text
    r"(?:https?://|www\.)\S+"  # URLs
    r"|\S+@\S+\.\w+"  # e-mail addresses
    r"|@\w+"  # mentions
    r"|\b[\w.-]+\.(?:com|net|org|tr|io|ly|co)(?:/\S*)?\b"  # bare domains (t.co, x.com.tr)
)
_TAG_RE = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>")  # HTML tags (lower-cased text)
_EMOTICON_RE = re.compile(  # applied to lower-cased text
    r"(?<![^\s(\[>])(?:[:;=][-'^o]?(?:[dpso3x]|[()\[\]|/\\*@$]+)|x+d+)(?![a-z\u00e0-\u024f])"
)
_REPEAT_RE = re.compile(r"(.)\1{2,}")
# A letter outside the Latin ranges the model reads (Cyrillic, Greek, Arabic, CJK, Latin
# Extended Additional…); combining marks are not letters, so NFD Latin text has none.
_OTHER_LETTER_RE = re.compile(rf"[^\W\d_{_LATIN}]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_MAX_CACHE = 500_000
_BLOCK = 4096


def _raw_words(text: str) -> list[str]:
    """Words of ``text`` before the repeated-letter collapse (the cache key of the detector)."""
    if "&" in text:
        text = html.unescape(text)
    text = text.replace("İ", "i").lower()
    if "<" in text:
        text = _TAG_RE.sub(" ", text)
    if (
        "@" in text
        or "/" in text
        or "www" in text
        or ".co" in text
        or ".tr" in text
        or ".net" in text
        or ".org" in text
        or ".io" in text
        or ".ly" in text
    ):
        text = _NOISE_RE.sub(" ", text)
    if ":" in text or ";" in text or "=" in text or "xd" in text:
        text = _EMOTICON_RE.sub(" ", text)
    if "\u2019" in text or "\u2018" in text or "`" in text or "\u00b4" in text:
        text = text.translate(_APOSTROPHES)
    return _WORD_RE.findall(text)


def _latin_words(text: str) -> list[str]:
    """:func:`_raw_words`, or ``[]`` when most of the letters are not Latin (undetermined)."""
    words = _raw_words(text)
    if words and not text.isascii():
        other = len(_OTHER_LETTER_RE.findall(text))
        if other and other >= sum(map(len, words)):
            return []
    return words


def _collapse(word: str) -> str:
    return _REPEAT_RE.sub(r"\1", word)


def text_words(text: str) -> list[str]:
    """Normalize ``text`` and return its words, as the model sees them.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of str
        Lower-cased Latin-script words (see the module docstring); empty when the text has no
        Latin-script letter.
    """
    return [_collapse(w) for w in _raw_words(text)]


def word_buckets(word: str, ngram_min: int, ngram_max: int, n_buckets: int) -> list[int]:
    """Hashed character n-gram buckets of one normalized word.

    The word is padded with one space on each side and every n-gram of length ``ngram_min`` to
    ``ngram_max`` (except a lone space) is hashed with CRC-32 of its UTF-8 bytes, modulo
    ``n_buckets`` (a power of two). Repeated n-grams give repeated buckets (counts).

    Parameters
    ----------
    word : str
        A word from :func:`text_words`.
    ngram_min, ngram_max : int
        The n-gram length range (inclusive).
    n_buckets : int
        Number of hash buckets, a power of two.

    Returns
    -------
    list of int
        One bucket index per n-gram.
    """
    padded = f" {word} "
    mask = n_buckets - 1
    crc = zlib.crc32
    length = len(padded)
    if padded.isascii():  # one byte per character: slice the encoded bytes directly
        raw = padded.encode("ascii")
        return [
            crc(raw[i : i + n]) & mask
            for n in range(ngram_min, ngram_max + 1)
            for i in range(length - n + 1)
            if n > 1 or raw[i] != 32
        ]
    return [
        crc(padded[i : i + n].encode("utf-8")) & mask
        for n in range(ngram_min, ngram_max + 1)
        for i in range(length - n + 1)
        if n > 1 or padded[i] != " "
    ]


@dataclass(frozen=True)
class DetectionResult:
    """The outcome of identifying one text.

    Attributes
    ----------
    lang : str
        ``"tr"``, ``"en"``, or :data:`UND` (``"und"``) when undetermined.
    proba : dict of str to float
        Probability of each language; sums to 1.
    confidence : float
        ``|P(tr) - P(en)|`` in [0, 1]; 0.0 when undetermined.
    decided : bool
        False when the text is undetermined (no Latin-script word, or mostly another
        script); ``lang`` is then ``"und"``.
    n_words : int
        Number of words the model saw.
    """

    lang: str
    proba: dict[str, float] = field(default_factory=dict)
    confidence: float = 0.0
    decided: bool = False
    n_words: int = 0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary of the fields."""
        return {
            "lang": self.lang,
            "proba": dict(self.proba),
            "confidence": self.confidence,
            "decided": self.decided,
            "n_words": self.n_words,
        }


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    return text


class LanguageDetector:
    """A loaded Turkish/English identifier (binary logistic regression on hashed n-grams).

    Parameters
    ----------
    weights : numpy.ndarray
        One weight per hash bucket; positive favours ``"tr"``.
    bias : float
        Intercept (log-odds of ``"tr"`` for a text with no features).
    ngram_min, ngram_max : int
        Character n-gram range.
    meta : dict, optional
        The bundle's ``model.json`` content.
    """

    def __init__(
        self,
        weights: np.ndarray,
        bias: float,
        ngram_min: int = 1,
        ngram_max: int = 5,
        meta: dict[str, Any] | None = None,
    ) -> None:
        weights = np.asarray(weights, dtype=np.float64).ravel()
        n = weights.shape[0]
        if n == 0 or n & (n - 1):
            raise BundleError(f"langid weights must have a power-of-two length, got {n}")
        if not 1 <= ngram_min <= ngram_max:
            raise BundleError(f"bad n-gram range {ngram_min}..{ngram_max}")
        self.weights = weights
        self.bias = float(bias)
        self.ngram_min = int(ngram_min)
        self.ngram_max = int(ngram_max)
        self.n_buckets = n
        self.meta: dict[str, Any] = dict(meta or {})
        self._cache: dict[str, float] = {}
        self._lock = threading.Lock()

    # -- loading -----------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path = MODEL_DIR) -> LanguageDetector:
        """Load a bundle folder holding ``model.json`` and ``model.npz``.

        Raises
        ------
        ResourceMissingError
            When the folder or one of its files is missing.
        BundleError
            When the files are malformed or use another feature scheme.
        """
        path = Path(path)
        meta_path, npz_path = path / "model.json", path / "model.npz"
        for p in (meta_path, npz_path):
            if not p.is_file():
                raise ResourceMissingError(
                    f"language-identification model file {p} is missing; reinstall sentikit or "
                    "train one with `python -m sentikit.lang.detect_train --output "
                    f"{path}`"
                )
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            feats = dict(meta["features"])
            labels = tuple(meta["labels"])
            n_buckets, ngram_min, ngram_max = (
                int(feats["n_buckets"]),
                int(feats["ngram_min"]),
                int(feats["ngram_max"]),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise BundleError(f"malformed {meta_path}: {exc!r}") from exc
        if labels != LANGS:
            raise BundleError(f"{meta_path}: labels {labels} != {LANGS}")
        if feats.get("version") != FEATURES_VERSION or feats.get("hash") != "crc32":
            raise BundleError(
                f"{meta_path}: feature scheme {feats.get('version')}/{feats.get('hash')} is not "
                f"{FEATURES_VERSION}/crc32 (retrain the model)"
            )
        try:
            with np.load(npz_path, allow_pickle=False) as npz:
                weights = np.asarray(npz["weights"], dtype=np.float64)
                bias = float(np.asarray(npz["bias"]).ravel()[0])
        except (OSError, ValueError, KeyError) as exc:
            raise BundleError(f"malformed {npz_path}: {exc}") from exc
        if weights.shape != (n_buckets,):
            raise BundleError(f"{npz_path}: weights shape {weights.shape} != ({n_buckets},)")
        return cls(weights, bias, ngram_min, ngram_max, meta)

    # -- scoring -----------------------------------------------------------------------------
    def word_score(self, word: str) -> float:
        """Log-odds contribution (towards ``"tr"``) of one word (runs of a letter are collapsed)."""
        score = self._cache.get(word)
        if score is None:
            score = self._score_words([word])[0]
        return score

    def _score_words(self, words: list[str]) -> list[float]:
        """Score words (sum of their n-gram weights) in one numpy pass and cache the scores."""
        flat: list[int] = []
        starts: list[int] = []
        scores = [0.0] * len(words)
        nonempty: list[int] = []
        for k, w in enumerate(words):
            grams = word_buckets(_collapse(w), self.ngram_min, self.ngram_max, self.n_buckets)
            if grams:
                nonempty.append(k)
                starts.append(len(flat))
                flat.extend(grams)
        if flat:
            # reduceat sums each word's segment on its own, so a score never depends on the batch
            sums = np.add.reduceat(self.weights[np.asarray(flat, dtype=np.intp)], starts)
            for k, v in zip(nonempty, sums.tolist(), strict=True):
                scores[k] = v
        with self._lock:
            if len(self._cache) + len(words) > _MAX_CACHE:
                self._cache.clear()
            self._cache.update(zip(words, scores, strict=True))
        return scores

    def logit(self, text: str) -> float | None:
        """Log-odds of ``"tr"`` vs ``"en"``, or None when ``text`` is undetermined."""
        words = _latin_words(_check_text(text))
        if not words:
            return None
        cache = self._cache
        z = self.bias
        for w in words:
            s = cache.get(w)
            z += self.word_score(w) if s is None else s
        return z

    def identify(self, text: str) -> DetectionResult:
        """Language, probabilities and confidence of one text (see :func:`identify`)."""
        words = _latin_words(_check_text(text))
        if not words:
            return DetectionResult(DEFAULT_LANG, {"tr": 0.5, "en": 0.5}, 0.0, False, 0)
        z = self.bias
        for w in words:
            z += self.word_score(w)
        p_tr = _sigmoid(z)
        lang = "tr" if z > 0 else "en"
        return DetectionResult(
            lang, {"tr": p_tr, "en": 1.0 - p_tr}, abs(2.0 * p_tr - 1.0), True, len(words)
        )

    def detect(self, text: str) -> str:
        """``"tr"`` or ``"en"`` for one text (see :func:`detect`)."""
        z = self.logit(text)
        if z is None:
            return DEFAULT_LANG
        return "tr" if z > 0 else "en"

    def detect_many(self, texts: Iterable[str]) -> list[str]:
        """:meth:`detect` for each text, in order (see :func:`detect_many`)."""
        texts = _check_batch(texts)
        cache = self._cache
        score = self.word_score
        bias = self.bias
        out: list[str] = []
        append = out.append
        it = iter(texts)
        offset = 0
        while chunk := list(itertools.islice(it, _BLOCK)):
            for i, text in enumerate(chunk):
                if not isinstance(text, str):
                    raise InputError(
                        f"texts[{offset + i}] must be a str, not {type(text).__name__}"
                    )
            offset += len(chunk)
            block = [_latin_words(t) for t in chunk]
            self._prefetch(block)
            get = cache.get
            for words in block:
                if not words:
                    append(DEFAULT_LANG)
                    continue
                vals = list(map(get, words))
                if None in vals:  # evicted from a full cache meanwhile: score one by one
                    vals = [score(w) if v is None else v for w, v in zip(words, vals, strict=True)]
                # left-to-right sum from the bias, as a running total would add them
                z = functools.reduce(operator.add, vals, bias)
                append("tr" if z > 0 else "en")
        return out

    def _prefetch(self, block: list[list[str]]) -> None:
        """Score, in one batch, the words of ``block`` that are not cached yet."""
        cache = self._cache
        uniq = set(itertools.chain.from_iterable(block))
        missing = list(itertools.filterfalse(cache.__contains__, uniq))
        if missing:
            self._score_words(missing)

    def identify_many(self, texts: Iterable[str]) -> list[DetectionResult]:
        """:meth:`identify` for each text, in order."""
        return [self.identify(t) for t in _check_batch(texts)]

    def clear_cache(self) -> None:
        """Forget the cached word scores."""
        with self._lock:
            self._cache.clear()


def _check_batch(texts: Iterable[str]) -> Iterable[str]:
    if isinstance(texts, str | bytes):
        raise InputError("texts must be an iterable of str, not a single string")
    if texts is None or not hasattr(texts, "__iter__"):
        raise InputError(f"texts must be an iterable of str, not {type(texts).__name__}")
    return texts


@lru_cache(maxsize=1)
def get_detector() -> LanguageDetector:
    """The shipped detector, loaded on first use and cached for the process."""
    return LanguageDetector.load(MODEL_DIR)


def detect(text: str) -> str:
    """Identify the language of one text.

    Parameters
    ----------
    text : str
        Any text; short and informal is fine (tweets, one-line reviews, ASCII-typed Turkish).

    Returns
    -------
    str
        ``"tr"`` or ``"en"``; :data:`UND` (``"und"``) when the text has no Latin-script word
        or its letters are mostly in another script.

    Raises
    ------
    InputError
        When ``text`` is not a str.

    Examples
    --------
    >>> detect("cok guzel film")
    'tr'
    >>> detect("I loved it!!! 😍")
    'en'
    >>> detect("😍😍"), detect("Привет мир")
    ('und', 'und')
    """
    return get_detector().detect(text)


def detect_many(texts: Iterable[str]) -> list[str]:
    """Identify the language of many texts (fast: word scores are cached).

    Parameters
    ----------
    texts : iterable of str
        The texts (a single ``str`` is rejected).

    Returns
    -------
    list of str
        ``"tr"``, ``"en"`` or ``"und"`` per text, in order; the same as :func:`detect` on each.
    """
    return get_detector().detect_many(texts)


def detect_proba(text: str) -> dict[str, float]:
    """Probability of each language for one text.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    dict of str to float
        ``{"tr": p, "en": 1 - p}``; ``{"tr": 0.5, "en": 0.5}`` when undetermined.
    """
    return get_detector().identify(text).proba


def identify(text: str) -> DetectionResult:
    """Language, probabilities, confidence and decidability of one text.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    DetectionResult
        ``decided`` is False (``lang`` ``"und"``, ``confidence`` 0.0) when the text is
        undetermined.
    """
    return get_detector().identify(text)


def identify_many(texts: Iterable[str]) -> list[DetectionResult]:
    """:func:`identify` for each text, in order."""
    return get_detector().identify_many(texts)
