"""Union-find over item numbers: the groups that pairwise links make."""

from __future__ import annotations

from collections import defaultdict


class Groups:
    """Items ``0 … size-1``, each in a group of its own until joined."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        """The group's representative: its smallest member."""
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a: int, b: int) -> int:
        """Put ``a`` and ``b`` in one group; return its representative."""
        a, b = self.find(a), self.find(b)
        self.parent[max(a, b)] = min(a, b)
        return min(a, b)

    def members(self) -> list[list[int]]:
        """Every group's items, ascending, groups in order of their smallest item."""
        found: dict[int, list[int]] = defaultdict(list)
        for item in range(len(self.parent)):
            found[self.find(item)].append(item)
        return sorted(found.values(), key=lambda group: group[0])
