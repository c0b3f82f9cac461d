"""The watchdog's question of the complaint list view: who is owed something now."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Select, and_, or_, select

from application.sla_watch import DueComplaint
from application.views.base import View
from infrastructure.sql_times import read_time, stored_time
from infrastructure.views.store import ViewStore


class SqlSlaSchedule:
    """`SlaSchedule` on the live complaint list table, by its `sla_next_at` index."""

    def __init__(self, store: ViewStore, complaint_rows: View[Any, Any]) -> None:
        self.store = store
        self.view = complaint_rows

    def due_complaints(
        self, at: datetime, limit: int, after: DueComplaint | None = None
    ) -> list[DueComplaint]:
        with self.store.reads.connect() as conn:
            rows = conn.execute(self.query(at, limit, after))
            return [DueComplaint(read_time(row.sla_next_at), UUID(row.row_key)) for row in rows]

    def query(self, at: datetime, limit: int, after: DueComplaint | None = None) -> Select[Any]:
        """The question, by the `sla_next_at` index: only the rows due are read,
        from just after `after` in (due time, key) order."""
        table = self.store.table(self.view, self.store.live(self.view).number)
        due, key = table.c.sla_next_at, table.c.row_key
        query = select(due, key).where(due <= stored_time(at))
        if after is not None:
            since, last_key = stored_time(after.due_at), str(after.complaint_id)
            query = query.where(due >= since, or_(due > since, and_(due == since, key > last_key)))
        return query.order_by(due, key).limit(limit)
