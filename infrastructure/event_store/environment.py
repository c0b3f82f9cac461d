"""Translate a database URL into the `eventsourcing` library's environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from eventsourcing.utils import get_topic

from infrastructure.event_store.mapper import OrjsonTranscoder, TypedMapper
from infrastructure.event_store.postgres import PostgresFactory, PostgresRecorder
from infrastructure.event_store.sqlite import SQLiteRecorder


def is_postgres(database_url: str) -> bool:
    return urlsplit(database_url).scheme in ("postgresql", "postgres", "postgresql+psycopg")


def sqlite_path(database_url: str) -> str:
    """`sqlite:///relative.db`, `sqlite:////absolute.db`, or a bare file path."""
    if database_url.startswith("sqlite:///"):
        return database_url.removeprefix("sqlite:///")
    if "://" in database_url:
        raise ValueError(f"unsupported database URL: {database_url!r}")
    return database_url


def event_store_env(
    database_url: str,
    *,
    snapshots: bool,
    cache_size: int = 0,
    pool_size: int = 10,
    lock_timeout_seconds: int = 5,
    transaction_pooler: bool = False,
) -> dict[str, str]:
    """Environment for `Rapport(env=...)`: persistence module, recorder, mapper, pool.
    `transaction_pooler`: the PostgreSQL URL goes through a pooler in transaction
    mode, so no statement may be prepared.

    Every key the library would otherwise read from the process environment is set
    here, so a stray variable cannot change how events are stored. In particular
    the PostgreSQL insert functions stay off: they let readers skip events written
    by concurrent transactions and lose tracking rows."""
    env = {
        "MAPPER_TOPIC": get_topic(TypedMapper),
        "TRANSCODER_TOPIC": get_topic(OrjsonTranscoder),
        "IS_SNAPSHOTTING_ENABLED": "y" if snapshots else "n",
        "CREATE_TABLE": "y",
        # Cached aggregates are brought up to date from the store on every load
        # ("fast-forward"), so a cache never serves stale state across processes.
        "AGGREGATE_CACHE_MAXSIZE": str(cache_size) if cache_size > 0 else "",
        "AGGREGATE_CACHE_FASTFORWARD": "y",
        "COMPRESSOR_TOPIC": "",
        "CIPHER_TOPIC": "",
    }
    if is_postgres(database_url):
        env.update(_postgres_env(database_url, pool_size, lock_timeout_seconds, transaction_pooler))
    else:
        path = sqlite_path(database_url)
        if path != ":memory:":
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        env.update(
            {
                "PERSISTENCE_MODULE": "eventsourcing.sqlite",
                "APPLICATION_RECORDER_TOPIC": get_topic(SQLiteRecorder),
                "SQLITE_DBNAME": path,
                "SQLITE_LOCK_TIMEOUT": str(lock_timeout_seconds),
            }
        )
    return env


@dataclass(frozen=True)
class PostgresUrl:
    """A PostgreSQL URL, with libpq's list of hosts: `postgresql://user@h1:5432,
    h2:5433/db?target_session_attrs=read-write` names a primary and its standby,
    and a connection goes to whichever of them takes writes."""

    user: str
    password: str
    hosts: tuple[tuple[str, int], ...]
    dbname: str
    options: dict[str, list[str]]

    @classmethod
    def parse(cls, database_url: str) -> PostgresUrl:
        url = urlsplit(database_url)
        userinfo, _, hostlist = url.netloc.rpartition("@")
        user, _, password = userinfo.partition(":")
        return cls(
            user=unquote(user) or "postgres",
            password=unquote(password),
            hosts=tuple(_host_and_port(item) for item in hostlist.split(",")),
            dbname=unquote(url.path.lstrip("/")) or "postgres",
            options=parse_qs(url.query),
        )

    def option(self, name: str, default: str = "") -> str:
        return self.options.get(name, [default])[0]


def _host_and_port(item: str) -> tuple[str, int]:
    if item.startswith("["):  # an IPv6 address: [::1]:5432
        host, _, rest = item[1:].partition("]")
        return host, int(rest.lstrip(":") or 5432)
    host, _, port = item.partition(":")
    return host or "127.0.0.1", int(port or 5432)


def apply_session_attributes(database_url: str) -> None:
    """`target_session_attrs` of the URL, for every connection of this process
    that does not say otherwise: the event store's library takes no such
    option, and libpq reads it from the environment."""
    if is_postgres(database_url):
        wanted = PostgresUrl.parse(database_url).option("target_session_attrs")
        if wanted:
            os.environ["PGTARGETSESSIONATTRS"] = wanted


def _postgres_env(
    database_url: str, pool_size: int, lock_timeout_seconds: int, transaction_pooler: bool
) -> dict[str, str]:
    url = PostgresUrl.parse(database_url)
    return {
        "PERSISTENCE_MODULE": get_topic(PostgresFactory),
        "APPLICATION_RECORDER_TOPIC": get_topic(PostgresRecorder),
        "POSTGRES_DBNAME": url.dbname,
        # libpq takes lists: it tries each host in turn.
        "POSTGRES_HOST": ",".join(host for host, _ in url.hosts),
        "POSTGRES_PORT": ",".join(str(port) for _, port in url.hosts),
        "POSTGRES_USER": url.user,
        "POSTGRES_PASSWORD": url.password,
        "POSTGRES_SCHEMA": url.option("schema"),
        "POSTGRES_POOL_SIZE": str(pool_size),
        "POSTGRES_MAX_OVERFLOW": str(pool_size),
        "POSTGRES_LOCK_TIMEOUT": str(lock_timeout_seconds),
        # No check of a pooled connection before each use: it costs a round
        # trip per command (about a tenth of a save). A connection broken by a
        # restart or failover fails its try instead, is dropped by the pool,
        # and the library's next try takes another.
        "POSTGRES_PRE_PING": "n",
        # How long one try waits for a connection. The library tries a write
        # or read 10 times, so a request rides out a restart or failover of
        # about 12 s before it is answered "unavailable" (at its default of
        # 30 s a try, the caller would wait five minutes).
        "POSTGRES_CONNECT_TIMEOUT": "1",
        "POSTGRES_ENABLE_DB_FUNCTIONS": "n",
        # A pooler in transaction mode may run each transaction on another
        # server connection, where a statement prepared on the last one is
        # unknown, or another client's statement already has its name.
        "PREPARED_STATEMENTS": "n" if transaction_pooler else "y",
    }
