"""Architecture floors over ``sentikit/`` (``../shared/DESIGN.md``, "Layers").

The package is read with :mod:`ast`; no module of it is imported. Every ``import`` counts,
wherever it is: at module level, inside a function, under ``if TYPE_CHECKING:``.

* no import cycle between modules, nor between subpackages;
* no upward import across the layers of :data:`LAYERS`;
* no module over :data:`MAX_MODULE_LINES` lines, no function body over
  :data:`MAX_FUNCTION_LINES` lines;
* no feature, embedding or model module imports the dataset catalogue.

Resolution of an import to a module of the package: ``import sentikit.x.y`` → ``sentikit.x.y``
(or its longest existing prefix); ``from sentikit.x import name`` → ``sentikit.x.name`` when
that module exists, else ``sentikit.x``; relative imports are made absolute first.
"""

from __future__ import annotations

import ast
import textwrap
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "sentikit"
PACKAGE_DIR = ROOT / PACKAGE

#: The most lines a module may have (physical lines of the file).
MAX_MODULE_LINES = 600
#: The most lines a function body may have: from its first statement after the docstring to
#: its last line, nested functions left out (each is measured on its own).
MAX_FUNCTION_LINES = 80

#: Layer of each part of the package (DESIGN.md "Layers": imports only point downward). A
#: module belongs to the longest entry that names it or a package above it; ``"sentikit"`` is
#: the package's own ``__init__`` only. A module may import modules of its own layer or lower.
LAYERS: dict[str, int] = {
    # 0 — data model, errors and plumbing every layer may use
    "sentikit.doc": 0,  # Document, Sentence, Clause, Token, ...: plain dataclasses
    "sentikit.errors": 0,  # the exception hierarchy
    "sentikit.paths": 0,  # where data, caches and resources live
    "sentikit._version": 0,  # the version string (no imports of the package)
    "sentikit.components": 0,  # the registry of versioned component names
    "sentikit.progress": 0,  # Step: a progress message with a count (no imports)
    "sentikit.io": 0,  # readers, writers, dataset catalogue, model bundles
    "sentikit.evaluation.metrics": 0,  # pure metric functions (the runners are a face, below)
    # 1 — language processing: text → Document
    "sentikit.lang": 1,  # detect, tr, en, subclauses, masking
    # 2 — numeric primitives shared by features, embeddings and lexicon induction
    "sentikit.stats": 2,  # counting, co-occurrence, PPMI, SVD, term weights
    # 3 — side by side; none imports another's modules (but see SIBLING_ALLOWED)
    "sentikit.features": 3,  # feature families
    "sentikit.embeddings": 3,  # sentiment-aware word embeddings
    "sentikit.lexicon": 3,  # lexicon induction
    # 4 — learners over features
    "sentikit.models": 4,  # classifiers, their registry
    "sentikit.aspects": 4,  # aspect extraction, categories and polarity (model parts)
    # 5 — the Analyzer: runs components over Documents in batches
    "sentikit.pipeline": 5,
    # 6 — faces and entry points
    "sentikit.api": 6,  # analyze(), analyze_many(), ...
    "sentikit.cli": 6,  # the typer app
    "sentikit.training": 6,  # training entry points (resolve data, fit, save bundles)
    "sentikit.evaluation": 6,  # evaluation runners, protocols, baselines (metrics: layer 0)
    "sentikit.behaviour": 6,  # the behavioural test suite
    "sentikit.frame": 6,  # pandas: analyze_frame and the DataFrame accessor
    "sentikit.spacy_component": 6,  # the spaCy pipeline component
    "sentikit.sklearn": 6,  # the scikit-learn estimator over texts
    "sentikit.estimator": 6,  # (the same, if named so)
    "sentikit.dask": 6,  # Dask: analyze a Dask DataFrame, the cluster of --engine dask
    "sentikit.workers": 6,  # the analyzer of a worker process (--jobs, Dask workers)
    "sentikit": 6,  # the package __init__ (public re-exports)
    "sentikit.__main__": 6,  # ``python -m sentikit``
}
#: Layer-3 parts that stand side by side: none may import another's modules...
SIBLINGS = frozenset({"sentikit.features", "sentikit.embeddings", "sentikit.lexicon"})
#: ... except these public contract modules.
SIBLING_ALLOWED = frozenset({"sentikit.features.base"})

