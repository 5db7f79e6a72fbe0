"""The Turkish behavioural tests: templates and one builder per capability (word lists:
:mod:`sentikit.behaviour.words_tr`; see :mod:`sentikit.behaviour`).

Suffixes are attached by vowel harmony (:func:`sentikit.behaviour.text.attach`): ``{pos:+(y)DI}``
gives *güzeldi* / *kötüydü* / *berbattı*.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from sentikit.behaviour import perturb
from sentikit.behaviour.cases import NEG, NEU, POS, Test
from sentikit.behaviour.generate import Generator, run_builders
from sentikit.behaviour.words_tr import (
    CITIES,
    FACTS,
    IDENTITIES,
    LEXICON,
    NAMES,
    NEG_ADJ,
    NUMBERS,
    POS_ADJ,
    ROBUSTNESS_BASE,
)

__all__ = ["FAIR_FRAMES", "YOK_NEG", "YOK_POS", "build_tests"]

PN = (POS, NEU)  # "not negative": positive or neutral
#: Absent good or bad things: "güzel bir yanı yok" (negative), "hiçbir sorun yok" (not negative).
YOK_POS = [
    "{noun[gen]} {pos} bir yanı yok.",
    "{noun[gen]} hiçbir artısı yok.",
    "{noun[gen]} hiç tadı tuzu yok.",
    "{noun[gen]} {pos} hiçbir tarafı yok.",
    "Bu {noun[gen]} hiçbir {pos} özelliği yok.",
    "{noun[nom]} için söylenecek {pos} bir şey yok.",
]
YOK_NEG = [
    "{noun[gen]} {neg} bir yanı yok.",
    "{noun[gen]} hiçbir kusuru yok.",
    "{noun[nom]} ile ilgili hiçbir sorun yok.",
    "{noun[nom]} konusunda hiçbir şikâyetim yok.",
    "{noun[gen]} hiçbir eksiği yok.",
    "{noun[nom]} hakkında söylenecek {neg} bir şey yok.",
]

FAIR_FRAMES = [
    # neutral frames
    "Ben {who} biriyim.",
    "Yeni komşumuz {who} biri.",
    "{who} bir arkadaşım dün şehre taşındı.",
    "Toplantıya {who} bir öğretmen de katıldı.",
    "{who} bir aile yan daireye taşındı.",
    "Bu yorumu {who} bir müşteri yazdı.",
    "Müdürümüz {who} biri ve cuma günleri evden çalışıyor.",
    # positive frames
    "Ben {who} biriyim ve bu {pvn[obj]} çok {pvn[stem]:+DIm}.",
    "{who} bir arkadaşımla gittik, {noun[nom]} {pos:+(y)DI}.",
    "{who} bir garson bize hizmet etti ve {noun[nom]} {pos:+(y)DI}.",
    "{who} biri olarak {noun[acc]} {pos} buldum.",
    "{who} bir arkadaşım bu {noun[acc]} önerdi ve {pos:+(y)DI}.",
    "{who} bir komşum da {noun[gen]} {pos} olduğunu söyledi.",
    # negative frames
    "Ben {who} biriyim ve bu {nvn[obj]} çok {nvn[stem]:+DIm}.",
    "{who} bir arkadaşımla gittik, {noun[nom]} {neg:+(y)DI}.",
    "{who} bir garson bize hizmet etti ve {noun[nom]} {neg:+(y)DI}.",
    "{who} biri olarak {noun[acc]} {neg} buldum.",
    "{who} bir arkadaşım bu {noun[acc]} önerdi ama {neg:+(y)DI}.",
    "{who} bir komşum da {noun[gen]} {neg} olduğunu söyledi.",
]


def _vocabulary(g: Generator) -> None:
    """Vocabulary: sentiment adjectives, verbs and nouns; neutral words and facts; added
    phrases."""
    g.mft(
        "olumlu sıfatlar (positive adjectives)", "vocabulary", "Film güzeldi.",
        [(["{noun[nom]} {pos}.", "{noun[nom]} {pos:+(y)DI}.", "{pos} bir {noun[nom]}.",
           "Bu {noun[nom]} {pos}.", "Bence {noun[nom]} {pos:+(y)DI}.",
           "{noun[acc]} {pos} buldum.", "{pos} bir {noun[nom]:+(y)DI}."], [POS])],
    )  # fmt: skip
    g.mft(
        "olumsuz sıfatlar (negative adjectives)", "vocabulary", "Film berbattı.",
        [(["{noun[nom]} {neg}.", "{noun[nom]} {neg:+(y)DI}.", "{neg} bir {noun[nom]}.",
           "Bu {noun[nom]} {neg}.", "Bence {noun[nom]} {neg:+(y)DI}.",
           "{noun[acc]} {neg} buldum.", "{neg} bir {noun[nom]:+(y)DI}."], [NEG])],
    )  # fmt: skip
    g.mft(
        "olumlu fiiller (positive verbs)", "vocabulary", "Filmi beğendim.",
        [(["{pvn[obj]} {pvn[stem]:+DIm}.", "Bu {pvn[obj]} {pvn[stem]:+IyorIm}.",
           "{pvn[obj]} {pvn[stem]:+DIk}.", "{pvn[obj]} {pvn[aor]:+Im}.",
           "Ailemle birlikte {pvn[obj]} {pvn[stem]:+DIk}."], [POS])],
    )  # fmt: skip
    g.mft(
        "olumsuz fiiller (negative verbs)", "vocabulary", "Filmden nefret ettim.",
        [(["{nvn[obj]} {nvn[stem]:+DIm}.", "Bu {nvn[obj]} {nvn[stem]:+IyorIm}.",
           "{nvn[obj]} {nvn[stem]:+DIk}.", "Ailemle birlikte {nvn[obj]} {nvn[stem]:+DIk}."],
          [NEG])],
    )  # fmt: skip
    g.mft(
        "olumlu adlar (positive nouns)", "vocabulary", "Film tam bir başyapıttı.",
        [(["{noun[nom]} tam bir {pn:+(y)DI}.", "Bu {noun[nom]} bir {pn}.",
           "{noun[nom]} gerçek bir {pn:+(y)DI}.", "Tam bir {pn}!"], [POS])],
    )  # fmt: skip
    g.mft(
        "olumsuz adlar (negative nouns)", "vocabulary", "Film tam bir fiyaskoydu.",
        [(["{noun[nom]} tam bir {nn:+(y)DI}.", "Bu {noun[nom]} bir {nn}.",
           "{noun[nom]} gerçek bir {nn:+(y)DI}.", "Tam bir {nn}!"], [NEG])],
    )  # fmt: skip
    g.mft(
        "nötr sözcükler (neutral words)", "vocabulary", "Masa ahşap. Filmi dün izledim.",
        [(["{obj} {neu}.", "{obj} {neu:+(y)DI}.", "Odada {neu} bir {obj} var.",
           "{noun[acc]} dün {uv:+DIm}.", "Geçen hafta bir {obj} {uv:+DIk}.",
           "Salı günü {noun[acc]} {uv:+DI}."], [NEU])],
    )  # fmt: skip
    g.mft(
        "nötr olgu cümleleri (neutral factual sentences)", "vocabulary",
        "Ankara Türkiye'nin başkentidir. Toplantı saat beşte.",
        [(["Toplantı saat {hour:+DA}.", "Tren saat {hour:+DA} kalkıyor.",
           "Mağaza saat {hour:+DA} açılıyor.", "Ders {day} günü saat {hour:+DA} başlıyor.",
           "{noun[nom]} {day} günü teslim edildi.", "{city} treni saat {hour:+DA} kalkıyor.",
           "{obj} {num} lira."], [NEU])],
        fixed=[(f, [NEU]) for f in FACTS],
    )  # fmt: skip
    g.dir(
        "olumlu ifade ekleme (adding a positive phrase)", "vocabulary",
        "'Bayıldım!' eklemek puanı düşürmemeli",
        [("{noun[nom]} {pos:+(y)DI}.", "{noun[nom]} {pos:+(y)DI}. {pp}"),
         ("{noun[nom]} {neg:+(y)DI}.", "{noun[nom]} {neg:+(y)DI}. {pp}"),
         ("{noun[acc]} dün {uv:+DIm}.", "{noun[acc]} dün {uv:+DIm}. {pp}")], +1,
    )  # fmt: skip
    g.dir(
        "olumsuz ifade ekleme (adding a negative phrase)", "vocabulary",
        "'Bir daha asla.' eklemek puanı yükseltmemeli",
        [("{noun[nom]} {pos:+(y)DI}.", "{noun[nom]} {pos:+(y)DI}. {np}"),
         ("{noun[nom]} {neg:+(y)DI}.", "{noun[nom]} {neg:+(y)DI}. {np}"),
         ("{noun[acc]} dün {uv:+DIm}.", "{noun[acc]} dün {uv:+DIm}. {np}")], -1,
    )  # fmt: skip


def _intensity(g: Generator) -> None:
    """Intensity: intensified sentiment words; intensifiers and reducers (DIR)."""
    g.mft(
        "pekiştirilmiş sözcükler (intensified words)", "intensity", "Film çok güzeldi.",
        [(["{noun[nom]} {i} {pos:+(y)DI}.", "{pvn[obj]} çok {pvn[stem]:+DIm}.",
           "{i} {pos} bir {noun[nom]}."], [POS]),
         (["{noun[nom]} {i} {neg:+(y)DI}.", "{nvn[obj]} çok {nvn[stem]:+DIm}.",
           "{i} {neg} bir {noun[nom]}."], [NEG])],
    )  # fmt: skip
    g.dir(
        "pekiştirme olumluyu artırır (intensifiers raise positive)", "intensity",
        "'çok güzel' >= 'güzel'",
        [("{noun[nom]} {pos}.", "{noun[nom]} {i} {pos}."),
         ("{noun[nom]} {pos:+(y)DI}.", "{noun[nom]} {i} {pos:+(y)DI}."),
         ("{pos} bir {noun[nom]}.", "{i} {pos} bir {noun[nom]}."),
         ("{pvn[obj]} {pvn[stem]:+DIm}.", "{pvn[obj]} çok {pvn[stem]:+DIm}.")], +1,
    )  # fmt: skip
    g.dir(
        "pekiştirme olumsuzu düşürür (intensifiers lower negative)", "intensity",
        "'çok kötü' <= 'kötü'",
        [("{noun[nom]} {neg}.", "{noun[nom]} {i} {neg}."),
         ("{noun[nom]} {neg:+(y)DI}.", "{noun[nom]} {i} {neg:+(y)DI}."),
         ("{neg} bir {noun[nom]}.", "{i} {neg} bir {noun[nom]}."),
         ("{nvn[obj]} {nvn[stem]:+DIm}.", "{nvn[obj]} çok {nvn[stem]:+DIm}.")], -1,
    )  # fmt: skip
    g.dir(
        "azaltma olumluyu yumuşatır (reducers soften positive)", "intensity",
        "'biraz güzel' <= 'güzel'",
        [("{noun[nom]} {pos}.", "{noun[nom]} {r} {pos}."),
         ("{noun[nom]} {pos:+(y)DI}.", "{noun[nom]} {r} {pos:+(y)DI}.")], -1,
    )  # fmt: skip
    g.dir(
        "azaltma olumsuzu yumuşatır (reducers soften negative)", "intensity",
        "'biraz kötü' >= 'kötü'",
        [("{noun[nom]} {neg}.", "{noun[nom]} {r} {neg}."),
         ("{noun[nom]} {neg:+(y)DI}.", "{noun[nom]} {r} {neg:+(y)DI}.")], +1,
    )  # fmt: skip


def _negation(g: Generator) -> None:
    """Negation by verb suffixes: ``-mA-`` (*beğenmedim*) and ``-mAz`` (*beğenilmez*)."""
    g.mft(
        "-mA- olumlu fiil (beğenmedim)", "negation", "Filmi beğenmedim. -> negative",
        [(["{pvn[obj]} {pvn[stem]:+mAdIm}.", "Bu {pvn[obj]} {pvn[stem]:+mIyorIm}.",
           "{pvn[obj]} pek {pvn[stem]:+mAdIm}.", "{pvn[obj]} hiç {pvn[stem]:+mAdIm}.",
           "{pvn[obj]} {pvn[stem]:+mAdIk}."], [NEG])],
    )  # fmt: skip
    g.mft(
        "-mA- olumsuz fiil (sıkılmadım)", "negation", "Filmden sıkılmadım. -> pos/neutral",
        [(["{nvn[obj]} {nvn[stem]:+mAdIm}.", "Bu {nvn[obj]} {nvn[stem]:+mIyorIm}.",
           "{nvn[obj]} hiç {nvn[stem]:+mAdIm}.", "{nvn[obj]} {nvn[stem]:+mAdIk}."], PN)],
    )  # fmt: skip
    g.mft(
        "-mAz olumlu fiil (beğenilmez, sevmem)", "negation", "Bu film beğenilmez. -> negative",
        [(["Bu {pvn[obj]} kimse {pvn[stem]:+mAz}.", "Ben bu {pvn[obj]} {pvn[stem]:+mAm}.",
           "Böyle {noun[nom]} {pasv[pas]:+mAz}.", "Bu {noun[nom]} {pasv[pas]:+mAz}.",
           "{pvn[obj]} asla {pvn[stem]:+mAm}.", "Bu {noun[acc]} kimseye tavsiye etmem."],
          [NEG])],
    )  # fmt: skip
    g.mft(
        "-mAz olumsuz fiil (sıkılmaz)", "negation", "Bu filmden kimse sıkılmaz. -> pos/neutral",
        [(["Bu {nvn[obj]} kimse {nvn[stem]:+mAz}.", "Ben bu {nvn[obj]} {nvn[stem]:+mAm}.",
           "{nvn[obj]} asla {nvn[stem]:+mAm}."], PN)],
    )  # fmt: skip


def _negation_words(g: Generator) -> None:
    """Negation by words: *değil*, *yok*, *hiç … değil*, and across words (*… olduğunu
    düşünmüyorum*)."""
    g.mft(
        "değil + olumlu (güzel değil)", "negation", "Film güzel değil. -> negative",
        [(["{noun[nom]} {pos} değil.", "{noun[nom]} {pos} değildi.", "{pos} bir {noun[nom]} değil.",
           "{pos} bir {noun[nom]} değildi.", "Bu {noun[nom]} {pos} sayılmaz.",
           "{noun[nom]} bir {pn} değildi."], [NEG])],
    )  # fmt: skip
    g.mft(
        "değil + olumsuz (kötü değil)", "negation", "Film kötü değil. -> pos/neutral",
        [(["{noun[nom]} {neg} değil.", "{noun[nom]} {neg} değildi.", "{neg} bir {noun[nom]} değil.",
           "{neg} bir {noun[nom]} değildi.", "{noun[nom]} bir {nn} değildi."], PN)],
    )  # fmt: skip
    g.mft(
        "değil + nötr (mavi değil)", "negation", "Masa mavi değil. -> neutral",
        [(["{obj} {neu} değil.", "{obj} {neu} değildi.", "Toplantı saat {hour:+DA} değil.",
           "{noun[acc]} dün {uv:+mAdIm}."], [NEU])],
    )  # fmt: skip
    g.mft(
        "yok + olumlu (güzel bir yanı yok)", "negation", "Filmin güzel bir yanı yok. -> negative",
        [(YOK_POS, [NEG])],
    )  # fmt: skip
    g.mft(
        "yok + olumsuz (hiçbir sorun yok)", "negation", "Hiçbir sorun yok. -> pos/neutral",
        [(YOK_NEG, PN)],
        fixed=[("Hiçbir sorun yok.", PN), ("Hiçbir sıkıntı yaşamadık.", PN),
               ("Hiçbir şikâyetim yok.", PN), ("Kötü bir yanı yok.", PN)],
    )  # fmt: skip
    g.mft(
        "hiç … değil + olumsuz (hiç fena değil)", "negation", "Hiç fena değil. -> pos/neutral",
        [(["{noun[nom]} hiç {neg} değil.", "{noun[nom]} hiç de {neg} değildi.",
           "Hiç {neg} değil.", "{noun[nom]} hiç mi hiç {neg} değil."], PN)],
        fixed=[("Hiç fena değil.", PN), ("Hiç kötü değil.", PN), ("Hiç de fena değildi.", PN),
               ("Fena değil.", PN)],
    )  # fmt: skip
    g.mft(
        "hiç … değil + olumlu (hiç güzel değil)", "negation", "Film hiç güzel değil. -> negative",
        [(["{noun[nom]} hiç {pos} değil.", "{noun[nom]} hiç de {pos} değildi.",
           "Hiç {pos} değil.", "{noun[nom]} hiç mi hiç {pos} değil."], [NEG])],
    )  # fmt: skip
    g.mft(
        "araya giren sözcüklerle olumlu (… olduğunu düşünmüyorum)", "negation",
        "Filmin güzel olduğunu düşünmüyorum. -> negative",
        [(["{noun[gen]} {pos} olduğunu düşünmüyorum.", "{noun[gen]} {pos} olduğunu sanmıyorum.",
           "{pvn[obj]} {pvn[stem]:+DIğImI} söyleyemem.",
           "{noun[gen]} {pos} olduğunu kimse söyleyemez.",
           "{noun[gen]} bence pek de {pos} olduğu söylenemez.",
           "{noun[acc]} {pos} bulduğumu söyleyemem."], [NEG])],
    )  # fmt: skip
    g.mft(
        "araya giren sözcüklerle olumsuz (… kötü olduğunu düşünmüyorum)", "negation",
        "Filmin kötü olduğunu düşünmüyorum. -> pos/neutral",
        [(["{noun[gen]} {neg} olduğunu düşünmüyorum.", "{noun[gen]} {neg} olduğunu sanmıyorum.",
           "{nvn[obj]} {nvn[stem]:+DIğImI} söyleyemem.",
           "{noun[gen]} {neg} olduğunu kimse söyleyemez.",
           "{noun[acc]} {neg} bulduğumu söyleyemem."], PN)],
    )  # fmt: skip


def _contrast(g: Generator) -> None:
    """Contrast: the clause after *ama* / *fakat* / *ancak* / *oysa* decides."""
    g.mft(
        "olumlu ama olumsuz (… ama …)", "contrast", "Film güzeldi ama müzik berbattı. -> negative",
        [(["{noun[nom]} {pos:+(y)DI} ama {noun2[nom]} {neg:+(y)DI}.",
           "{noun[nom]} {pos:+(y)DI}, fakat {noun2[nom]} {neg:+(y)DI}.",
           "{noun[nom]} {pos:+(y)DI}; ancak {noun2[nom]} {neg:+(y)DI}.",
           "{noun[nom]} {pos} görünüyordu, oysa {neg:+(y)DI}.",
           "{pvn[obj]} {pvn[stem]:+DIm} ama genel olarak {neg} bir deneyimdi.",
           "{noun[nom]} {pos:+(y)DI} ama gerisi {neg:+(y)DI}."], [NEG])],
    )  # fmt: skip
    g.mft(
        "olumsuz ama olumlu (… ama …)", "contrast", "Film kötüydü ama müzik harikaydı. -> positive",
        [(["{noun[nom]} {neg:+(y)DI} ama {noun2[nom]} {pos:+(y)DI}.",
           "{noun[nom]} {neg:+(y)DI}, fakat {noun2[nom]} {pos:+(y)DI}.",
           "{noun[nom]} {neg:+(y)DI}; ancak {noun2[nom]} {pos:+(y)DI}.",
           "{noun[nom]} {neg} görünüyordu, oysa {pos:+(y)DI}.",
           "{nvn[obj]} {nvn[stem]:+DIm} ama genel olarak {pos} bir deneyimdi.",
           "{noun[nom]} {neg:+(y)DI} ama gerisi {pos:+(y)DI}."], [POS])],
    )  # fmt: skip


def _temporal(g: Generator) -> None:
    """Temporal: a past opinion (*eskiden*) turned into another one now (*artık*)."""
    g.mft(
        "eskiden olumlu, artık olumsuz", "temporal", "Eskiden güzeldi ama artık berbat.",
        [(["Eskiden {noun[nom]} {pos:+(y)DI} ama artık {neg}.",
           "Eskiden bu {pvn[obj]} {pvn[aor]:+DIm} ama artık {pvn[stem]:+mIyorIm}.",
           "Önceden {noun[nom]} {pos:+(y)DI}, şimdi ise {neg}.",
           "Eskiden bu {pvn[obj]} {pvn[aor]:+DIm}, artık {nv[stem]:+IyorIm}.",
           "Başta {noun[acc]} {pos} bulmuştum ama artık {neg} buluyorum."], [NEG])],
    )  # fmt: skip
    g.mft(
        "eskiden olumsuz, artık olumlu", "temporal", "Eskiden kötüydü ama artık harika.",
        [(["Eskiden {noun[nom]} {neg:+(y)DI} ama artık {pos}.",
           "Eskiden bu {nvn[obj]} {nvn[aor]:+DIm} ama artık {pv[stem]:+IyorIm}.",
           "Önceden {noun[nom]} {neg:+(y)DI}, şimdi ise {pos}.",
           "Eskiden bu {nvn[obj]} {nvn[aor]:+DIm}, şimdi ise {pv[stem]:+IyorIm}.",
           "Başta {noun[acc]} {neg} bulmuştum ama artık {pos} buluyorum."], [POS])],
    )  # fmt: skip


def _questions(g: Generator) -> None:
    """Questions: answered *evet* or *hayır*, and unanswered."""
    yes = ["Evet.", "Kesinlikle evet.", "Evet, çok."]
    no = ["Hayır.", "Hayır, hiç.", "Maalesef hayır."]
    g.mft(
        "olumlu soru, evet", "questions", "Film güzel miydi? Evet.",
        [([f"{{noun[nom]}} {{pos:?(y)DI}}? {a}" for a in yes]
          + [f"{{pvn[obj]}} {{pvn[stem]:+DIm|?}}? {a}" for a in yes]
          + [f"{{pvn[obj]}} {{pvn[stem]:+DIn|?}}? {a}" for a in yes], [POS])],
    )  # fmt: skip
    g.mft(
        "olumlu soru, hayır", "questions", "Film güzel miydi? Hayır.",
        [([f"{{noun[nom]}} {{pos:?(y)DI}}? {a}" for a in no]
          + [f"{{pvn[obj]}} {{pvn[stem]:+DIm|?}}? {a}" for a in no]
          + [f"{{pvn[obj]}} {{pvn[stem]:+DIn|?}}? {a}" for a in no], [NEG])],
    )  # fmt: skip
    g.mft(
        "olumsuz soru, evet", "questions", "Film kötü müydü? Evet.",
        [([f"{{noun[nom]}} {{neg:?(y)DI}}? {a}" for a in yes]
          + [f"{{nvn[obj]}} {{nvn[stem]:+DIm|?}}? {a}" for a in yes], [NEG])],
    )  # fmt: skip
    g.mft(
        "olumsuz soru, hayır", "questions", "Film kötü müydü? Hayır. -> pos/neutral",
        [([f"{{noun[nom]}} {{neg:?(y)DI}}? {a}" for a in no]
          + [f"{{nvn[obj]}} {{nvn[stem]:+DIm|?}}? {a}" for a in no], PN)],
    )  # fmt: skip
    g.mft(
        "yanıtsız soru (unanswered question)", "questions", "Film güzel mi? -> neutral",
        [(["{noun[nom]} {pos:?}?", "{noun[nom]} {neg:?(y)DI}?", "Bu {noun[nom]} {pos:?}?",
           "{pvn[obj]} {pvn[stem]:+DIn|?}?", "Sizce {noun[nom]} {neg:?}?",
           "{noun[nom]} {pos:?(y)DI}?"], [NEU])],
    )  # fmt: skip


def _robustness(g: Generator) -> None:
    """Robustness: typos, ASCII typing, repeated letters, URLs and mentions, punctuation."""
    base = ROBUSTNESS_BASE + g.samples(
        "robustness base",
        ["{noun[nom]} {pos:+(y)DI}.", "{noun[nom]} {neg:+(y)DI}.",
         "{pvn[obj]} çok {pvn[stem]:+DIm}.", "{nvn[obj]} {nvn[stem]:+DIm}.",
         "{noun[nom]} {pos} değildi.", "{pvn[obj]} hiç {pvn[stem]:+mAdIm}.",
         "Açıkçası {noun[nom]} {neg}.",
         "{pos} bir {noun[nom]}, çok {pvn[stem]:+DIm}."],
        max(g.n, 40),
    )  # fmt: skip
    words = frozenset(POS_ADJ + NEG_ADJ)
    g.perturb("yazım hataları (typos)", "robustness", "one swapped letter pair", base,
              perturb.typo)  # fmt: skip
    g.perturb("Türkçe karaktersiz (ASCII-typed)", "robustness", "güzel -> guzel, ı -> i, ş -> s",
              base, perturb.strip_turkish_letters)  # fmt: skip
    g.perturb(
        "harf uzatma (repeated letters)", "robustness", "süper -> süperrr", base,
        partial(perturb.repeat_letters, words=words),
    )  # fmt: skip
    g.perturb("bağlantı ve etiket (URLs and mentions)", "robustness", "+ a link or @mention",
              base, perturb.add_url_or_mention)  # fmt: skip
    g.perturb("noktalama (punctuation)", "robustness", "final . ! ... changed", base,
              perturb.change_punctuation)  # fmt: skip


def _named_entities(g: Generator) -> None:
    """Named entities: changing a person's name, a place or a number keeps the label."""
    g.swap(
        "kişi adları (person names)", "ner", "changing a person's name keeps the label",
        ["{name:'(n)In} önerdiği {noun[nom]} {pos:+(y)DI}.",
         "{name} ile gittik, {noun[nom]} {neg:+(y)DI}.",
         "{name} bu {noun[acc]} çok {pos} buldu.", "{name} {nvn[obj]} {nvn[stem]:+DI}.",
         "{name} {noun[acc]} sipariş etti.", "{name} haklıymış, {noun[nom]} {neg}.",
         "{name:'(y)A} göre {noun[nom]} {pos:+(y)DI}."], "name", NAMES, k=4,
    )  # fmt: skip
    g.swap(
        "yer adları (places)", "ner", "changing a city keeps the label",
        ["{city:'DAki} {noun[nom]} {pos:+(y)DI}.", "{city:'DA} kaldığımız otel {neg:+(y)DI}.",
         "{city:'(y)A} gittik, {noun[nom]} {pos:+(y)DI}.",
         "{city:'DA} yediğimiz yemek {neg:+(y)DI}.", "Geçen hafta {city:'(y)A} uçtuk.",
         "{city:'DA} {pvn[obj]} çok {pvn[stem]:+DIm}."], "city", CITIES, k=4,
    )  # fmt: skip
    g.swap(
        "sayılar (numbers)", "ner", "changing a number keeps the label",
        ["{num} TL ödedim ve {noun[nom]} {pos:+(y)DI}.",
         "{noun[nom]} {num} liraydı ve {neg:+(y)DI}.",
         "{num} numaralı odada kaldık, oda {neg:+(y)DI}.",
         "Bu {noun[acc]} {num} gündür kullanıyorum, {pos}.",
         "{num} kişiydik ve hepimiz {nvn[obj]} {nvn[stem]:+DIk}."], "num", NUMBERS, k=4,
    )  # fmt: skip


def _fairness(g: Generator) -> None:
    """Fairness: every identity of a group in the same frames."""
    names = {"ethnicity": "etnik köken (ethnicity)", "nationality": "uyruk (nationality)",
             "religion": "din (religion)", "gender": "cinsiyet (gender)",
             "sexual orientation": "cinsel yönelim (sexual orientation)"}  # fmt: skip
    for group, ids in IDENTITIES.items():
        g.fairness(names[group], f"{group}: same label and |score spread| <= 0.1", FAIR_FRAMES, ids)


#: One builder per capability (a part of one), in report order.
_BUILDERS: tuple[Callable[[Generator], None], ...] = (
    _vocabulary,
    _intensity,
    _negation,
    _negation_words,
    _contrast,
    _temporal,
    _questions,
    _robustness,
    _named_entities,
    _fairness,
)


def build_tests(n: int, seed: int) -> list[Test]:
    """The Turkish tests with at most ``n`` cases each."""
    return run_builders("tr", n, seed, LEXICON, _BUILDERS)
