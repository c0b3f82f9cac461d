"""Answers given again, exactly, while what they were read from stands still.

A query's answer is a function of its document, its variables, the caller's
scope (role and client), the rows of the views it read and the moment, through
figures such as "past due". The first time, the answer is worked out and kept
with what it read (`ViewsRead`): the views, their versions (generation and log
position, taken before the first row was read) and the moment until which its
figures stand still. Asked again, it is given again only if every one of those
views is still at the version it was read at, which costs one read of the views'
catalog, and that moment has not come: so it is never older than the views.

Only queries that read nothing but the live views are kept; anything else they
use (the log, tokens, a command, the caller's own name, a figure that moves at
every instant) marks the answer not reusable. Answers with errors are not kept.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import anyio.to_thread
import orjson
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from application.access import Principal
from application.queries import ViewsRead
from interfaces.graphql.context import Context, Services


@dataclass(frozen=True)
class Kept:
    """An answer's data as JSON, with the versions of the views it read and the
    moment from which its figures may have moved (None: not with time alone)."""

    data: bytes
    versions: dict[str, tuple[int, int]]
    until: datetime | None


class ResponseCache:
    """The most recently used answers, their data at most `budget` bytes of
    JSON in all: kept as JSON, an answer takes about a quarter of the memory
    it takes as Python objects (8 KB against 31 KB for the benchmark's
    dashboard), and a hit costs decoding it, far less than working it out.

    Used from the event loop only, so it needs no lock; the catalog is read in
    a worker thread like every other read."""

    def __init__(self, services: Services, budget: int) -> None:
        self.services = services
        self.budget = budget
        self._kept: OrderedDict[bytes, Kept] = OrderedDict()
        self._size = 0  # bytes of JSON kept
        # How often an answer was given again, and not: what the tests look at.
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(
        principal: Principal,
        query: str,
        variables: dict[str, Any] | None,
        operation_name: str | None,
        extensions: dict[str, Any] | None,
    ) -> bytes | None:
        """What an answer depends on besides the views and the moment; None when
        the variables are not plain JSON (then nothing is kept)."""
        scope = [principal.role.value, str(principal.client_id or "")]
        try:
            request = orjson.dumps(
                [scope, query, operation_name, variables, extensions],
                option=orjson.OPT_SORT_KEYS,
            )
        except TypeError:
            return None
        return hashlib.sha256(request).digest()

    async def recall(self, key: bytes) -> ExecutionResult | None:
        """The answer kept under `key`, if it still holds."""
        kept = self._kept.get(key)
        holds = kept is not None and await self._holds(kept)
        # Other requests ran meanwhile: they may have kept a newer answer under
        # the key, or given this one up to stay within the budget.
        still_kept = kept is not None and self._kept.get(key) is kept
        if kept is None or not holds:
            if still_kept:
                self._drop(key)
            self.misses += 1
            return None
        if still_kept:
            self._kept.move_to_end(key)
        self.hits += 1
        return ExecutionResult(data=orjson.loads(kept.data), errors=None)

    async def _holds(self, kept: Kept) -> bool:
        """Whether the moment has not come and every view read is unchanged."""
        reader = self.services.reader
        if kept.until is not None and reader.clock.now() >= kept.until:
            return False
        if not kept.versions:
            return True
        versions = await anyio.to_thread.run_sync(
            reader.rows.live_versions, limiter=self.services.limiter
        )
        return all(versions.get(view) == version for view, version in kept.versions.items())

    def keep(self, key: bytes, reads: ViewsRead, result: ExecutionResult) -> None:
        """Keep `result` if it may be given again."""
        if not reads.reusable or result.errors or result.data is None:
            return
        read_at = reads.versions or {}
        # A view with no version yet has no table yet: nothing to compare with later.
        versions = {view: read_at[view] for view in reads.views if view in read_at}
        if len(versions) < len(reads.views):
            return
        try:
            data = orjson.dumps(result.data)
        except TypeError:  # not JSON: the answer could not be sent either
            return
        if len(data) > self.budget:
            return
        if key in self._kept:
            self._drop(key)
        self._kept[key] = Kept(data, versions, reads.until)
        self._size += len(data)
        while self._size > self.budget:
            self._drop(next(iter(self._kept)))  # the least recently used

    def _drop(self, key: bytes) -> None:
        self._size -= len(self._kept.pop(key).data)


class QueriesOnlyKept(SchemaExtension):
    """A mutation's answer is never given again: only a query may be."""

    def on_execute(self) -> Iterator[None]:
        execution = self.execution_context
        if execution.operation_type is not OperationType.QUERY and isinstance(
            execution.context, Context
        ):
            execution.context.reads.not_reusable()
        yield
