"""Who appears with an entity: its strongest companions drawn as a small network.

The entity sits in the middle; its companions (the names that share most articles
with it) sit on a ring around it, strongest first from the top, clockwise. A line
joins the entity to each companion, thicker for more shared articles, and two
companions that share ``LEAST_SHARED`` articles or more with each other are joined by a
faint line. Positions are whole units of the 560 by 400 drawing (finer would only make
the page longer). The
layout is fixed by the order, so the same corpus draws the same picture; the SVG
links each companion to its page and each line to the search for articles naming
both, and the page gives the same as a table (see the ``network_figure`` macro).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .catalog import EntityRecord

WIDTH = 560
HEIGHT = 400
RING = 140
SMALLEST = 5.0
LARGEST = 14.0
MOST_COMPANIONS = 10
# Companions are drawn when the entity shares at least this many articles with one.
LEAST_SHARED = 2


@dataclass(frozen=True, slots=True)
class Companion:
    record: EntityRecord
    shared: int
    x: int
    y: int
    radius: float
    # The line from the centre: its width, by shared articles.
    width: float
    # Where its name is written: beside the circle, on the ring's outer side.
    label_x: int
    label_y: int
    anchor: str


@dataclass(frozen=True, slots=True)
class Network:
    center: EntityRecord
    companions: tuple[Companion, ...]
    # Pairs of companions and the articles they share.
    links: tuple[tuple[Companion, Companion, int], ...]
    width: int = WIDTH
    height: int = HEIGHT
    center_radius: float = LARGEST + 4


def companion_network(record: EntityRecord, most: int = MOST_COMPANIONS) -> Network | None:
    """The network of ``record`` and its strongest companions, or None when no companion
    shares ``LEAST_SHARED`` articles with it."""
    strongest = [(other, n) for other, n in record.cooccurring if n >= LEAST_SHARED][:most]
    if not strongest:
        return None
    top = max(n for _, n in strongest)
    cx, cy = WIDTH / 2, HEIGHT / 2
    companions = []
    for index, (other, shared) in enumerate(strongest):
        angle = 2 * math.pi * index / len(strongest) - math.pi / 2
        radius = SMALLEST + (LARGEST - SMALLEST) * math.sqrt(shared / top)
        x, y = cx + RING * math.cos(angle), cy + RING * math.sin(angle)
        if abs(x - cx) < 1:  # straight above or below: the name above or below
            anchor, label_x = "middle", x
            label_y = y - radius - 6 if y < cy else y + radius + 14
        else:
            anchor = "start" if x > cx else "end"
            label_x = x + (radius + 5) * (1 if x > cx else -1)
            label_y = y + 4
        companions.append(
            Companion(
                other, shared, round(x), round(y), round(radius, 1),
                round(1 + 4 * shared / top, 1), round(label_x), round(label_y), anchor,
            )
        )  # fmt: skip
    articles = [{ref.slug for ref in other.articles} for other, _ in strongest]
    links = tuple(
        (companions[i], companions[j], len(articles[i] & articles[j]))
        for i in range(len(strongest))
        for j in range(i + 1, len(strongest))
        if len(articles[i] & articles[j]) >= LEAST_SHARED
    )
    return Network(record, tuple(companions), links)
