"""The watchdog's question of the complaint list view: who is owed something now."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Select, select

from application.views.base import View
from infrastructure.views.store import ViewStore


class SqlSlaSchedule:
    """`SlaSchedule` on the live complaint list table, by its `sla_next_at` index."""

    def __init__(self, store: ViewStore, complaint_rows: View[Any, Any]) -> None:
        self.store = store
        self.view = complaint_rows

    def due_complaints(self, at: datetime, limit: int) -> list[UUID]:
        with self.store.reads.connect() as conn:
            return [UUID(key) for key in conn.execute(self.query(at, limit)).scalars()]

    def query(self, at: datetime, limit: int) -> Select[Any]:
        """The question, by the `sla_next_at` index: only the rows due are read."""
        table = self.store.table(self.view, self.store.live(self.view).number)
        due = table.c.sla_next_at
        return select(table.c.row_key).where(due <= at).order_by(due).limit(limit)
