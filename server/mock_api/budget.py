"""What the mock keeps, bounded by bytes. The shopper's things (jobs, photos, results) share one pool; each record
log (the request log, analytics batches, emails) has its own, so a flood of records evicts only older records of the
same kind and never a shopper's job, photo or result. Within a pool the oldest is dropped first."""

from __future__ import annotations

from collections import OrderedDict
from collections import deque
from collections.abc import Callable
from collections.abc import Iterator
from itertools import count

# The record logs, each with its own share of the byte budget; every other kind is the shopper's.
RECORD_KINDS = ("request", "tracking", "email")
# Each record log may use this fraction of the whole budget (3 x 1/16: the shopper's pool keeps 13/16 of it).
RECORD_SHARE = 16


def pool_of(kind: str) -> str:
    return kind if kind in RECORD_KINDS else "shopper"


class Budget:
    """Items charged by size in the order they came, in pools; past a pool's limit its oldest item is dropped.

    Every call happens under the mock's lock. `limit` (the whole budget) is read on each charge, so a config change
    applies at once.
    """

    def __init__(self, limit: Callable[[], int]):
        self.limit = limit
        self.total = 0
        self.by_kind: dict[str, int] = {}
        self.by_pool: dict[str, int] = {}
        self._items: dict[str, OrderedDict[tuple[str, object], tuple[int, Callable[[], None]]]] = {}

    def pool_limit(self, pool: str) -> int:
        share = self.limit() // RECORD_SHARE
        return share if pool in RECORD_KINDS else self.limit() - share * len(RECORD_KINDS)

    def charge(self, kind: str, key: object, size: int, drop: Callable[[], None]) -> None:
        """Keep `size` bytes for (kind, key); `drop()` forgets the item if its pool needs the room."""
        self.release(kind, key)
        pool = pool_of(kind)
        items = self._items.setdefault(pool, OrderedDict())
        items[(kind, key)] = (size, drop)
        self._add(kind, size)
        while self.by_pool[pool] > self.pool_limit(pool) and len(items) > 1:
            (old_kind, _), (old_size, old_drop) = items.popitem(last=False)
            self._add(old_kind, -old_size)
            old_drop()

    def release(self, kind: str, key: object) -> None:
        """The item is gone by other means (expiry, reset of a log): stop counting it."""
        entry = self._items.get(pool_of(kind), {}).pop((kind, key), None)
        if entry:
            self._add(kind, -entry[0])

    def _add(self, kind: str, size: int) -> None:
        self.total += size
        self.by_kind[kind] = self.by_kind.get(kind, 0) + size
        pool = pool_of(kind)
        self.by_pool[pool] = self.by_pool.get(pool, 0) + size

    def pools(self) -> dict:
        """Each pool's bytes, limit and kinds, for /_mock/usage."""
        return {
            pool: {
                "storedBytes": self.by_pool.get(pool, 0),
                "maxBytes": self.pool_limit(pool),
                "byKind": {k: size for k, size in self.by_kind.items() if size and pool_of(k) == pool},
            }
            for pool in ("shopper", *RECORD_KINDS)
        }


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
