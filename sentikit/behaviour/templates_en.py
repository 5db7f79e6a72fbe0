"""The English behavioural tests: templates and one builder per capability (word lists:
:mod:`sentikit.behaviour.words_en`; see :mod:`sentikit.behaviour`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from sentikit.behaviour import perturb
from sentikit.behaviour.cases import NEG, NEU, POS, Test
from sentikit.behaviour.generate import Generator, run_builders
from sentikit.behaviour.words_en import (
    CITIES,
    FACTS,
    IDENTITIES,
    LEXICON,
    NAMES,
    NEG_ADJ,
    NEG_VERBS,
    NUMBERS,
    POS_ADJ,
    POS_VERBS,
    ROBUSTNESS_BASE,
)

__all__ = ["FAIR_FRAMES", "build_tests"]

PN = (POS, NEU)  # "not negative": positive or neutral

FAIR_FRAMES = [
    # neutral frames
    "I am {who:a}.",
    "My neighbour is {who:a}.",
    "{who:A} lives next door.",
    "The new teacher is {who:a}.",
    "{who:A} wrote this review.",
    "I met {who:a} at the {noun} yesterday.",
    "My manager is {who:a} and works from home on Fridays.",
    # positive frames
    "I am {who:a} and I {pv[past]} this {noun}.",
    "{who:A} served us and the {noun} was {pos}.",
    "As {who:a}, I found the {noun} {pos}.",
    "My friend is {who:a} and we both thought the {noun} was {pos}.",
    "The {noun} was {pos}, said {who:a}.",
    "{who:A} recommended this {noun} and it was {pos}.",
    # negative frames
    "I am {who:a} and I {nv[past]} this {noun}.",
    "{who:A} served us and the {noun} was {neg}.",
    "As {who:a}, I found the {noun} {neg}.",
    "My friend is {who:a} and we both thought the {noun} was {neg}.",
    "The {noun} was {neg}, said {who:a}.",
    "{who:A} recommended this {noun} and it was {neg}.",
]


def _vocabulary(g: Generator) -> None:
    """Vocabulary: sentiment adjectives, verbs and nouns; neutral words and facts; added phrases."""
    g.mft(
        "positive adjectives in neutral frames", "vocabulary", "The food was great.",
        [(["The {noun} was {pos}.", "This {noun} is {pos}.", "It was {pos:a} {noun}.",
           "I found the {noun} {pos}.", "What {pos:a} {noun}!", "The {noun} is {pos}."], [POS])],
    )  # fmt: skip
    g.mft(
        "negative adjectives in neutral frames", "vocabulary", "The food was awful.",
        [(["The {noun} was {neg}.", "This {noun} is {neg}.", "It was {neg:a} {noun}.",
           "I found the {noun} {neg}.", "What {neg:a} {noun}!", "The {noun} is {neg}."], [NEG])],
    )  # fmt: skip
    g.mft(
        "positive verbs", "vocabulary", "I loved the food.",
        [(["I {pv[past]} the {noun}.", "I {pv[pres]} this {noun}.", "We {pv[past]} the {noun}.",
           "My family {pv[past]} this {noun}."], [POS])],
    )  # fmt: skip
    g.mft(
        "negative verbs", "vocabulary", "I hated the food.",
        [(["I {nv[past]} the {noun}.", "I {nv[pres]} this {noun}.", "We {nv[past]} the {noun}.",
           "My family {nv[past]} this {noun}."], [NEG])],
    )  # fmt: skip
    g.mft(
        "positive nouns", "vocabulary", "The food was a delight.",
        [(["The {noun} was {pn}.", "This {noun} is {pn}.", "What {pn} this {noun} was!",
           "This {noun} was {pn} from start to finish."], [POS])],
    )  # fmt: skip
    g.mft(
        "negative nouns", "vocabulary", "The food was a disaster.",
        [(["The {noun} was {nn}.", "This {noun} is {nn}.", "What {nn} this {noun} was!",
           "This {noun} was {nn} from start to finish."], [NEG])],
    )  # fmt: skip
    g.mft(
        "neutral words in context", "vocabulary", "The chair is wooden. I bought the ticket.",
        [(["The {obj} is {neu}.", "The {obj} was {neu}.", "I {uv} the {noun} yesterday.",
           "We {uv} the {obj} last week.", "There is {neu:a} {obj} in the room.",
           "She {uv} the {noun} on Tuesday.", "The {obj} is {neup}."], [NEU])],
    )  # fmt: skip
    g.mft(
        "neutral factual sentences", "vocabulary", "Paris is the capital of France.",
        [(["{cap[0]} is the capital of {cap[1]}.", "The meeting is at {time}.",
           "The train to {city} leaves at {time}.", "The store opens at {time} on {day}.",
           "The {obj} costs {num} dollars.", "The lecture starts at {time} on {day}.",
           "The {noun} is delivered on {day}."], [NEU])],
        fixed=[(f, [NEU]) for f in FACTS],
    )  # fmt: skip
    g.dir(
        "adding a positive phrase", "vocabulary", "…; adding 'Loved it.' must not lower the score",
        [("The {noun} was {pos}.", "The {noun} was {pos}. {pp}"),
         ("The {noun} was {neg}.", "The {noun} was {neg}. {pp}"),
         ("I {uv} the {noun}.", "I {uv} the {noun}. {pp}")], +1,
    )  # fmt: skip
    g.dir(
        "adding a negative phrase", "vocabulary", "…; adding 'Never again.' must not raise it",
        [("The {noun} was {pos}.", "The {noun} was {pos}. {np}"),
         ("The {noun} was {neg}.", "The {noun} was {neg}. {np}"),
         ("I {uv} the {noun}.", "I {uv} the {noun}. {np}")], -1,
    )  # fmt: skip


def _intensity(g: Generator) -> None:
    """Intensity: intensified sentiment words; intensifiers and reducers (DIR)."""
    g.mft(
        "intensified sentiment words", "intensity", "The food was extremely good.",
        [(["The {noun} was {i} {pos}.", "I really {pv[past]} the {noun}.",
           "This {noun} is {i} {pos}."], [POS]),
         (["The {noun} was {i} {neg}.", "I really {nv[past]} the {noun}.",
           "This {noun} is {i} {neg}."], [NEG])],
    )  # fmt: skip
    g.dir(
        "intensifiers raise positive", "intensity", "'very good' >= 'good'",
        [("The {noun} was {pos}.", "The {noun} was {i} {pos}."),
         ("I found the {noun} {pos}.", "I found the {noun} {i} {pos}."),
         ("I {pv[past]} the {noun}.", "I really {pv[past]} the {noun}."),
         ("I {pv[past]} the {noun}.", "I {pv[past]} the {noun} a lot."),
         ("It is {pos}.", "It is {i} {pos}.")], +1,
    )  # fmt: skip
    g.dir(
        "intensifiers lower negative", "intensity", "'very bad' <= 'bad'",
        [("The {noun} was {neg}.", "The {noun} was {i} {neg}."),
         ("I found the {noun} {neg}.", "I found the {noun} {i} {neg}."),
         ("I {nv[past]} the {noun}.", "I really {nv[past]} the {noun}."),
         ("It is {neg}.", "It is {i} {neg}.")], -1,
    )  # fmt: skip
    g.dir(
        "reducers soften positive", "intensity", "'somewhat good' <= 'good'",
        [("The {noun} was {pos}.", "The {noun} was {r} {pos}."),
         ("I found the {noun} {pos}.", "I found the {noun} {r} {pos}."),
         ("It is {pos}.", "It is {r} {pos}.")], -1,
    )  # fmt: skip
    g.dir(
        "reducers soften negative", "intensity", "'somewhat bad' >= 'bad'",
        [("The {noun} was {neg}.", "The {noun} was {r} {neg}."),
         ("I found the {noun} {neg}.", "I found the {noun} {r} {neg}."),
         ("It is {neg}.", "It is {r} {neg}.")], +1,
    )  # fmt: skip


def _negation(g: Generator) -> None:
    """Negation: negated positive, negative and neutral words, negation across words,
    *nothing* / *no*, negated expectations."""
    g.mft(
        "negated positive", "negation", "The food was not good. I didn't like it.",
        [(["The {noun} was not {pos}.", "This {noun} isn't {pos}.", "It was not {pos:a} {noun}.",
           "I did not {pv[pres]} the {noun}.", "I don't {pv[pres]} this {noun}.",
           "The {noun} wasn't {pos}.", "We never {pv[past]} the {noun}.",
           "The {noun} was not {pn}."], [NEG])],
    )  # fmt: skip
    g.mft(
        "negated negative", "negation", "The food was not bad. -> positive or neutral",
        [(["The {noun} was not {neg}.", "This {noun} isn't {neg}.", "It was not {neg:a} {noun}.",
           "I did not {nv[pres]} the {noun}.", "I don't {nv[pres]} this {noun}.",
           "The {noun} wasn't {neg}.", "The {noun} was not {nn}."], PN)],
    )  # fmt: skip
    g.mft(
        "negated neutral", "negation", "The chair is not wooden. -> neutral",
        [(["The {obj} is not {neu}.", "The {obj} wasn't {neu}.", "I did not buy the {obj}.",
           "We didn't see the {obj}.", "The meeting is not at {time}.",
           "The {obj} is not {neup}."], [NEU])],
    )  # fmt: skip
    g.mft(
        "negation across words, positive", "negation", "I don't think the food was good.",
        [(["I don't think the {noun} was {pos}.", "I do not think that the {noun} is {pos}.",
           "The {noun} was not, in my opinion, {pos}.", "I would not say the {noun} was {pos}.",
           "I can't say that I {pv[past]} the {noun}.", "Nobody would call this {noun} {pos}.",
           "The {noun} was not really all that {pos}.", "I don't feel the {noun} was {pos}.",
           "I wouldn't call the {noun} {pos}.", "The {noun} was never {pos}."], [NEG])],
    )  # fmt: skip
    g.mft(
        "negation across words, negative", "negation", "not bad at all -> positive or neutral",
        [(["The {noun} was not {neg} at all.", "The {noun} wasn't {neg} at all.",
           "I don't think the {noun} was {neg}.", "The {noun} was never {neg}.",
           "I would not say the {noun} was {neg}.", "I didn't {nv[pres]} the {noun} at all.",
           "Not {neg} at all.", "The {noun} is not {neg}, not at all.",
           "I wouldn't call the {noun} {neg}."], PN)],
        fixed=[("Not bad at all.", PN), ("Not bad.", PN), ("Not too bad.", PN),
               ("Honestly not bad at all.", PN), ("Not terrible at all.", PN)],
    )  # fmt: skip
    g.mft(
        "nothing / no with positive", "negation", "There was nothing good about the food.",
        [(["There was nothing {pos} about the {noun}.", "Nothing about the {noun} was {pos}.",
           "No one {pv[past]} the {noun}.", "None of us {pv[past]} the {noun}.",
           "There is nothing {pos} to say about this {noun}.",
           "Nobody {pv[past]} this {noun}."], [NEG])],
    )  # fmt: skip
    g.mft(
        "nothing / no with negative", "negation", "No problems with the food -> positive/neutral",
        [(["There was nothing {neg} about the {noun}.", "Nothing about the {noun} was {neg}.",
           "I had no problems with the {noun}.", "There were no issues with the {noun}.",
           "I have no complaints about the {noun}.", "No one {nv[past]} the {noun}.",
           "Nobody {nv[past]} this {noun}."], PN)],
    )  # fmt: skip
    g.mft(
        "negated expectation", "negation", "I thought it would be bad, but it wasn't.",
        [(["I thought the {noun} would be {neg}, but it wasn't.",
           "I expected the {noun} to be {neg}, but it was not.",
           "Everyone said the {noun} was {neg}, but it wasn't."], PN),
         (["I thought the {noun} would be {pos}, but it wasn't.",
           "I expected the {noun} to be {pos}, but it was not.",
           "Everyone said the {noun} was {pos}, but it wasn't."], [NEG])],
    )  # fmt: skip


def _contrast(g: Generator) -> None:
    """Contrast: the clause after *but* decides."""
    g.mft(
        "positive then negative after but", "contrast", "The food was good, but the service "
        "was terrible. -> negative",
        [(["The {noun} was {pos}, but the {noun2} was {neg}.",
           "The {noun} was {pos}; however, the {noun2} was {neg}.",
           "Although the {noun} was {pos}, the {noun2} was {neg}.",
           "The {noun} is {pos}, yet the {noun2} is {neg}.",
           "I {pv[past]} the {noun}, but overall it was {neg}.",
           "The {noun} was {pos}, but overall the experience was {neg}.",
           "The {noun} looked {pos}, but it was {neg}."], [NEG])],
    )  # fmt: skip
    g.mft(
        "negative then positive after but", "contrast", "The food was bad, but the service was "
        "great. -> positive",
        [(["The {noun} was {neg}, but the {noun2} was {pos}.",
           "The {noun} was {neg}; however, the {noun2} was {pos}.",
           "Although the {noun} was {neg}, the {noun2} was {pos}.",
           "The {noun} is {neg}, yet the {noun2} is {pos}.",
           "I {nv[past]} the {noun}, but overall it was {pos}.",
           "The {noun} was {neg}, but overall the experience was {pos}.",
           "The {noun} looked {neg}, but it was {pos}."], [POS])],
    )  # fmt: skip


def _temporal(g: Generator) -> None:
    """Temporal: a past opinion turned into another one now."""
    g.mft(
        "used to be positive, now negative", "temporal", "I used to love it, but now I hate it.",
        [(["I used to {pv[pres]} this {noun}, but now I {nv[pres]} it.",
           "This {noun} used to be {pos}, but now it is {neg}.",
           "The {noun} was {pos} at first, but now it is {neg}.",
           "In the past the {noun} was {pos}; now it is {neg}.",
           "I think the {noun} is {neg} now, although I used to think it was {pos}.",
           "I used to think this {noun} was {pos}, but now I think it is {neg}."], [NEG])],
    )  # fmt: skip
    g.mft(
        "used to be negative, now positive", "temporal", "I used to hate it, but now I love it.",
        [(["I used to {nv[pres]} this {noun}, but now I {pv[pres]} it.",
           "This {noun} used to be {neg}, but now it is {pos}.",
           "The {noun} was {neg} at first, but now it is {pos}.",
           "In the past the {noun} was {neg}; now it is {pos}.",
           "I think the {noun} is {pos} now, although I used to think it was {neg}.",
           "I used to think this {noun} was {neg}, but now I think it is {pos}."], [POS])],
    )  # fmt: skip


def _questions(g: Generator) -> None:
    """Questions: answered yes or no, and unanswered."""
    g.mft(
        "positive question, yes", "questions", "Did I like the food? Yes.",
        [(["Did I {pv[pres]} the {noun}? Yes.", "Was the {noun} {pos}? Yes.",
           "Do I think the {noun} is {pos}? Yes.", "Was the {noun} {pos}? Absolutely.",
           "Would I call the {noun} {pos}? Yes, definitely."], [POS])],
    )  # fmt: skip
    g.mft(
        "positive question, no", "questions", "Did I like the food? No.",
        [(["Did I {pv[pres]} the {noun}? No.", "Was the {noun} {pos}? No.",
           "Do I think the {noun} is {pos}? No.", "Was the {noun} {pos}? Not at all.",
           "Would I call the {noun} {pos}? Definitely not."], [NEG])],
    )  # fmt: skip
    g.mft(
        "negative question, yes", "questions", "Was the food bad? Yes.",
        [(["Did I {nv[pres]} the {noun}? Yes.", "Was the {noun} {neg}? Yes.",
           "Do I think the {noun} is {neg}? Yes.", "Was the {noun} {neg}? Absolutely."], [NEG])],
    )  # fmt: skip
    g.mft(
        "negative question, no", "questions", "Was the food bad? No. -> positive or neutral",
        [(["Did I {nv[pres]} the {noun}? No.", "Was the {noun} {neg}? No.",
           "Do I think the {noun} is {neg}? No.", "Was the {noun} {neg}? Not at all."], PN)],
    )  # fmt: skip
    g.mft(
        "unanswered question", "questions", "Is the food good? -> neutral",
        [(["Is the {noun} {pos}?", "Was the {noun} {neg}?", "Is this {noun} {pos}?",
           "Do you think the {noun} is {pos}?", "Will the {noun} be {neg}?",
           "Did you {pv[pres]} the {noun}?"], [NEU])],
    )  # fmt: skip


def _robustness(g: Generator) -> None:
    """Robustness: typos, repeated letters, URLs and mentions, punctuation, contractions."""
    base = ROBUSTNESS_BASE + g.samples(
        "robustness base",
        ["The {noun} was {pos}.", "The {noun} was {neg}.", "I {pv[past]} the {noun}.",
         "I {nv[past]} the {noun}.", "The {noun} was not {pos}.", "I didn't {pv[pres]} the {noun}.",
         "It is {pos:a} {noun}, I {pv[pres]} it.", "Honestly, the {noun} is {neg}."],
        max(g.n, 40),
    )  # fmt: skip
    words = frozenset(POS_ADJ + NEG_ADJ + [v["past"] for v in POS_VERBS + NEG_VERBS])
    g.perturb("typos", "robustness", "one swapped letter pair", base, perturb.typo)
    g.perturb(
        "repeated letters", "robustness", "good -> goood", base,
        partial(perturb.repeat_letters, words=words),
    )  # fmt: skip
    g.perturb("URLs and mentions", "robustness", "+ a link or @mention", base,
              perturb.add_url_or_mention)  # fmt: skip
    g.perturb("punctuation", "robustness", "final . ! ... changed", base,
              perturb.change_punctuation)  # fmt: skip
    g.perturb("contractions", "robustness", "didn't <-> did not", base,
              perturb.contract_or_expand)  # fmt: skip


def _named_entities(g: Generator) -> None:
    """Named entities: changing a person's name, a place or a number keeps the label."""
    g.swap(
        "person names", "ner", "changing a person's name keeps the label",
        ["{name} said the {noun} was {pos}.", "I went with {name} and the {noun} was {neg}.",
         "{name} recommended this {noun} and it was {pos}.", "{name} {nv[past]} the {noun}.",
         "{name} ordered the {noun}.", "Thanks to {name}, the {noun} was {pos}.",
         "{name} was right, the {noun} is {neg}."], "name", NAMES, k=4,
    )  # fmt: skip
    g.swap(
        "places", "ner", "changing a city keeps the label",
        ["The {noun} in {city} was {pos}.", "Our {noun} in {city} was {neg}.",
         "I visited {city} and the {noun} was {pos}.", "The {noun} we had in {city} was {neg}.",
         "We flew to {city} last week.", "I {pv[past]} the {noun} in {city}."],
        "city", CITIES, k=4,
    )  # fmt: skip
    g.swap(
        "numbers", "ner", "changing a number keeps the label",
        ["I paid {num} dollars and the {noun} was {pos}.", "We waited {num} minutes and the "
         "{noun} was {pos}.", "The {noun} cost {num} euros and it was {neg}.",
         "Room {num} was {neg}.", "I have used this {noun} for {num} days and it is {pos}.",
         "There were {num} of us and we all {nv[past]} the {noun}."], "num", NUMBERS, k=4,
    )  # fmt: skip


def _fairness(g: Generator) -> None:
    """Fairness: every identity of a group in the same frames."""
    for group, ids in IDENTITIES.items():
        g.fairness(group, f"{group}: same label and |score spread| <= 0.1", FAIR_FRAMES, ids)


#: One builder per capability (a part of one), in report order.
_BUILDERS: tuple[Callable[[Generator], None], ...] = (
    _vocabulary,
    _intensity,
    _negation,
    _contrast,
    _temporal,
    _questions,
    _robustness,
    _named_entities,
    _fairness,
)


def build_tests(n: int, seed: int) -> list[Test]:
    """The English tests with at most ``n`` cases each."""
    return run_builders("en", n, seed, LEXICON, _BUILDERS)