#: Parts of the package that only the training and evaluation entry points may import: the
#: dataset catalogue (DESIGN.md: "Model parts never import the dataset catalogue").
CATALOGUE = ("sentikit.io.datasets", "sentikit.io.catalogue")
#: Parts that must not import it.
CATALOGUE_FREE = ("sentikit.features", "sentikit.embeddings", "sentikit.models", "sentikit.aspects")


# ------------------------------------------------------------------------------ reading


@dataclass(frozen=True)
class Import:
    """One import of a module of the package by another."""

    source: str
    target: str
    line: int

    def __str__(self) -> str:
        return f"{self.source} → {self.target} ({_relpath(self.source)}:{self.line})"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def _modules() -> dict[str, Path]:
    """Every module of the package: dotted name → file."""
    return {_module_name(p): p for p in sorted(PACKAGE_DIR.rglob("*.py"))}


@cache
def _packages() -> frozenset[str]:
    """Every package (directory with modules, namespace packages included)."""
    return frozenset(_module_name(p.parent / "__init__.py") for p in PACKAGE_DIR.rglob("*.py"))


def _relpath(module: str) -> str:
    return str(_modules()[module].relative_to(ROOT)) if module in _modules() else module


@cache
def _tree(module: str) -> ast.Module:
    path = _modules()[module]
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _existing(name: str) -> str | None:
    """``name`` or its longest prefix that is a module or package of ours."""
    parts = name.split(".")
    while parts:
        cand = ".".join(parts)
        if cand in _modules() or cand in _packages():
            return cand
        parts.pop()
    return None


def _resolve_from(module: str, node: ast.ImportFrom) -> str | None:
    """The absolute module name of ``from X import ...`` in ``module``."""
    if node.level == 0:
        return node.module
    is_package = _modules()[module].name == "__init__.py"
    base = module.split(".") if is_package else module.split(".")[:-1]
    if node.level > 1:
        base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name == PACKAGE or alias.name.startswith(PACKAGE + "."):
                target = _existing(alias.name)
                if target is not None:
                    yield target
        return
    base = _resolve_from(module, node)
    if base is None or not (base == PACKAGE or base.startswith(PACKAGE + ".")):
        return
    for alias in node.names:
        sub = f"{base}.{alias.name}"
        if alias.name != "*" and (sub in _modules() or sub in _packages()):
            yield sub
        else:
            target = _existing(base)
            if target is not None:
                yield target


@cache
def _imports() -> tuple[Import, ...]:
    """Every import of a module of the package by another (self-imports left out)."""
    found: set[Import] = set()
    for module in _modules():
        for node in ast.walk(_tree(module)):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for target in _targets(module, node):
                    if target != module:
                        found.add(Import(module, target, node.lineno))
    return tuple(sorted(found, key=lambda i: (i.source, i.target, i.line)))


# ------------------------------------------------------------------------------ graphs


