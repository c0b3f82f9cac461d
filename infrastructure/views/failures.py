"""Which views cannot take an event, kept beside the catalog.

A projector records a view's failure here and removes it once the view takes
the event after all, so every process sees it: `/readyz` in an API process
whose views another process projects, `rapport projections` and `rapport verify`.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    delete,
    select,
)

from application.ports import ViewFailure
from infrastructure.sql_times import read_time, stored_time

ERROR_LENGTH = 1000  # what a failure keeps of its error's message


class ViewFailures:
    def __init__(self, engine: Engine, metadata: MetaData) -> None:
        self.engine = engine
        self.reads = engine.execution_options(isolation_level="AUTOCOMMIT")
        self.table = Table(
            "rapport_view_failures",
            metadata,
            Column("view", String, primary_key=True),
            Column("position", BigInteger, nullable=False),
            Column("event_type", String, nullable=False),
            Column("error", String, nullable=False),
            Column("failed_at", DateTime(timezone=True), nullable=False),
            Column("attempts", Integer, nullable=False),
        )

    def create(self, conn: Connection) -> None:
        self.table.create(conn, checkfirst=True)

    def record(self, failure: ViewFailure) -> None:
        row = {
            "view": failure.view,
            "position": failure.position,
            "event_type": failure.event_type,
            "error": failure.error[:ERROR_LENGTH],
            "failed_at": stored_time(failure.failed_at),
            "attempts": failure.attempts,
        }
        with self.engine.begin() as conn:
            conn.execute(delete(self.table).where(self.table.c.view == failure.view))
            conn.execute(self.table.insert().values(row))

    def clear(self, view_name: str, conn: Connection | None = None) -> None:
        statement = delete(self.table).where(self.table.c.view == view_name)
        if conn is not None:
            conn.execute(statement)
            return
        with self.engine.begin() as own:
            own.execute(statement)

    def all(self) -> dict[str, ViewFailure]:
        with self.reads.connect() as conn:
            rows = conn.execute(select(self.table)).all()
        return {
            row.view: ViewFailure(
                row.view,
                row.position,
                row.event_type,
                row.error,
                read_time(row.failed_at),
                row.attempts,
            )
            for row in rows
        }
