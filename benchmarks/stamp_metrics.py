"""Record evaluation results in a bundle's ``model.json`` (its ``metrics``), as
``sentikit train --metrics`` does at training time, without retraining (``model.json`` is not
part of a bundle's hashed files).

Usage::

    python benchmarks/stamp_metrics.py sentikit/resources/models/tr docs/results/loco-tr.json \\
        docs/results/eval-turkish-movie-reviews-cv10.json ...
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sentikit.cli.train import _read_metrics
from sentikit.io.bundle import read_bundle_info


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bundle", type=Path)
    ap.add_argument("results", nargs="+", type=Path)
    args = ap.parse_args()
    read_bundle_info(args.bundle)  # a damaged bundle fails here
    path = args.bundle / "model.json"
    info = json.loads(path.read_text(encoding="utf-8"))
    info["metrics"] = _read_metrics(list(args.results))
    path.write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    read_bundle_info(args.bundle)
    print(f"{path}: {len(info['metrics'])} metrics")


if __name__ == "__main__":
    main()
