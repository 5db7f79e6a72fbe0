"""Execute every notebook of ``notebooks/`` (jupytext percent-format ``.py`` files) top to bottom.

Each ``notebooks/*.py`` is converted with jupytext into a temporary folder and run with nbclient
on the ``python3`` kernel that ipykernel provides for the current interpreter (nothing is
registered globally); any error in a cell fails the test. The notebooks read the shared
benchmark corpora, so the tests are skipped only where that folder is absent.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from sentikit.paths import data_root

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.py"))

pytestmark = [pytest.mark.slow, pytest.mark.data]


def test_notebooks_exist() -> None:
    assert {p.name for p in NOTEBOOKS} >= {"quickstart.py", "domain_lexicon.py", "aspects.py"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_executes(path: Path, tmp_path: Path) -> None:
    root = data_root(required=False)
    if root is None:
        pytest.skip("shared corpora absent (../shared/datasets or $SENTIKIT_DATA)")
    jupytext = pytest.importorskip("jupytext")
    nbformat = pytest.importorskip("nbformat")
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = jupytext.read(path)
    # a last cell that reports the kernel's interpreter (added to the in-memory copy only)
    nb.cells.append(nbformat.v4.new_code_cell("import sys\nprint(sys.executable)"))
    nbformat.write(nb, tmp_path / f"{path.stem}.ipynb")  # what a user would open (tmp only)
    env_data = os.environ.get("SENTIKIT_DATA")
    os.environ["SENTIKIT_DATA"] = str(root)  # the kernel runs in tmp_path, not beside the data
    try:
        client = NotebookClient(
            nb,
            kernel_name="python3",  # ipykernel's kernel for sys.executable
            timeout=300,
            resources={"metadata": {"path": str(tmp_path)}},
        )
        client.execute()
    except CellExecutionError as err:  # pragma: no cover - the failure message
        pytest.fail(f"{path.name} failed:\n{err}")
    finally:
        if env_data is None:
            os.environ.pop("SENTIKIT_DATA", None)
        else:
            os.environ["SENTIKIT_DATA"] = env_data
    errors = [
        o
        for cell in nb.cells
        if cell.cell_type == "code"
        for o in cell.get("outputs", [])
        if o.get("output_type") == "error"
    ]
    assert not errors, errors
    images = [
        o
        for cell in nb.cells
        if cell.cell_type == "code"
        for o in cell.get("outputs", [])
        if "image/png" in o.get("data", {})
    ]
    assert images, f"{path.name} displayed no plot"
    kernel_python = nb.cells[-1].outputs[0]["text"].strip()
    assert os.path.realpath(kernel_python) == os.path.realpath(sys.executable)
