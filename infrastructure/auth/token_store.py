"""API tokens in one SQL table, beside the events and the views.

Only a token's hash is stored; the secret itself never reaches the database.
Revoking marks the row rather than deleting it, so the list keeps showing who
had access and until when.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    MetaData,
    Row,
    Select,
    String,
    Table,
    Uuid,
    select,
    update,
)

from application.ports import TokenRecord
from infrastructure.sql_times import read_time, stored_time
from infrastructure.views.locks import turn


class SqlTokenStore:
    """The `TokenStore` on SQLite or PostgreSQL, in the given schema (PostgreSQL)."""

    def __init__(self, engine: Engine, schema: str | None = None) -> None:
        self.engine = engine
        self.reads = engine.execution_options(isolation_level="AUTOCOMMIT")  # single statements
        self.metadata = MetaData(schema=schema)
        self.table = Table(
            "rapport_tokens",
            self.metadata,
            Column("token_id", Uuid, primary_key=True),
            Column("name", String, nullable=False),
            Column("role", String, nullable=False),
            Column("client_id", Uuid, nullable=True),
            Column("secret_hash", String, nullable=False, unique=True, index=True),
            Column("created_at", DateTime(timezone=True), nullable=False),
            Column("revoked_at", DateTime(timezone=True), nullable=True),
        )
        # In turns: two processes starting at once would otherwise both see no
        # table and race to create it.
        with turn(engine, "tokens-table", schema=schema) as conn:
            self.table.create(conn, checkfirst=True)

    def add(self, record: TokenRecord, secret_hash: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                self.table.insert().values(
                    token_id=record.token_id,
                    name=record.name,
                    role=record.role,
                    client_id=record.client_id,
                    secret_hash=secret_hash,
                    created_at=stored_time(record.created_at),
                    revoked_at=stored_time(record.revoked_at),
                )
            )

    def find(self, secret_hash: str) -> TokenRecord | None:
        """The token with this hash, revoked or not; None when there is none."""
        query = self._records().where(self.table.c.secret_hash == secret_hash)
        with self.reads.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else _record(row)

    def all(self) -> list[TokenRecord]:
        """Every token, revoked ones included, oldest first."""
        query = self._records().order_by(self.table.c.created_at, self.table.c.token_id)
        with self.reads.connect() as conn:
            return [_record(row) for row in conn.execute(query)]

    def revoke(self, token_id: UUID, at: datetime) -> TokenRecord | None:
        """Marks the token revoked; returns it, or None when there is no such token.

        Revoking twice keeps the first time: that is when access really ended."""
        mark = (
            update(self.table)
            .where(self.table.c.token_id == token_id, self.table.c.revoked_at.is_(None))
            .values(revoked_at=stored_time(at))
        )
        with self.engine.begin() as conn:
            conn.execute(mark)
            row = conn.execute(self._records().where(self.table.c.token_id == token_id)).first()
        return None if row is None else _record(row)

    def _records(self) -> Select[Any]:
        """Every column but the hash: nothing read back needs it."""
        c = self.table.c
        return select(c.token_id, c.name, c.role, c.client_id, c.created_at, c.revoked_at)


def _record(row: Row[Any]) -> TokenRecord:
    return TokenRecord(
        token_id=row.token_id,
        name=row.name,
        role=row.role,
        client_id=row.client_id,
        created_at=read_time(row.created_at),
        revoked_at=read_time(row.revoked_at),
    )
