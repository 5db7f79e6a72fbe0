"""A user's fresh install, end to end (issue 23, first floor).

The wheel is built from this source tree and installed, without its dependencies (they are
already installed), into a new virtual environment that sees the system site-packages. Every
command then runs the venv's ``sentikit`` script from a temporary folder outside the
repository, with no benchmark corpora reachable: ``SENTIKIT_DATA`` unset (the floor's "no
SENTIKIT_DATA") for the Turkish train / evaluate / analyze steps, and ``SENTIKIT_DATA`` set to
an empty folder for the English evaluation and the lexicon steps, with no ``shared/`` folder
beside the working directory or the installed package either way. On small files written here
(labelled Turkish and English reviews with the labels as a user writes them, unlabelled Turkish
lines) ``train``, ``evaluate --model/--data``, ``analyze --model``, ``analyze`` with the shipped
model and ``lexicon induce`` / ``lexicon show`` must all succeed.

The system site-packages may hold an editable install of this checkout: the test checks that
the venv imports the wheel's copy instead. It is skipped only where ``venv`` or ``pip`` is
missing. About a minute on two cores, most of it loading models in the subprocesses.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import random
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
LABELS = {"positive", "neutral", "negative"}

#: What the installed package reads at run time, by name (every other file of the source tree's
#: ``sentikit/`` folder is required in the wheel too: see ``test_wheel_holds_the_package``).
REQUIRED_IN_WHEEL = [
    "sentikit/py.typed",
    "sentikit/schema/result.schema.json",
    *(
        f"sentikit/resources/models/{lang}/{name}"
        for lang in ("tr", "en")
        for name in ("model.json", "arrays.npz", "vocab.json.gz")
    ),
    *(f"sentikit/resources/configs/{name}.json" for name in ("tr", "en", "tr-user", "en-user")),
    "sentikit/resources/langid/model.json",
    "sentikit/resources/langid/model.npz",
    "sentikit/resources/tr/negated_forms.txt.gz",
    "sentikit/resources/tr/negation_exceptions.txt.gz",
    "sentikit/resources/behaviour/baseline-tr.json",
    "sentikit/resources/behaviour/baseline-en.json",
    "sentikit/resources/masks/names.txt",
    "sentikit/resources/masks/false_friends_tr.txt",
]

# ------------------------------------------------------------------------ the user's files

_TR_PRODUCTS = ["Kulaklık", "Telefon kılıfı", "Kahve makinesi", "Ayakkabı", "Mont", "Saat"]
_TR = {
    "positive": [
        "Ürün çok güzel",
        "Kargo hızlı geldi",
        "Kalitesi harika",
        "Fiyatına göre çok iyi",
        "Çok memnun kaldım",
        "Herkese tavsiye ederim",
        "Paketleme özenliydi",
        "Satıcı çok ilgiliydi",
        "Beklediğimden de iyi çıktı",
        "Rengi fotoğraftaki gibi, bayıldım",
    ],
    "negative": [
        "Ürün bozuk geldi",
        "Kargo çok geç geldi",
        "Kalitesi berbat",
        "Paranıza yazık",
        "Hiç memnun kalmadım",
        "Kimseye tavsiye etmem",
        "Paketleme özensizdi",
        "Satıcı hiç ilgilenmedi",
        "İki gün sonra bozuldu",
        "Rengi soluk, hiç beğenmedim",
    ],
    "neutral": [
        "Ürün salı günü teslim edildi",
        "Paket kapıya bırakıldı",
        "Kutuda iki parça var",
        "Rengi lacivert",
        "Siparişi pazartesi verdim",
        "Boyutu orta",
        "Ürün plastikten yapılmış",
        "Kargo takip numarası mesajla geldi",
        "Kullanım kılavuzu Türkçe",
        "Garanti süresi iki yıl",
    ],
}
_EN_PRODUCTS = ["Headphones", "Phone case", "Coffee maker", "Shoes", "Jacket", "Watch"]
_EN = {
    "positive": [
        "Great quality",
        "Arrived quickly",
        "Works perfectly",
        "Excellent value for the price",
        "I love it",
        "Highly recommended",
        "Nicely packaged",
        "The seller was very helpful",
        "Even better than I expected",
        "The colour is beautiful",
    ],
    "negative": [
        "It arrived broken",
        "Shipping was terribly slow",
        "Awful quality",
        "A waste of money",
        "I hate it",
        "Do not buy this",
        "The packaging was damaged",
        "The seller never answered",
        "It stopped working after two days",
        "The colour is ugly and faded",
    ],
    "neutral": [
        "It was delivered on Tuesday",
        "The parcel was left at the door",
        "The box contains two parts",
        "The colour is navy",
        "I ordered it on Monday",
        "The size is medium",
        "It is made of plastic",
        "The tracking number came by text",
        "The manual is in English",
        "The warranty lasts two years",
    ],
}


def write_reviews(
    path: Path,
    n: int,
    pieces: dict[str, list[str]],
    products: list[str],
    labels: dict[str, str],
    seed: int,
) -> None:
    """``n`` balanced reviews "Product: piece. piece." in a CSV (text, label), the labels
    spelled as in ``labels`` (sentikit label -> the user's spelling)."""
    rng = random.Random(seed)
    order = ["positive", "negative", "neutral"]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["text", "label"])
        for i in range(n):
            label = order[i % 3]
            a, b = rng.sample(pieces[label], 2)
            w.writerow([f"{rng.choice(products)}: {a}. {b}.", labels[label]])


