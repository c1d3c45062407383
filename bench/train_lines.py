"""Fit the cleaner's line model on the pages development set (not a test).

Every "with" and "without" snippet of ``../shared/corpora/pages/gold.json`` labels the
line of the text dump it starts on (article text or furniture), in both dump styles
(``text/`` and ``text-inscriptis/``). Each line's features are those of
:func:`newscorpus.reading.linemodel.line_features`, taken from the rules' verdicts alone. A
logistic regression (standardised features, L2 penalty, Newton's method) is fitted on
them; the figures printed are cross-validated with the folds split by site, so no site
is scored by a model that saw it. Then the model is fitted on every page and written to
``plugins/newscorpus/data/line-model.json``.

    .venv/bin/python bench/train_lines.py [--check]   # --check: print, write nothing
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "bench"))

from logistic import cross_validated, fit, write_model  # noqa: E402
from newscorpus.reading.clean import clean, to_units  # noqa: E402
from newscorpus.reading.furniture import line_furniture  # noqa: E402
from newscorpus.reading.linemodel import (  # noqa: E402
    FEATURE_NAMES,
    MODEL_FILE,
    droppable_line,
    line_features,
    restorable_line,
)

PAGES = ROOT.parent / "shared" / "corpora" / "pages"
STYLES = ("text", "text-inscriptis")
SPACES = re.compile(r"\s+")
# A snippet is found by its start: snippets run across lines the dump splits.
SNIPPET_PREFIX = 30
KEEP_ABOVE = 0.7
DROP_BELOW = 0.3


def norm(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def labelled_lines(pages: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """Features, labels (1 = article), the rules' verdicts and each row's site."""
    gold = json.loads((pages / "gold.json").read_text(encoding="utf-8"))
    features, labels, verdicts, sites = [], [], [], []
    for stem in sorted(gold):
        page = gold[stem]
        site = page.get("domain") or page.get("site") or stem
        for style in STYLES:
            text = (pages / style / f"{stem}.txt").read_bytes().decode("utf-8", "replace")
            units = to_units(text)
            cleaned = clean(units, learned=False)
            rule_reasons = [line_furniture(unit.text) for unit in units]
            rows = line_features(cleaned, rule_reasons)
            normed = [norm(unit.text) for unit in units]
            for label, key in ((1, "with"), (0, "without")):
                for snippet in page[key]:
                    start = norm(snippet)[:SNIPPET_PREFIX]
                    index = next((i for i, line in enumerate(normed) if start in line), None)
                    if index is None:
                        continue
                    features.append(rows[index])
                    labels.append(label)
                    reason = cleaned.reasons[index]
                    movable = restorable_line(cleaned, rule_reasons, index)
                    droppable = droppable_line(cleaned, index)
                    verdicts.append((reason is None, movable, droppable))
                    sites.append(site)
    return np.array(features), np.array(labels), np.array(verdicts), sites


def scores(kept: np.ndarray, labels: np.ndarray) -> str:
    tp = int((kept & (labels == 1)).sum())
    fp = int((kept & (labels == 0)).sum())
    fn = int((~kept & (labels == 1)).sum())
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return f"P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=PAGES)
    parser.add_argument("--check", action="store_true", help="print the figures only")
    args = parser.parse_args()

    features, labels, verdicts, sites = labelled_lines(args.pages)
    probability = cross_validated(features, labels, sites)
    kept, movable = verdicts[:, 0].astype(bool), verdicts[:, 1].astype(bool)
    reviewed = kept.copy()
    reviewed[movable & (probability > KEEP_ABOVE)] = True
    droppable = verdicts[:, 2].astype(bool)
    reviewed[kept & droppable & (probability < DROP_BELOW)] = False
    print(f"{len(labels)} labelled lines ({int(labels.sum())} article), {len(set(sites))} sites")
    print(f"  rules alone        {scores(kept, labels)}")
    print(f"  rules + model (cv) {scores(reviewed, labels)}")
    lost = int((kept & ~reviewed & (labels == 1)).sum())
    gained = int((~kept & reviewed & (labels == 1)).sum())
    wrongly_kept = int((~kept & reviewed & (labels == 0)).sum())
    rightly_dropped = int((kept & ~reviewed & (labels == 0)).sum())
    print(f"  article lines the model restores {gained}, removes {lost}")
    print(f"  furniture lines the model restores {wrongly_kept}, removes {rightly_dropped}")
    if args.check:
        return
    thresholds = {"keep above": KEEP_ABOVE, "drop below": DROP_BELOW}
    write_model(MODEL_FILE, "train_lines.py", FEATURE_NAMES, fit(features, labels), thresholds)
    print(f"wrote {MODEL_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
