"""Fit the headline model on the pages development set (not a test).

Every title-shaped line above a page's article is a candidate
(:func:`newscorpus.reading.headline.candidate_features`); a candidate is the headline when it
is one of the forms of the page's gold headline or of its HTML title and first
heading (as ``bench/reading.py`` judges it). A conditional logit (each candidate's
chance among the page's candidates and "none of them") is fitted on the candidates of
both dump styles; the page's headline is its most likely candidate, taken when its
chance reaches the threshold (otherwise the headline is derived
from the lead: a wrong headline is worse than none). The figures printed are
cross-validated with the folds split by site, for a range of thresholds. Then the
model is fitted on every page and written to
``plugins/newscorpus/data/headline-model.json``.

    .venv/bin/python bench/train_headlines.py [--check] [--threshold P]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "bench"))

from logistic import cross_validated_choice, fit_choice, write_model  # noqa: E402
from newscorpus.reading.clean import to_units  # noqa: E402
from newscorpus.reading.decode import UnreadableFile, decode  # noqa: E402
from newscorpus.reading.furniture import line_furniture  # noqa: E402
from newscorpus.reading.headline import FEATURE_NAMES, MODEL_FILE, candidate_features  # noqa: E402
from newscorpus.reading.language import detect  # noqa: E402
from newscorpus.reading.outlet import split_title_suffix  # noqa: E402
from newscorpus.reading.region import article_span  # noqa: E402
from reading import loose, page_titles, title_forms  # noqa: E402

PAGES = ROOT.parent / "shared" / "corpora" / "pages"
STYLES = ("text", "text-inscriptis")
# A page takes its most likely candidate when its chance is at least this. 0.4 is
# better than the hand-weighed rules it replaced on both counts (more right, far fewer
# wrong); 0.5 trades 6 % of right headlines for 5 % fewer wrong ones.
THRESHOLD = 0.4
# Below it, a candidate this likely still marks the top of the article's head, where the
# date and byline are looked for (under it rather than only just above the article).
HEAD_THRESHOLD = 0.15


def candidates(pages: Path) -> tuple[np.ndarray, np.ndarray, list[str], list[tuple[str, str]]]:
    """Features and labels of every candidate, its site, and its page (stem, style)."""
    gold = json.loads((pages / "gold.json").read_text(encoding="utf-8"))
    features, labels, sites, keys = [], [], [], []
    for stem in sorted(gold):
        page = gold[stem]
        site = page.get("domain") or page.get("site") or stem
        forms = title_forms(page["headline"], page["site"] or "")
        for title in page_titles(pages / page["html"]):
            forms |= title_forms(title, page["site"] or "")
        for style in STYLES:
            try:
                text, _ = decode((pages / style / f"{stem}.txt").read_bytes())
            except UnreadableFile:
                continue
            units = to_units(text)
            language = detect(unit.text for unit in units)
            reasons = [line_furniture(unit.text) for unit in units]
            start, end = article_span(units, reasons, language)
            if start == end:
                continue
            for index, row in candidate_features(units, reasons, start, end, language):
                line = units[index].text
                right = loose(line) in forms or loose(split_title_suffix(line)[0]) in forms
                features.append(row)
                labels.append(int(right))
                sites.append(site)
                keys.append((stem, style))
    return np.array(features), np.array(labels), sites, keys


def page_verdicts(
    probability: np.ndarray, labels: np.ndarray, keys: list[tuple[str, str]], threshold: float
) -> dict[str, int]:
    """Right, derived and wrong pages when each page takes its most likely candidate."""
    best: dict[tuple[str, str], tuple[float, int]] = defaultdict(lambda: (-1.0, 0))
    for p, label, key in zip(probability, labels, keys, strict=True):
        best[key] = max(best[key], (float(p), int(label)))
    tally = {"right": 0, "derived": 0, "wrong": 0}
    for p, label in best.values():
        tally["derived" if p < threshold else "right" if label else "wrong"] += 1
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=PAGES)
    parser.add_argument("--check", action="store_true", help="print the figures only")
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    args = parser.parse_args()

    features, labels, sites, keys = candidates(args.pages)
    pages = len(set(keys))
    print(f"{len(labels)} candidates ({int(labels.sum())} right) on {pages} page dumps")
    page_of = {key: number for number, key in enumerate(sorted(set(keys)))}
    groups = np.array([page_of[key] for key in keys])
    probability = cross_validated_choice(features, labels, groups, sites)
    print("threshold  right derived wrong   (page dumps with a candidate, cross-validated)")
    for threshold in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        tally = page_verdicts(probability, labels, keys, threshold)
        mark = " <" if threshold == args.threshold else ""
        counts = f"{tally['right']:5} {tally['derived']:7} {tally['wrong']:5}"
        print(f"  {threshold:.1f}     {counts}{mark}")
    if args.check:
        return
    thresholds = {"headline above": args.threshold, "head above": HEAD_THRESHOLD}
    write_model(
        MODEL_FILE,
        "train_headlines.py",
        FEATURE_NAMES,
        fit_choice(features, labels, groups),
        thresholds,
    )
    print(f"wrote {MODEL_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
