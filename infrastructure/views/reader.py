"""Queries on the live view tables: pages by column filters, rows by key.

Each query first looks up which generation is live, so a rebuild that switches
tables mid-flight never leaves a reader on a dropped one for more than a query.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, Table, select

from application.ports import RowQuery
from application.views.base import View
from infrastructure.views.codec import decode_state
from infrastructure.views.store import ViewStore


class LiveRows:
    """`ViewRows` on a `ViewStore`; `scope_view` is the view whose `client_id`
    column says which client each engagement is for."""

    def __init__(self, store: ViewStore, scope_view: View[Any, Any]) -> None:
        self.store = store
        self.scope_view = scope_view

    def _live_table(self, view: View[Any, Any]) -> Table:
        return self.store.table(view, self.store.live(view).number)

    def page(self, view: View[Any, Any], query: RowQuery) -> list[tuple[str, Any]]:
        table = self._live_table(view)
        order = table.c[query.order_by] if query.order_by else table.c.row_key
        statement = select(table.c.row_key, table.c.row_state).order_by(order).limit(query.limit)
        for name, value in query.where.items():
            statement = statement.where(table.c[name] == value)
        if query.after is not None:
            after: Any = int(query.after) if query.order_by else query.after
            statement = statement.where(order > after)
        if query.client_id is not None:
            statement = self._scoped(statement, table, query)
        with self.store.engine.connect() as conn:
            return [
                (key, decode_state(view.state_type, data)) for key, data in conn.execute(statement)
            ]

    def _scoped(self, statement: Select[Any], table: Table, query: RowQuery) -> Select[Any]:
        if "client_id" in table.c:
            return statement.where(table.c.client_id == query.client_id)
        scope = self._live_table(self.scope_view)
        engagements = select(scope.c.engagement_id).where(scope.c.client_id == query.client_id)
        return statement.where(table.c.engagement_id.in_(engagements))

    def by_keys(self, view: View[Any, Any], keys: Sequence[str]) -> dict[str, Any]:
        if not keys:
            return {}
        return self.store.load(view, self.store.live(view).number, keys)

    def live_positions(self) -> dict[str, int]:
        return self.store.live_positions()
