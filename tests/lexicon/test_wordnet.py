from __future__ import annotations

from pathlib import Path

import pytest

from sentikit.lexicon.wordnet import load_wordnet_graph

TOY_XML = """<SYNSETS>
<SYNSET><ID>S1</ID><SYNONYM><LITERAL>good<SENSE>0</SENSE>
<SR>S3<TYPE>ANTONYM</TYPE><TO>1</TO></SR></LITERAL><LITERAL>fine<SENSE>0</SENSE></LITERAL>
</SYNONYM><POS>a</POS><SR>S2<TYPE>SIMILAR_TO</TYPE></SR></SYNSET>
<SYNSET><ID>S2</ID><SYNONYM><LITERAL>superb<SENSE>0</SENSE></LITERAL></SYNONYM><POS>a</POS>
</SYNSET>
<SYNSET><ID>S3</ID><SYNONYM><LITERAL>bad<SENSE>0</SENSE></LITERAL>
<LITERAL>ill will<SENSE>0</SENSE></LITERAL></SYNONYM><POS>a</POS>
<SR>S4<TYPE>HYPERNYM</TYPE></SR></SYNSET>
<SYNSET><ID>S4</ID><SYNONYM><LITERAL>Quality<SENSE>0</SENSE></LITERAL></SYNONYM><POS>n</POS>
</SYNSET>
</SYNSETS>
"""


@pytest.fixture
def toy_wordnet(tmp_path: Path) -> Path:
    p = tmp_path / "wn.xml"
    p.write_text(TOY_XML, encoding="utf-8")
    return p


def test_toy_graph(toy_wordnet: Path) -> None:
    g = load_wordnet_graph("en", toy_wordnet)
    ix = g.index
    assert set(g.terms) == {"good", "fine", "superb", "bad", "quality"}  # multiword skipped
    assert g.synonyms[ix["good"], ix["fine"]] == 1.0  # same synset
    assert g.synonyms[ix["superb"], ix["good"]] == 1.0  # SIMILAR_TO, symmetric
    assert g.antonyms[ix["bad"], ix["good"]] == 1.0 and g.antonyms[ix["fine"], ix["bad"]] == 0
    assert g.synonyms[ix["bad"], ix["quality"]] == 0  # hypernymy is not polarity-preserving
