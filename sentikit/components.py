"""The component registry and the data that training entry points hand to components.

Every model part — a feature family, a model — is registered under a versioned name with a
decorator, in the style of spaCy's ``@registry.…("name.v1")``::

    from sentikit.components import registry

    @registry.families.register("mylab.word_lengths.v1")
    class WordLengths:
        ...

Configurations and bundles name parts only by these names; :meth:`Registry.get` turns a name
into the class. The contract a feature family satisfies is :mod:`sentikit.features.base`.

*Data in, not fetched*: a part that learns from auxiliary data (labelled corpora, unlabelled
texts, lexicons) declares it (:class:`DataRef`, built from the part's ``data_params``), and the
training entry points (``sentikit train``, the evaluation runners: :mod:`sentikit.training`)
resolve every reference once into :class:`Resources`, which the model receives in its
``initialize`` step. Model parts never open the dataset catalogue.

This module sits in the bottom layer (beside :mod:`sentikit.doc`): every layer may import it.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, Protocol, TypeVar, runtime_checkable

from sentikit.errors import BundleError, ResourceMissingError

T = TypeVar("T")

_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.v[0-9]+$")


class Registry(Generic[T]):
    """Components of one kind by versioned name (``"sentikit.word_ngrams.v1"``).

    Examples
    --------
    >>> reg: Registry[type] = Registry("example")
    >>> @reg.register("demo.thing.v1")
    ... class Thing:
    ...     pass
    >>> reg.get("demo.thing.v1") is Thing, Thing.name
    (True, 'demo.thing.v1')
    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}

    def register(self, name: str) -> Callable[[T], T]:
        """A decorator registering its class under ``name`` (and setting the class's ``name``).

        Raises ``ValueError`` for a name that is not ``dotted.lower_case.vN`` or that another
        class already holds (registering the same class twice is harmless: a module reload).
        """
        if not _NAME.match(name):
            raise ValueError(f"{self.kind} name {name!r} is not of the form 'package.part.v1'")

        def deco(obj: T) -> T:
            held = self._items.get(name)
            if held is not None and getattr(held, "__qualname__", None) != getattr(
                obj, "__qualname__", None
            ):
                raise ValueError(f"{self.kind} {name!r} is already registered to {held!r}")
            self._items[name] = obj
            setattr(obj, "name", name)  # noqa: B010 - the registered name is the class's name
            return obj

        return deco

    def get(self, name: str) -> T:
        """The component registered as ``name``; a :class:`BundleError` naming the known ones
        otherwise (a configuration or bundle that names an unknown part)."""
        try:
            return self._items[name]
        except KeyError:
            raise BundleError(
                f"unknown {self.kind} {name!r}; known: {sorted(self._items)}"
            ) from None

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def names(self) -> list[str]:
        """The registered names, sorted."""
        return sorted(self._items)

    def items(self) -> list[tuple[str, T]]:
        """``(name, component)`` pairs, sorted by name."""
        return sorted(self._items.items())


@dataclass(frozen=True)
class _Registries:
    families: Registry[Any] = field(default_factory=lambda: Registry("feature family"))
    models: Registry[Any] = field(default_factory=lambda: Registry("model component"))


registry = _Registries()
"""The registries: ``registry.families`` (feature families) and ``registry.models``."""


# -- data handed to components ---------------------------------------------------------------

DataKind = Literal["labelled", "texts", "lexicon", "model"]
"""``labelled``: texts with labels; ``texts``: unlabelled texts; ``lexicon``: term scores;
``model``: a trained model (``"shipped"`` for the language's shipped bundle, or a folder)."""


@dataclass(frozen=True)
class DataRef:
    """One piece of auxiliary data a component needs: its kind and the spec the configuration
    gives (a catalogue corpus ``name`` or ``name:split``, a lexicon name, or a file path)."""

    kind: DataKind
    spec: str


def _digest(parts: Iterable[str]) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


@dataclass(frozen=True)
class Corpus:
    """Texts (with labels for a labelled corpus) resolved from a spec; ``digest`` identifies
    the content (caches key on it, so an edited file is never served stale)."""

    spec: str
    texts: Sequence[str]
    labels: Sequence[str] | None = None
    digest: str = ""

    @classmethod
    def of(cls, spec: str, texts: Sequence[str], labels: Sequence[str] | None = None) -> Corpus:
        """A corpus with its content digest computed."""
        lab = [] if labels is None else [str(x) for x in labels]
        if labels is not None and len(lab) != len(texts):
            raise ValueError(f"{spec}: {len(texts)} texts but {len(lab)} labels")
        digest = _digest([*texts, "\x01labels", *lab]) if labels is not None else _digest(texts)
        return cls(spec, list(texts), lab if labels is not None else None, digest)