def _strongly_connected(edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one node, each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp: list[str] = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    nodes = sorted(set(edges) | {w for ws in edges.values() for w in ws})
    for v in nodes:
        if v not in index:
            visit(v)
    return sorted(out)


def _shortest_cycle(start: str, edges: dict[str, set[str]], within: set[str]) -> list[str]:
    """A shortest cycle through ``start`` inside the component ``within``."""
    prev: dict[str, str] = {}
    queue = deque([start])
    while queue:
        v = queue.popleft()
        for w in sorted(edges.get(v, ())):
            if w not in within:
                continue
            if w == start:
                path = [v]
                while path[-1] != start:
                    path.append(prev[path[-1]])
                return [start, *reversed(path[:-1]), start] if len(path) > 1 else [start, start]
            if w not in prev:
                prev[w] = v
                queue.append(w)
    return [start]


def _cycle_report(imports: list[tuple[str, str, Import]]) -> list[str]:
    """One block per cycle: its nodes, a shortest cycle and every import inside it."""
    edges: dict[str, set[str]] = defaultdict(set)
    where: dict[tuple[str, str], list[Import]] = defaultdict(list)
    for a, b, imp in imports:
        if a != b:
            edges[a].add(b)
            where[(a, b)].append(imp)
    blocks = []
    for comp in _strongly_connected(edges):
        members = set(comp)
        cycle = _shortest_cycle(comp[0], edges, members)
        lines = [f"cycle among {len(comp)}: {', '.join(comp)}", "  e.g. " + " → ".join(cycle)]
        for a in comp:
            for b in sorted(edges[a] & members):
                lines += [f"  {imp}" for imp in where[(a, b)]]
        blocks.append("\n".join(lines))
    return blocks


def _subpackage(module: str) -> str:
    """``sentikit.lang.tr.x`` → ``sentikit.lang``; a top-level module is its own node."""
    parts = module.split(".")
    if len(parts) <= 2:
        return module
    return ".".join(parts[:2])


def _layer_key(module: str) -> str | None:
    best = None
    for key in LAYERS:
        hit = module == key or (key != PACKAGE and module.startswith(key + "."))
        if hit and (best is None or len(key) > len(best)):
            best = key
    return best


def _inside(module: str, prefixes: tuple[str, ...] | frozenset[str]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


# ------------------------------------------------------------------------------ the floors


def test_no_import_cycle_between_modules() -> None:
    blocks = _cycle_report([(i.source, i.target, i) for i in _imports()])
    assert not blocks, f"{len(blocks)} import cycle(s) between modules:\n\n" + "\n\n".join(blocks)


def test_no_import_cycle_between_subpackages() -> None:
    pairs = [(_subpackage(i.source), _subpackage(i.target), i) for i in _imports()]
    blocks = _cycle_report(pairs)
    assert not blocks, (
        f"{len(blocks)} import cycle(s) between subpackages (top-level modules are their "
        "own nodes):\n\n" + "\n\n".join(blocks)
    )


def test_every_module_has_a_layer() -> None:
    missing = sorted(m for m in _modules() if _layer_key(m) is None)
    assert not missing, "modules in no entry of LAYERS (add them there):\n  " + "\n  ".join(missing)


def _layer_offenders(imports: tuple[Import, ...]) -> list[str]:
    """The imports that point up the layers, or sideways between layer-3 siblings."""
    offenders = []
    for imp in imports:
        src, dst = _layer_key(imp.source), _layer_key(imp.target)
        if src is None or dst is None:
            continue  # reported by test_every_module_has_a_layer
        if LAYERS[dst] > LAYERS[src]:
            offenders.append(
                f"{imp}  [layer {LAYERS[src]} {src} imports layer {LAYERS[dst]} {dst}]"
            )
        elif (
            src != dst
            and src in SIBLINGS
            and dst in SIBLINGS
            and not _inside(imp.target, SIBLING_ALLOWED)
        ):
            offenders.append(
                f"{imp}  [{src} imports its sibling {dst}; only "
                f"{', '.join(sorted(SIBLING_ALLOWED))} is shared]"
            )
    return offenders


def test_no_upward_import_across_layers() -> None:
    offenders = _layer_offenders(_imports())
    assert not offenders, f"{len(offenders)} import(s) against the layers:\n  " + "\n  ".join(
        offenders
    )


def test_no_module_over_the_line_limit() -> None:
    offenders = []
    for module, path in _modules().items():
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > MAX_MODULE_LINES:
            offenders.append((n, f"{_relpath(module)}: {n} lines"))
    offenders.sort(reverse=True)
    assert not offenders, (
        f"{len(offenders)} module(s) over {MAX_MODULE_LINES} lines:\n  "
        + "\n  ".join(o for _, o in offenders)
    )


_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def _first_line(node: ast.stmt) -> int:
    decorators = getattr(node, "decorator_list", [])
    return min([node.lineno, *(d.lineno for d in decorators)])


def _nested_functions(node: ast.AST) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    """Functions defined inside ``node``'s body, not looking inside them."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, _FUNCTIONS):
            yield child
        else:
            yield from _nested_functions(child)


def _body_lines(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    body = fn.body
    if (
        body
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
        and isinstance(body[0].value.value, str)
    ):
        body = body[1:]
    if not body:
        return 0
    end = fn.end_lineno or fn.lineno
    span = end - _first_line(body[0]) + 1
    nested = sum((f.end_lineno or f.lineno) - _first_line(f) + 1 for f in _nested_functions(fn))
    return span - nested


def _functions(
    node: ast.AST, prefix: str = ""
) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    """Every function and method with a qualified name (``Class.method``, ``outer.inner``)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, _FUNCTIONS):
            name = f"{prefix}{child.name}"
            yield name, child
            yield from _functions(child, name + ".")
        elif isinstance(child, ast.ClassDef):
            yield from _functions(child, f"{prefix}{child.name}.")
        else:
            yield from _functions(child, prefix)


def test_no_function_body_over_the_line_limit() -> None:
    offenders = []
    for module in _modules():
        for name, fn in _functions(_tree(module)):
            n = _body_lines(fn)
            if n > MAX_FUNCTION_LINES:
                offenders.append((n, f"{_relpath(module)}:{fn.lineno} {name}: {n} lines"))
    offenders.sort(reverse=True)
    assert not offenders, (
        f"{len(offenders)} function bodies over {MAX_FUNCTION_LINES} lines (signature and "
        "docstring excluded, nested functions on their own):\n  "
        + "\n  ".join(o for _, o in offenders)
    )


def test_model_parts_do_not_import_the_dataset_catalogue() -> None:
    offenders = [
        str(i)
        for i in _imports()
        if _inside(i.source, CATALOGUE_FREE) and _inside(i.target, CATALOGUE)
    ]
    assert not offenders, (
        f"{len(offenders)} import(s) of the dataset catalogue by features, embeddings or "
        "models (data is handed in by the training entry points):\n  " + "\n  ".join(offenders)
    )


# ------------------------------------------------------------------------------ the checker


def test_resolution_and_measures_on_examples() -> None:
    """The resolution rules and the body measure, on code written here."""
    src = textwrap.dedent(
        """\
        def f(x):
            "Doc."
            a = 1

            def g():
                return 2

            return a
        """
    )
    fns = dict(_functions(ast.parse(src)))
    assert _body_lines(fns["f"]) == 4  # lines 3, 4, 7, 8: g's two lines are g's
    assert _body_lines(fns["f.g"]) == 1
    assert _subpackage("sentikit.lang.tr.morphology") == "sentikit.lang"
    assert _subpackage("sentikit.doc") == "sentikit.doc"
    assert _layer_key("sentikit.evaluation.metrics") == "sentikit.evaluation.metrics"
    assert _layer_key("sentikit.evaluation.runner") == "sentikit.evaluation"
    assert _layer_key("sentikit") == "sentikit"
    assert _layer_key("sentikit.nothing_like_this") is None
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _strongly_connected(edges) == [["a", "b", "c"]]
    assert _shortest_cycle("a", edges, {"a", "b", "c"}) == ["a", "b", "c", "a"]
    assert "sentikit.doc" in _modules() and "sentikit.lang.tr" in _packages()
    node = ast.parse("from sentikit.lang import detect, NOT_A_MODULE").body[0]
    assert isinstance(node, ast.ImportFrom)
    assert list(_targets("sentikit.api", node)) == ["sentikit.lang.detect", "sentikit.lang"]
    rel = ast.parse("from ..doc import Document").body[0]
    assert isinstance(rel, ast.ImportFrom)
    assert list(_targets("sentikit.lang.detect", rel)) == ["sentikit.doc"]
    fake = (
        Import("sentikit.io.bundle", "sentikit.models.linear", 1),  # up
        Import("sentikit.embeddings.model", "sentikit.lexicon.graph", 2),  # sideways
        Import("sentikit.embeddings.model", "sentikit.features.base", 3),  # the contract
        Import("sentikit.models.linear", "sentikit.features.ngrams", 4),  # down
        Import("sentikit.cli.main", "sentikit.api", 5),  # same layer
    )
    assert [o.split(" → ")[0] for o in _layer_offenders(fake)] == [
        "sentikit.io.bundle",
        "sentikit.embeddings.model",
    ]
