"""What the mock keeps, bounded by bytes: one budget over photos, results, jobs and logs, the oldest dropped first."""

from __future__ import annotations

from collections import OrderedDict
from collections import deque
from collections.abc import Callable
from collections.abc import Iterator
from itertools import count


class Budget:
    """Items charged by size in the order they came; past the limit, the oldest of any kind is dropped.

    Every call happens under the mock's lock. `limit` is read on each charge, so a config change applies at once.
    """

    def __init__(self, limit: Callable[[], int]):
        self.limit = limit
        self.total = 0
        self.by_kind: dict[str, int] = {}
        self._items: OrderedDict[tuple[str, object], tuple[int, Callable[[], None]]] = OrderedDict()

    def charge(self, kind: str, key: object, size: int, drop: Callable[[], None]) -> None:
        """Keep `size` bytes for (kind, key); `drop()` forgets the item if the budget needs the room."""
        self.release(kind, key)
        self._items[(kind, key)] = (size, drop)
        self._add(kind, size)
        while self.total > self.limit() and len(self._items) > 1:
            (old_kind, _), (old_size, old_drop) = self._items.popitem(last=False)
            self._add(old_kind, -old_size)
            old_drop()

    def release(self, kind: str, key: object) -> None:
        """The item is gone by other means (expiry, reset of a log): stop counting it."""
        entry = self._items.pop((kind, key), None)
        if entry:
            self._add(kind, -entry[0])

    def _add(self, kind: str, size: int) -> None:
        self.total += size
        self.by_kind[kind] = self.by_kind.get(kind, 0) + size


class Log:
    """A record list (request log, tracking batches, emails), bounded by count and charged to the budget by bytes."""

    def __init__(self, kind: str, budget: Budget, limit: int):
        self.kind, self.budget, self.limit = kind, budget, limit
        self._entries: deque[tuple[int, dict]] = deque()
        self._keys = count()

    def append(self, record: dict, size: int) -> None:
        """Keep `record`, charged as `size` bytes; past the count limit the oldest goes."""
        key = next(self._keys)
        self._entries.append((key, record))
        self.budget.charge(self.kind, key, size, lambda: self._forget(key))
        if len(self._entries) > self.limit:
            oldest, _ = self._entries[0]
            self._forget(oldest)
            self.budget.release(self.kind, oldest)

    def _forget(self, key: int) -> None:
        # The budget drops oldest first, so the record is at the front (the scan is for safety only).
        if self._entries and self._entries[0][0] == key:
            self._entries.popleft()
        else:
            self._entries = deque(entry for entry in self._entries if entry[0] != key)

    def __iter__(self) -> Iterator[dict]:
        return (record for _, record in self._entries)

    def __len__(self) -> int:
        return len(self._entries)