@dataclass(frozen=True)
class Lexicon:
    """Term scores resolved from a lexicon spec, with their content digest."""

    spec: str
    scores: Mapping[str, float]
    digest: str = ""

    @classmethod
    def of(cls, spec: str, scores: Mapping[str, float]) -> Lexicon:
        """A lexicon with its content digest computed."""
        items = sorted(scores.items())
        return cls(spec, dict(items), _digest(f"{k}\t{v!r}" for k, v in items))


@dataclass(frozen=True)
class ModelData:
    """A trained model resolved from a spec (``"shipped"``, ``"shipped:tr"`` or a bundle
    folder), with its bundle's identity as the digest."""

    spec: str
    model: Any
    digest: str = ""


Resolved = Corpus | Lexicon | ModelData


class Resources(Mapping[DataRef, Resolved]):
    """Resolved auxiliary data by :class:`DataRef`: what a training entry point hands to a
    model's ``initialize`` step. Asking for data that was not resolved is a clear error."""

    def __init__(self, items: Mapping[DataRef, Resolved] | None = None) -> None:
        self._items: dict[DataRef, Resolved] = dict(items or {})

    def __getitem__(self, ref: DataRef) -> Resolved:
        try:
            return self._items[ref]
        except KeyError:
            raise ResourceMissingError(
                f"the {ref.kind} data {ref.spec!r} was not resolved: build the model with "
                "sentikit.training (sentikit train / sentikit evaluate resolve every corpus and "
                "lexicon a configuration names) or pass it in initialize(resources)"
            ) from None

    def __iter__(self) -> Iterator[DataRef]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def corpus(self, spec: str, labelled: bool = True) -> Corpus:
        """The corpus resolved for ``spec`` (labelled or plain texts)."""
        item = self[DataRef("labelled" if labelled else "texts", spec)]
        assert isinstance(item, Corpus)
        return item

    def lexicon(self, spec: str) -> Lexicon:
        """The lexicon resolved for ``spec``."""
        item = self[DataRef("lexicon", spec)]
        assert isinstance(item, Lexicon)
        return item

    def model(self, spec: str) -> ModelData:
        """The trained model resolved for ``spec``."""
        item = self[DataRef("model", spec)]
        assert isinstance(item, ModelData)
        return item


@runtime_checkable
class DataConsumer(Protocol):
    """A model that learns from auxiliary data: it lists what it needs, and takes the
    resolved data in an ``initialize`` step before ``fit``."""

    def data_needs(self) -> list[DataRef]:
        """The auxiliary data the model's configuration names."""
        ...

    def initialize(self, resources: Resources) -> Any:
        """Keep ``resources`` for the next ``fit``."""
        ...


def data_refs(params: Mapping[str, Any], data_params: Mapping[str, DataKind]) -> list[DataRef]:
    """The :class:`DataRef` s named by a component's settings: ``data_params`` maps each
    setting that names auxiliary data to its kind (a setting holds one spec, a list of them, or
    ``None``)."""
    refs: list[DataRef] = []
    for key, kind in data_params.items():
        value = params.get(key)
        specs = [value] if isinstance(value, str) else list(value or [])
        refs += [DataRef(kind, str(s)) for s in specs]
    return refs


def without_data(
    params: dict[str, Any], data_params: Mapping[str, DataKind], banned: Callable[[str], bool]
) -> dict[str, Any]:
    """``params`` with every corpus spec ``banned`` says is under evaluation removed (lexicons
    and models are kept): a list loses the entry, a single spec becomes ``None``."""
    out = dict(params)
    for key, kind in data_params.items():
        if kind in ("lexicon", "model") or out.get(key) is None:
            continue
        value = out[key]
        if isinstance(value, str):
            out[key] = None if banned(value) else value
        else:
            out[key] = [s for s in value if not banned(s)]
    return out


class ContentCache(Generic[T]):
    """A small least-recently-used cache keyed by content digests: what several folds of one
    evaluation reuse (an auxiliary classifier, processed auxiliary documents) without keeping
    every corpus ever seen alive in a long-running process."""

    def __init__(self, size: int = 4) -> None:
        self.size = size
        self._items: OrderedDict[tuple[Any, ...], T] = OrderedDict()

    def get(self, key: tuple[Any, ...], make: Callable[[], T]) -> T:
        """The value for ``key``, made by ``make()`` on a miss."""
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        value = make()
        self._items[key] = value
        while len(self._items) > self.size:
            self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        """Forget everything."""
        self._items.clear()
