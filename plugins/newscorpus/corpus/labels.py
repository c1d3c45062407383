"""Page labels that tell pages apart: no two pages share a title or a description."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def distinguish(labels: Sequence[str], qualifiers: Sequence[Sequence[str]]) -> list[str]:
    """Append qualifiers, one more at a time, to the labels that are still equal.

    ``distinguish(["Talks", "Talks"], [["DW", "19 May 2019"], ["Reuters", "19 May 2019"]])``
    gives ``["Talks (DW)", "Talks (Reuters)"]``. A label that is unique stays as it is.
    The last qualifier of each label should be unique (a file name, an id); when even that
    leaves two labels equal, they stay equal.
    """
    if len(labels) != len(qualifiers):
        raise ValueError("one list of qualifiers per label")
    result = list(labels)
    depth = max((len(q) for q in qualifiers), default=0)
    for used in range(1, depth + 1):
        counts = Counter(result)
        clashing = [i for i, label in enumerate(result) if counts[label] > 1]
        if not clashing:
            break
        for i in clashing:
            extra = [q for q in qualifiers[i][:used] if q]
            if extra:
                result[i] = f"{labels[i]} ({', '.join(extra)})"
    return result
