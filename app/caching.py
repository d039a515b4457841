"""Results a worker keeps in memory under the version of the data they were computed from, never stale.

A page whose figures are read far more often than they change (item analysis: every finished attempt
changes it, every teacher's visit reads it) asks a cheap statement for the data's version, and computes
the figures again only when that version changed. Each worker keeps its own copy: nothing is shared,
so nothing needs invalidating; a version no one asks for any more falls out when the cache is full.
Each application has caches of its own (``app_cache``): two apps never share a result.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from flask import current_app

Value = TypeVar("Value")


class VersionedCache(Generic[Value]):
    """At most ``size`` values, one per key, each kept with the version it was computed for."""

    def __init__(self, size: int):
        self.size = size
        self._entries: OrderedDict[Hashable, tuple[Hashable, Value]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, version: Hashable, compute: Callable[[], Value]) -> Value:
        """Return the value kept for ``key`` if it was computed for ``version``; else compute it and keep it."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry[0] == version:
                self._entries.move_to_end(key)
                return entry[1]
        value = compute()
        with self._lock:
            self._entries[key] = (version, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value


def app_cache(name: str, *, size: int) -> VersionedCache:
    """Return the current application's cache called ``name``, made on first use."""
    caches = current_app.extensions.setdefault("versioned_caches", {})
    if name not in caches:
        caches[name] = VersionedCache(size)
    return caches[name]
