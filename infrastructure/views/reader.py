"""Queries on the live view tables: pages by column filters, rows by key.

Which generation of each view is live is read once a second, not before every
query: a rebuild rarely switches tables, and when it has, the query on the
dropped table fails, the catalog is read again and the query runs once more.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, Table, select
from sqlalchemy.exc import DBAPIError

from application.ports import RowQuery, ViewFailure
from application.views.base import View
from infrastructure.views.store import ViewStore

T = TypeVar("T")


class LiveRows:
    """`ViewRows` on a `ViewStore`; `scope_view` is the view whose `client_id`
    column says which client each engagement is for."""

    def __init__(
        self, store: ViewStore, scope_view: View[Any, Any], catalog_seconds: float = 1.0
    ) -> None:
        self.store = store
        self.scope_view = scope_view
        self.catalog_seconds = catalog_seconds
        self._generations: dict[str, int] = {}
        self._catalog_read_at = -math.inf

    def _live_generation(self, view: View[Any, Any]) -> int:
        if time.monotonic() - self._catalog_read_at > self.catalog_seconds:
            self._generations = self.store.live_generations()
            self._catalog_read_at = time.monotonic()
        number = self._generations.get(view.name)
        if number is None:  # a view with no table yet
            number = self.store.live(view).number
        return number

    def _live_table(self, view: View[Any, Any]) -> Table:
        return self.store.table(view, self._live_generation(view))

    def _retrying(self, query: Callable[[], T]) -> T:
        try:
            return query()
        except DBAPIError:
            self._catalog_read_at = -math.inf  # a rebuild may have dropped the table
            return query()

    def page(self, view: View[Any, Any], query: RowQuery) -> list[tuple[str, Any]]:
        return self._retrying(lambda: self._page(view, query))

    def _page(self, view: View[Any, Any], query: RowQuery) -> list[tuple[str, Any]]:
        number = self._live_generation(view)
        table = self.store.table(view, number)
        order = table.c[query.order_by] if query.order_by else table.c.row_key
        statement = select(table.c.row_key, table.c.row_state).limit(query.limit)
        for name, value in query.where.items():
            statement = statement.where(table.c[name] == value)
        if query.after is not None:
            after: Any = int(query.after) if query.order_by else query.after
            statement = statement.where(order > after)
        if query.client_id is not None:
            statement = self._scoped(statement, table, query)
        with self.store.reads.connect() as conn:
            return list(self.store.tables.read(conn, view, number, statement, order).items())

    def _scoped(self, statement: Select[Any], table: Table, query: RowQuery) -> Select[Any]:
        if "client_id" in table.c:
            return statement.where(table.c.client_id == query.client_id)
        scope = self._live_table(self.scope_view)
        engagements = select(scope.c.engagement_id).where(scope.c.client_id == query.client_id)
        return statement.where(table.c.engagement_id.in_(engagements))

    def by_keys(self, view: View[Any, Any], keys: Sequence[str]) -> dict[str, Any]:
        if not keys:
            return {}
        return self._retrying(lambda: self.store.load(view, self._live_generation(view), keys))

    def live_positions(self) -> dict[str, int]:
        return self.store.live_positions()

    def live_versions(self) -> dict[str, tuple[int, int]]:
        versions = self.store.live_versions()
        # The rows read next come from the generations these versions name.
        self._generations = {view: generation for view, (generation, _) in versions.items()}
        self._catalog_read_at = time.monotonic()
        return versions

    def failures(self) -> dict[str, ViewFailure]:
        return self.store.failures.all()
