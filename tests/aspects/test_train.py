"""Training the English aspect parts on a few SemEval-2014 sentences; saving and loading them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from sentikit.aspects.categories import CategoryModel
from sentikit.aspects.crf import CrfTermExtractor
from sentikit.aspects.en import EnglishAspects
from sentikit.aspects.polarity import TermPolarity
from sentikit.doc import Document
from sentikit.errors import BundleError, InputError
from sentikit.io.absa import AbsaSentence, load_absa_semeval2014
from sentikit.lang.en.processor import EnglishProcessor

N = 60


@pytest.fixture(scope="module")
def tiny(needs_parser: None, needs_semeval: None) -> tuple[list[AbsaSentence], list[Document]]:
    sents = load_absa_semeval2014("restaurants", "train")[:N]
    docs = EnglishProcessor(parse=True, mask=False).make_docs([s.text for s in sents])
    return sents, docs


def _spans(sents: list[AbsaSentence]) -> list[list[tuple[int, int]]]:
    return [[(a.start or 0, a.end or 0) for a in s.aspects] for s in sents]


def _no_pickle(folder: Path) -> None:
    for f in folder.iterdir():
        assert not f.read_bytes().startswith(b"\x80"), f"{f.name} looks like a pickle"
        if f.suffix == ".npz":
            with np.load(f, allow_pickle=False) as z:
                assert all(z[k].dtype != object for k in z.files)


def test_tiny_crf_learns_saves_and_loads(
    tiny: tuple[list[AbsaSentence], list[Document]], tmp_path: Path
) -> None:
    sents, docs = tiny
    gold = _spans(sents)
    ext = CrfTermExtractor(c1=0.05, c2=0.01, max_iterations=60).fit(docs, gold)
    pred = ext.predict_spans(docs)
    tp = sum(len(set(p) & set(g)) for p, g in zip(pred, gold, strict=True))
    assert tp / max(sum(map(len, gold)), 1) > 0.6  # it fits its own training sentences
    folder = ext.save(tmp_path / "crf")
    assert (folder / "model.crfsuite").read_bytes()[:4] == b"lCRF"  # CRFsuite's own format
    _no_pickle(folder)
    back = CrfTermExtractor.load(folder)
    assert back.predict_spans(docs) == pred
    (folder / "model.crfsuite").write_bytes(b"garbage")
    with pytest.raises(BundleError):
        CrfTermExtractor.load(folder)
    with pytest.raises(InputError):
        CrfTermExtractor().predict_spans(docs)


def test_polarity_categories_and_bundle_round_trip(
    tiny: tuple[list[AbsaSentence], list[Document]], tmp_path: Path
) -> None:
    sents, docs = tiny
    items = [(k, sp) for k, g in enumerate(_spans(sents)) for sp in g]
    labels = [a.polarity for s in sents for a in s.aspects]
    pol = TermPolarity(C=1.0).fit(docs, items, labels)
    assert set(pol.predict(docs, items)) <= {"positive", "negative", "neutral", "conflict"}
    cats = [[(c.category, c.polarity or "") for c in s.categories] for s in sents]
    cat = CategoryModel(folds=2).fit(docs, cats)
    found = cat.detect(docs)
    assert all(found_k for found_k in found)  # at least one category per sentence
    ext = CrfTermExtractor(c1=0.05, c2=0.01, max_iterations=30).fit(docs, _spans(sents))
    model = EnglishAspects(ext, pol, cat)
    folder = model.save(tmp_path / "bundle")
    _no_pickle(folder)
    back = EnglishAspects.load(folder)
    a, b = model.extract_many(docs[:10]), back.extract_many(docs[:10])
    assert [x.to_dict() for xs in a for x in xs] == [x.to_dict() for xs in b for x in xs]
    assert any(x.category is not None and x.term is None for xs in a for x in xs)