def write_corpus(path: Path, n: int, seed: int) -> None:
    """``n`` unlabelled Turkish lines for lexicon induction, half praise, half complaint."""
    rng = random.Random(seed)
    subjects = ["Ürün", "Kargo", "Kalitesi", "Fiyatı", "Satıcı", "Telefon", "Ekran", "Pil"]
    good = ["çok güzel", "harika", "gayet iyi", "mükemmel", "güzel ve sağlam", "iyi çalışıyor"]
    bad = ["çok kötü", "berbat", "bozuk geldi", "rezalet", "kötü ve dayanıksız", "hiç çalışmıyor"]
    ends_good = ["bu yüzden memnunum", "tavsiye ederim"]
    ends_bad = ["bir daha almam", "param boşa gitti"]
    ends_any = ["teşekkürler", "iade ettim"]
    lines = []
    for i in range(n):
        words, ends = (good, ends_good) if i % 2 == 0 else (bad, ends_bad)
        s1, s2 = rng.sample(subjects, 2)
        end = rng.choice(ends) if rng.random() < 0.7 else rng.choice(ends_any)
        lines.append(f"{s1} {rng.choice(words)}, {s2.lower()} {rng.choice(words)}, {end}.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- the install


@dataclass
class Install:
    """The wheel, the venv it is installed in and the user's working folder."""

    wheel: Path
    venv: Path
    work: Path
    empty_data: Path
    env: dict[str, str] = field(default_factory=dict)

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"

    @property
    def script(self) -> Path:
        return self.venv / "bin" / "sentikit"

    def run(
        self, *args: str, empty_data: bool = False, timeout: float = 300
    ) -> subprocess.CompletedProcess[str]:
        """Run the venv's ``sentikit ARGS`` in the working folder; fail unless it exits 0."""
        env = dict(self.env)
        if empty_data:
            env["SENTIKIT_DATA"] = str(self.empty_data)
        r = subprocess.run(
            [str(self.script), *args],
            cwd=self.work,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert r.returncode == 0, (
            f"`sentikit {' '.join(args)}` exited {r.returncode}"
            + (" (SENTIKIT_DATA: an empty folder)" if empty_data else " (SENTIKIT_DATA unset)")
            + f"\n--- stdout\n{r.stdout[-3000:]}\n--- stderr\n{r.stderr[-3000:]}"
        )
        return r


def _proc(
    cmd: list[str], timeout: float, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=cwd, env=env)


def _can_build_without_isolation() -> bool:
    """Whether the installed setuptools can build the wheel offline (``bdist_wheel`` is built
    into setuptools ≥ 70.1; older ones need the ``wheel`` package), within pyproject's bounds."""
    try:
        parts = [int(x) for x in re.findall(r"\d+", version("setuptools"))[:2]]
    except PackageNotFoundError:
        return False
    major, minor = (parts + [0, 0])[:2]
    if not 68 <= major < 81:
        return False
    return (major, minor) >= (70, 1) or importlib.util.find_spec("wheel") is not None


def _copy_source(dst: Path) -> None:
    """What the build reads (the top-level files and ``sentikit/``), so that building leaves
    no ``build/`` or ``*.egg-info`` in the shared checkout."""
    dst.mkdir(parents=True)
    for p in REPO.iterdir():
        if p.is_file():
            shutil.copy2(p, dst / p.name)
    shutil.copytree(
        REPO / "sentikit",
        dst / "sentikit",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"),
    )


def _build_wheel(src: Path, out: Path) -> Path:
    cmd = [sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-w", str(out)]
    if _can_build_without_isolation():
        cmd.insert(-2, "--no-build-isolation")
    r = _proc(cmd, timeout=600, env={**os.environ, "PIP_NO_INPUT": "1"})
    assert r.returncode == 0, f"{' '.join(cmd)} failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    wheels = sorted(out.glob("sentikit-*.whl"))
    assert len(wheels) == 1, f"expected one sentikit wheel in {out}, found {wheels}"
    return wheels[0]


@pytest.fixture(scope="module")
def source_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("wheel-src") / "sentikit-src"
    _copy_source(src)
    return src


@pytest.fixture(scope="module")
def wheel(source_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("pip") is None:
        pytest.skip("pip is not available to build and install the wheel")
    return _build_wheel(source_copy, tmp_path_factory.mktemp("wheel-dist"))


@pytest.fixture(scope="module")
def install(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Install]:
    if importlib.util.find_spec("venv") is None:
        pytest.skip("the venv module is not available")
    home = tmp_path_factory.mktemp("wheel-user")
    venv = home / "venv"
    # --without-pip: the system site's pip (visible through --system-site-packages) installs
    # into the venv, which skips ensurepip (and needs no network)
    r = _proc(
        [sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)],
        timeout=300,
    )
    if r.returncode != 0:
        pytest.skip(f"cannot create a virtual environment: {r.stderr.strip()[-500:]}")
    py = venv / "bin" / "python"
    if _proc([str(py), "-m", "pip", "--version"], timeout=120).returncode != 0:
        pytest.skip("pip is not importable from a --system-site-packages virtual environment")
    # --ignore-installed: the system site's sentikit (an editable install of this checkout, of
    # the same version) is neither taken as satisfying the requirement nor uninstalled
    cmd = [str(py), "-m", "pip", "install", "--no-deps", "--no-index", "--ignore-installed"]
    r = _proc([*cmd, str(wheel)], timeout=600, env={**os.environ, "PIP_NO_INPUT": "1"})
    assert r.returncode == 0, f"installing {wheel.name} failed:\n{r.stdout}\n{r.stderr}"

    work = home / "work"
    empty = home / "no-corpora"
    work.mkdir()
    empty.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SENTIKIT_DATA", "SENTIKIT_CACHE_DIR", "SENTIKIT_DEBUG", "PYTHONPATH")
        and k not in ("PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")
    }
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(venv)
    yield Install(wheel=wheel, venv=venv, work=work, empty_data=empty, env=env)


# ------------------------------------------------------------------------------ the tests


def test_wheel_holds_the_package(wheel: Path, source_copy: Path) -> None:
    """The shipped models, configurations and every other file of ``sentikit/`` are in the
    wheel (a file missing from it fails here, by name)."""
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
    missing = [n for n in REQUIRED_IN_WHEEL if n not in names]
    assert not missing, f"missing from {wheel.name}: {', '.join(missing)}"
    tree = sorted(
        p.relative_to(source_copy).as_posix()
        for p in (source_copy / "sentikit").rglob("*")
        if p.is_file()
    )
    missing = [n for n in tree if n not in names]
    assert not missing, f"files of sentikit/ missing from {wheel.name}: {', '.join(missing)}"
    configs = {n for n in names if re.fullmatch(r"sentikit/resources/configs/[^/]+\.json", n)}
    assert configs >= {f"sentikit/resources/configs/{c}-user.json" for c in ("tr", "en")}
    with zipfile.ZipFile(wheel) as z:
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert "sentikit = sentikit.cli.main:main" in z.read(entry_points).decode()


def test_venv_imports_the_wheel_and_no_corpora(install: Install) -> None:
    """The venv's sentikit is the wheel's (not the checkout's editable install) and it finds no
    benchmark data: neither with SENTIKIT_DATA unset nor with it set to an empty folder."""
    code = (
        "import json, sentikit, sentikit.paths as p; "
        "print(json.dumps({'file': sentikit.__file__, "
        "'data': None if p.data_root(required=False) is None else str(p.data_root())}))"
    )
    for empty_data in (False, True):
        env = dict(install.env)
        if empty_data:
            env["SENTIKIT_DATA"] = str(install.empty_data)
        r = _proc([str(install.python), "-c", code], cwd=install.work, env=env, timeout=120)
        assert r.returncode == 0, r.stderr
        info = json.loads(r.stdout)
        venv = install.venv.resolve()
        assert Path(info["file"]).resolve().is_relative_to(venv), (
            f"the venv imports sentikit from {info['file']}, not from the wheel in {venv}"
        )
        expected = str(install.empty_data) if empty_data else None
        assert info["data"] == expected
    for d in (install.work, install.work.parent):
        assert not (d / "shared").exists()
    assert install.script.is_file()
    head = "\n".join(install.script.read_text(encoding="utf-8").splitlines()[:3])
    assert str(install.venv) in head or str(install.venv.resolve()) in head, head


@pytest.fixture(scope="module")
def user_model(install: Install) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """``sentikit train --data FILE --lang tr -o store-model``: 120 labelled rows, the default
    user configuration (n-grams on the rows + the shipped model as a prior)."""
    train = install.work / "store-train.csv"
    spelling = {"positive": "olumlu", "negative": "olumsuz", "neutral": "tarafsız"}
    write_reviews(train, 120, _TR, _TR_PRODUCTS, spelling, seed=0)
    r = install.run("train", "--data", train.name, "--lang", "tr", "-o", "store-model")
    return install.work / "store-model", r


def test_train_on_a_user_file(user_model: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    bundle, r = user_model
    assert {"model.json", "arrays.npz"} <= {p.name for p in bundle.iterdir()}
    assert re.search(r"store-train\.csv: 120 texts", r.stderr), r.stderr
    meta = json.loads((bundle / "model.json").read_text(encoding="utf-8"))
    assert meta["name"] == "store-model" and meta["lang"] == "tr"
    sources = meta["training_data"]["sources"]
    assert [(s["name"], s["kind"], s["n"]) for s in sources] == [("store-train.csv", "file", 120)]
    assert sources[0]["label_counts"] == {"negative": 40, "neutral": 40, "positive": 40}
    assert [a["kind"] for a in meta["training_data"].get("auxiliary", [])] == ["model"]


def _table(stdout: str) -> tuple[dict[str, float], dict[str, int]]:
    """The ``mean`` row (accuracy, macro-F1) and the per-class supports of an evaluate table."""
    mean = re.search(r"^\s*mean\s+([\d.]+)\s+([\d.]+)", stdout, re.M)
    assert mean, stdout
    support = {
        m[1]: int(m[2])
        for m in re.finditer(
            r"^\s*(positive|neutral|negative)\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+(\d+)", stdout, re.M
        )
    }
    return {"accuracy": float(mean[1]), "macro_f1": float(mean[2])}, support


def test_evaluate_the_user_model_on_another_file(
    install: Install, user_model: tuple[Path, subprocess.CompletedProcess[str]]
) -> None:
    """``sentikit evaluate --model DIR --data FILE``, the neutral label spelled ``nötr``."""
    test = install.work / "store-test.csv"
    spelling = {"positive": "Olumlu", "negative": "Olumsuz", "neutral": "nötr"}
    write_reviews(test, 60, _TR, _TR_PRODUCTS, spelling, seed=1)
    r = install.run("evaluate", "--model", user_model[0].name, "--data", test.name)
    assert "protocol: bundle" in r.stdout and "n: 60" in r.stdout, r.stdout
    mean, support = _table(r.stdout)
    assert support == {"negative": 20, "neutral": 20, "positive": 20}
    assert mean["macro_f1"] > 60, r.stdout


def test_evaluate_holdout_english_file(install: Install) -> None:
    """``sentikit evaluate --data FILE --lang en --protocol holdout``: the en-user configuration
    trained and scored on the file alone."""
    data = install.work / "reviews-en.csv"
    spelling = {"positive": "Positive", "negative": "Negative", "neutral": "Neutral"}
    write_reviews(data, 120, _EN, _EN_PRODUCTS, spelling, seed=2)
    r = install.run(
        "evaluate", "--data", data.name, "--lang", "en", "--protocol", "holdout", empty_data=True
    )
    assert "protocol: holdout" in r.stdout and "n: 24" in r.stdout, r.stdout
    mean, support = _table(r.stdout)
    assert support == {"negative": 8, "neutral": 8, "positive": 8}
    assert mean["macro_f1"] > 60, r.stdout


def test_analyze_with_the_user_model(
    install: Install, user_model: tuple[Path, subprocess.CompletedProcess[str]]
) -> None:
    texts = ["Kargo çok geç geldi, hiç memnun kalmadım.", "Ürün harika, herkese tavsiye ederim."]
    r = install.run("analyze", "--model", user_model[0].name, *texts, "-f", "jsonl")
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(out) == 2
    assert all(o["label"] in LABELS and o["lang"] == "tr" for o in out), out
    assert all(o["model"]["name"] == "store-model" for o in out)
    assert [o["label"] for o in out] == ["negative", "positive"]


def test_analyze_with_the_shipped_model(install: Install) -> None:
    texts = ["Filmi hiç beğenmedim ama müzikleri güzeldi.", "What a gorgeous, witty film."]
    r = install.run("analyze", *texts, "-f", "jsonl")
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o["lang"] for o in out] == ["tr", "en"]
    assert all(o["label"] in LABELS and o["model"]["name"].startswith("sentikit-") for o in out)
    assert out[1]["label"] == "positive"


@pytest.fixture(scope="module")
def induced(install: Install) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """``sentikit lexicon induce`` on 300 unlabelled Turkish lines (language detected), with
    the smallest settings that suit a tiny corpus."""
    corpus = install.work / "yorumlar.txt"
    write_corpus(corpus, 300, seed=3)
    seeds = install.work / "seeds.tsv"
    seeds.write_text(
        "güzel\tpositive\nharika\tpositive\niyi\tpositive\n"
        "kötü\tnegative\nberbat\tnegative\nbozuk\tnegative\n",
        encoding="utf-8",
    )
    r = install.run(
        "lexicon", "induce", corpus.name, "--seeds", seeds.name, "--min-count", "2",
        "--dim", "8", "--k", "5", "--window", "3", "--bootstrap", "5", "--no-progress",
        "-o", "my-lexicon.tsv", empty_data=True,
    )  # fmt: skip
    return install.work / "my-lexicon.tsv", r


def _read_lexicon(path: Path) -> dict[str, dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        return {row["term"]: row for row in csv.DictReader(fh, delimiter="\t")}


def test_lexicon_induce(induced: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    path, r = induced
    assert "corpus language detected: tr" in r.stderr, r.stderr
    header = path.read_text(encoding="utf-8").splitlines()[0]
    assert header.split("\t") == ["term", "score", "std", "count", "source"]
    lex = _read_lexicon(path)
    assert {"güzel", "harika", "iyi", "kötü", "berbat", "bozuk"} <= set(lex)
    assert sum(row["source"] == "corpus" for row in lex.values()) >= 10
    assert float(lex["mükemmel"]["score"]) > 0 > float(lex["rezalet"]["score"])


def test_lexicon_show_on_the_induced_lexicon(
    install: Install, induced: tuple[Path, subprocess.CompletedProcess[str]]
) -> None:
    path = induced[0]
    lex = _read_lexicon(path)
    word = next(t for t, row in lex.items() if row["source"] == "corpus" and "_" not in t)
    r = install.run("lexicon", "show", word, "--lexicon", path.name, empty_data=True)
    assert re.search(rf"^{re.escape(path.name)}\t{re.escape(word)}\tscore=", r.stdout, re.M)
    # an inflected form is found by its lemma (güzeldi -> güzel)
    r = install.run("lexicon", "show", "güzeldi", "--lexicon", path.name, empty_data=True)
    assert re.search(rf"^{re.escape(path.name)}\tgüzel\tscore=\+", r.stdout, re.M), r.stdout


def test_lexicon_show_on_the_shipped_lexicons(install: Install) -> None:
    """``sentikit lexicon show bozuldu`` with no --lexicon reads "the shipped ones" (its
    --help, README): they must ship with the package, not only sit in the source tree."""
    r = install.run("lexicon", "show", "bozuldu")
    assert "bozulmak" in r.stdout + r.stderr, r.stdout + r.stderr
