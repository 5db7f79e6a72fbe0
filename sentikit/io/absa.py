"""Aspect-based sentiment corpora: SemEval-2014 Task 4 XML, SemEval-2016 Task 5 (Turkish) XML
and the flattened SemEval-2014 CSV of the IARM ensemble.

All readers return :class:`AbsaSentence` objects (SemEval-2016 ones grouped in
:class:`AbsaReview`). Polarity strings are kept as in the data: ``"positive"``, ``"negative"``,
``"neutral"`` and ``"conflict"`` (sentikit's label strings plus SemEval's ``conflict``).

Examples
--------
>>> from sentikit.io.absa import parse_semeval2014_xml
>>> xml = ('<sentences><sentence id="1"><text>Great food.</text><aspectTerms>'
...        '<aspectTerm term="food" polarity="positive" from="6" to="10"/>'
...        '</aspectTerms></sentence></sentences>')
>>> s = parse_semeval2014_xml(xml)[0]
>>> s.aspects[0].term, s.aspects[0].polarity, s.aspects[0].span_text(s.text)
('food', 'positive', 'food')
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sentikit.errors import InputError
from sentikit.io._files import data_file, read_csv_rows

SEMEVAL2014_DATASET = "semeval2014-absa"
SEMEVAL2016_TR_DATASET = "semeval2016-absa-turkish-restaurants"
IARM_DATASET = "semeval2014-absa-csv-iarm"

POLARITIES = ("positive", "negative", "neutral", "conflict")

# Domain names and their short forms → the domain.
_DOMAINS = {
    alias: domain
    for domain, aliases in (
        ("restaurants", ("restaurants", "restaurant", "rest")),
        ("laptops", ("laptops", "laptop", "lap")),
    )
    for alias in aliases
}
_SEMEVAL2014_FILES = {
    ("restaurants", "train"): "restaurants/Restaurants_Train_v2.xml",
    ("restaurants", "test"): "restaurants/Restaurants_Test_Gold.xml",
    ("laptops", "train"): "laptops/Laptop_Train_v2.xml",
    ("laptops", "test"): "laptops/Laptops_Test_Gold.xml",
}
_SEMEVAL2016_FILES = {
    ("train", 1): "restaurant_train_turkish_st_1.xml",
    ("trial", 1): "restaurants_trial_turkish_st_1.xml",
    ("train", 2): "restaurant_train_turkish_st_2.xml",
    ("trial", 2): "restaurant_trial_turkish_st_2.xml",
}
_IARM_FILES = {
    ("restaurants", "train"): "2014_Restaurants_train.csv",
    ("restaurants", "test"): "2014_Restaurants_test.csv",
    ("laptops", "train"): "2014_Laptop_train.csv",
    ("laptops", "test"): "2014_Laptop_test.csv",
}


@dataclass
class AspectTerm:
    """An aspect term (opinion target) with its polarity and character offsets.

    ``start``/``end`` are the ``from``/``to`` attributes (``[start, end)`` into the sentence
    text); ``None`` where the source gives no offsets (the IARM CSV).
    """

    term: str
    polarity: str
    start: int | None = None
    end: int | None = None

    def span_text(self, text: str) -> str | None:
        """The slice of ``text`` the offsets point to (``None`` without offsets)."""
        if self.start is None or self.end is None:
            return None
        return text[self.start : self.end]


@dataclass
class AspectCategory:
    """A sentence-level aspect category (SemEval-2014 restaurants) and its polarity."""

    category: str
    polarity: str | None = None


@dataclass
class Opinion:
    """A SemEval-2016 opinion: ``category`` (``ENTITY#ATTRIBUTE``), polarity and target.

    Attributes
    ----------
    target : str or None
        The opinion target span; ``None`` for an implicit target (``target="NULL"``) or when the
        element has no ``target`` attribute (subtask 2).
    implicit : bool
        ``True`` when the data says ``target="NULL"``.
    start, end : int or None
        Character offsets of the target (``0``/``0`` for NULL targets in the data are kept).
    """

    category: str
    polarity: str
    target: str | None = None
    implicit: bool = False
    start: int | None = None
    end: int | None = None

    @property
    def has_target_attribute(self) -> bool:
        """Whether the XML element carried a ``target`` attribute (``NULL`` included)."""
        return self.target is not None or self.implicit


@dataclass
class AbsaSentence:
    """One sentence with its aspect annotation.

    Attributes
    ----------
    id : str
    text : str
    aspects : list of AspectTerm
        SemEval-2014 aspect terms / IARM aspects.
    categories : list of AspectCategory
        SemEval-2014 aspect categories (restaurants only).
    opinions : list of Opinion
        SemEval-2016 sentence-level opinions (subtask 1).
    out_of_scope : bool
        SemEval-2016 ``OutOfScope="TRUE"`` sentences.
    meta : dict
        Reader-specific extras (IARM: ``count``, ``repaired``).
    """

    id: str
    text: str
    aspects: list[AspectTerm] = field(default_factory=list)
    categories: list[AspectCategory] = field(default_factory=list)
    opinions: list[Opinion] = field(default_factory=list)
    out_of_scope: bool = False
    meta: dict[str, Any] = field(default_factory=dict)

    def offset_mismatches(self) -> list[AspectTerm]:
        """Aspect terms whose offsets do not point at their term in :attr:`text`."""
        return [a for a in self.aspects if a.start is not None and a.span_text(self.text) != a.term]


@dataclass
class AbsaReview:
    """A SemEval-2016 review: its sentences and the review-level opinions (subtask 2)."""

    id: str
    sentences: list[AbsaSentence] = field(default_factory=list)
    opinions: list[Opinion] = field(default_factory=list)


def utf16_offset_to_index(text: str, offset: int) -> int:
    """The ``str`` index of a UTF-16 code-unit ``offset`` into ``text``.

    Two SemEval-2016 Turkish opinions follow an emoji (outside the BMP: 2 UTF-16 units) and
    their ``from``/``to`` count UTF-16 units (as Java strings do); this converts them.
    """
    units = 0
    for i, ch in enumerate(text):
        if units >= offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


# --------------------------------------------------------------------------- XML helpers


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _kids(elem: ET.Element, name: str) -> list[ET.Element]:
    """Children of ``elem`` named ``name``, compared case-insensitively."""
    name = name.lower()
    return [c for c in elem if _local(c.tag) == name]


def _kid(elem: ET.Element, name: str) -> ET.Element | None:
    kids = _kids(elem, name)
    return kids[0] if kids else None


def _parse_xml(source: str | bytes | Path) -> ET.Element:
    """Parse XML from a path, bytes or a string; a leading UTF-8 BOM is tolerated."""
    if isinstance(source, Path):
        data: str | bytes = source.read_bytes()
    else:
        data = source
    if isinstance(data, bytes):
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
    else:
        data = data.lstrip("\ufeff")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"malformed XML: {exc}") from None


def _int_or_none(value: str | None) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except ValueError:
        raise InputError(f"offset is not an integer: {value!r}") from None


def _text_of(sent: ET.Element) -> str:
    t = _kid(sent, "text")
    return (t.text or "") if t is not None else ""


# --------------------------------------------------------------------------- SemEval-2014


def parse_semeval2014_xml(source: str | bytes | Path) -> list[AbsaSentence]:
    """Parse SemEval-2014 Task 4 XML (``<sentences><sentence>…``).

    Parameters
    ----------
    source : str, bytes or Path
        The XML text or a path to the file.
    """
    root = _parse_xml(source)
    sentences = []
    for s in root.iter():
        if _local(s.tag) != "sentence":
            continue
        aspects = []
        terms = _kid(s, "aspectTerms")
        if terms is not None:
            for a in _kids(terms, "aspectTerm"):
                aspects.append(
                    AspectTerm(
                        term=a.get("term", ""),
                        polarity=a.get("polarity", ""),
                        start=_int_or_none(a.get("from")),
                        end=_int_or_none(a.get("to")),
                    )
                )
        cats = []
        cat_el = _kid(s, "aspectCategories")
        if cat_el is not None:
            for c in _kids(cat_el, "aspectCategory"):
                cats.append(
                    AspectCategory(category=c.get("category", ""), polarity=c.get("polarity"))
                )
        sentences.append(
            AbsaSentence(id=s.get("id", ""), text=_text_of(s), aspects=aspects, categories=cats)
        )
    return sentences


def _domain(domain: str) -> str:
    key = domain.lower()
    if key not in _DOMAINS:
        raise InputError(f"unknown ABSA domain {domain!r}; choose 'restaurants' or 'laptops'")
    return _DOMAINS[key]


def load_absa_semeval2014(domain: str = "restaurants", split: str = "train") -> list[AbsaSentence]:
    """SemEval-2014 Task 4 sentences (train v2 or gold test) of one domain.

    Parameters
    ----------
    domain : {"restaurants", "laptops"}
    split : {"train", "test"}

    Returns
    -------
    list of AbsaSentence
        With aspect terms (all four polarities, ``conflict`` included) and, for restaurants,
        aspect categories. Restaurants train: 3041 sentences, 3693 aspect terms.
    """
    key = (_domain(domain), split)
    if key not in _SEMEVAL2014_FILES:
        raise InputError(f"unknown SemEval-2014 split {split!r}; choose 'train' or 'test'")
    return parse_semeval2014_xml(data_file(SEMEVAL2014_DATASET, _SEMEVAL2014_FILES[key]))


# --------------------------------------------------------------------------- SemEval-2016


def _opinion(o: ET.Element) -> Opinion:
    target = o.get("target")
    implicit = target == "NULL"
    return Opinion(
        category=o.get("category", ""),
        polarity=o.get("polarity", ""),
        target=None if implicit else target,
        implicit=implicit,
        start=_int_or_none(o.get("from")),
        end=_int_or_none(o.get("to")),
    )


def parse_semeval2016_xml(source: str | bytes | Path) -> list[AbsaReview]:
    """Parse SemEval-2016 Task 5 XML (``<Reviews><Review><sentences>…``).

    Sentence-level ``<Opinions>`` (subtask 1) go to :attr:`AbsaSentence.opinions`,
    review-level ones (subtask 2) to :attr:`AbsaReview.opinions`. Tag names are matched
    case-insensitively (one trial file writes ``<opinion>``).
    """
    root = _parse_xml(source)
    reviews = []
    for r in root.iter():
        if _local(r.tag) != "review":
            continue
        review = AbsaReview(id=r.get("rid", ""))
        sents_el = _kid(r, "sentences")
        for s in _kids(sents_el, "sentence") if sents_el is not None else []:
            ops_el = _kid(s, "Opinions")
            ops = [_opinion(o) for o in _kids(ops_el, "Opinion")] if ops_el is not None else []
            review.sentences.append(
                AbsaSentence(
                    id=s.get("id", ""),
                    text=_text_of(s),
                    opinions=ops,
                    out_of_scope=(s.get("OutOfScope", "").upper() == "TRUE"),
                )
            )
        rev_ops = _kid(r, "Opinions")
        if rev_ops is not None:
            review.opinions = [_opinion(o) for o in _kids(rev_ops, "Opinion")]
        reviews.append(review)
    return reviews


def load_absa_semeval2016_tr(split: str = "train", subtask: int = 1) -> list[AbsaReview]:
    """SemEval-2016 Task 5 Turkish restaurant reviews.

    Parameters
    ----------
    split : {"train", "trial"}
        There is no gold test set (see the dataset README).
    subtask : {1, 2}
        1: sentence-level opinions with targets and offsets; 2: review-level opinions.

    Returns
    -------
    list of AbsaReview
        Train subtask 1: 300 reviews, 1232 sentences, 1535 opinions.
    """
    key = (split, subtask)
    if key not in _SEMEVAL2016_FILES:
        raise InputError(
            f"unknown SemEval-2016 Turkish file (split={split!r}, subtask={subtask!r}); "
            "split is 'train' or 'trial', subtask 1 or 2"
        )
    return parse_semeval2016_xml(data_file(SEMEVAL2016_TR_DATASET, _SEMEVAL2016_FILES[key]))


def absa_sentences(reviews: list[AbsaReview]) -> list[AbsaSentence]:
    """The sentences of ``reviews`` in order (flattens :func:`load_absa_semeval2016_tr`)."""
    return [s for r in reviews for s in r.sentences]


# --------------------------------------------------------------------------- IARM CSV


def _parse_list_literal(field_text: str) -> tuple[list[str], bool]:
    """A Python list-of-strings literal, parsed safely; returns ``(items, repaired)``.

    ``ast.literal_eval`` only evaluates literals (never code). One record of the shipped
    restaurants test file has broken quoting (``[waitress"]"`` after CSV unquoting); such a
    field is repaired by taking the bracketed, comma-separated items with stray quotes stripped.
    """
    try:
        value = ast.literal_eval(field_text)
    except (ValueError, SyntaxError):
        value = None
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value, False
    inner = field_text.strip()
    if not inner.startswith("["):
        raise InputError(f"not a list literal: {field_text!r}")
    inner = inner[1:].rstrip("\"' ")
    inner = inner[:-1] if inner.endswith("]") else inner
    items = [it.strip().strip("'\"").strip() for it in inner.split(",")]
    items = [it for it in items if it]
    if not items:
        raise InputError(f"cannot repair list literal: {field_text!r}")
    return items, True


def parse_iarm_csv(path: str | Path) -> list[AbsaSentence]:
    """Parse one IARM CSV file: ``sentence, count, aspect-list literal, polarity-list literal``.

    Rows are numbered ``0…`` and used as ids. ``meta`` holds ``count`` (the second column),
    ``repaired`` (a list literal had to be repaired) and ``consistent`` (aspect list length ==
    count == polarity list length, before any repair).

    Raises
    ------
    InputError
        When a row has not 4 fields, the count is not an integer or the aspect and polarity
        lists cannot be paired.
    """
    out = []
    for i, row in enumerate(read_csv_rows(path)):
        if len(row) != 4:
            raise InputError(f"{path}: row {i + 1} has {len(row)} fields, expected 4")
        text, count_s, aspects_s, pols_s = row
        try:
            count = int(count_s)
        except ValueError:
            raise InputError(f"{path}: row {i + 1}: count {count_s!r} is not an integer") from None
        aspects, rep_a = _parse_list_literal(aspects_s)
        pols, rep_p = _parse_list_literal(pols_s)
        consistent = not (rep_a or rep_p) and len(aspects) == count == len(pols)
        if len(aspects) != len(pols):
            raise InputError(
                f"{path}: row {i + 1}: {len(aspects)} aspects but {len(pols)} polarities"
            )
        out.append(
            AbsaSentence(
                id=str(i),
                text=text,
                aspects=[
                    AspectTerm(term=a, polarity=p) for a, p in zip(aspects, pols, strict=True)
                ],
                meta={"count": count, "repaired": rep_a or rep_p, "consistent": consistent},
            )
        )
    return out


def load_absa_iarm_csv(domain: str = "restaurants", split: str = "train") -> list[AbsaSentence]:
    """The IARM flattened SemEval-2014 CSV (sentences with ≥ 1 aspect, no ``conflict``).

    Parameters
    ----------
    domain : {"restaurants", "laptops"}
    split : {"train", "test"}
    """
    key = (_domain(domain), split)
    if key not in _IARM_FILES:
        raise InputError(f"unknown IARM split {split!r}; choose 'train' or 'test'")
    return parse_iarm_csv(data_file(IARM_DATASET, _IARM_FILES[key]))


__all__ = [
    "POLARITIES",
    "AbsaReview",
    "AbsaSentence",
    "AspectCategory",
    "AspectTerm",
    "Opinion",
    "absa_sentences",
    "utf16_offset_to_index",
    "load_absa_iarm_csv",
    "load_absa_semeval2014",
    "load_absa_semeval2016_tr",
    "parse_iarm_csv",
    "parse_semeval2014_xml",
    "parse_semeval2016_xml",
]
