"""Small logistic models fitted on the pages development set, read from ``data/``.

The cleaner's rules see one cue at a time; where many weak cues decide together
(does this line belong to the article, is this line the headline), a logistic
model weighs them. Each model is a JSON file: the feature names it was fitted for,
each feature's mean and scale, the weights, the intercept and the thresholds its
user acts on. The fitting scripts are in ``bench/`` (``train_lines.py``,
``train_headlines.py``); they print figures cross-validated by site.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).parent.parent / "data"


@dataclass(frozen=True, slots=True)
class Logistic:
    """Standardised linear score u = sum(w * (x - mean) / scale) + b, read as a logistic
    regression (p = sigmoid(u)) or as a choice among candidates (p = exp(u) / (1 + sum
    of exp(u)))."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    thresholds: dict[str, float] = field(default_factory=dict)

    def utility(self, features: Sequence[float]) -> float:
        """The linear score, clipped to a range ``exp`` can take."""
        total = self.intercept
        for value, mean, scale, weight in zip(
            features, self.mean, self.scale, self.weights, strict=True
        ):
            total += weight * (value - mean) / scale
        return max(min(total, 30.0), -30.0)

    def probability(self, features: Sequence[float]) -> float:
        return 1.0 / (1.0 + math.exp(-self.utility(features)))

    def choice(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """Conditional logit: each row's chance of being the one, beside "none of them"."""
        exps = [math.exp(self.utility(row)) for row in rows]
        total = 1.0 + sum(exps)
        return [value / total for value in exps]


def load(path: Path, feature_names: Sequence[str]) -> Logistic | None:
    """The model in ``path``, or None when it is missing or was fitted for other features
    (refit it with its script in ``bench/``)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("features") != list(feature_names):
        return None
    return Logistic(
        tuple(data["mean"]),
        tuple(data["scale"]),
        tuple(data["weights"]),
        float(data["intercept"]),
        {name: float(value) for name, value in data.get("thresholds", {}).items()},
    )


def as_json(
    about: str,
    feature_names: Sequence[str],
    mean: Sequence[float],
    scale: Sequence[float],
    weights: Sequence[float],
    intercept: float,
    thresholds: dict[str, float],
) -> str:
    """A fitted model as the JSON :func:`load` reads."""
    data = {
        "about": about,
        "features": list(feature_names),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "weights": [round(float(v), 6) for v in weights],
        "intercept": round(float(intercept), 6),
        "thresholds": thresholds,
    }
    return json.dumps(data, indent=1) + "\n"
