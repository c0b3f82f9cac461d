"""Translate a database URL into the `eventsourcing` library's environment."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from eventsourcing.utils import get_topic

from infrastructure.event_store.mapper import OrjsonTranscoder, TypedMapper
from infrastructure.event_store.postgres import PostgresRecorder
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
) -> dict[str, str]:
    """Environment for `Rapport(env=...)`: persistence module, recorder, mapper, pool.

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
        env.update(_postgres_env(database_url, pool_size, lock_timeout_seconds))
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


def _postgres_env(database_url: str, pool_size: int, lock_timeout_seconds: int) -> dict[str, str]:
    url = urlsplit(database_url)
    options = parse_qs(url.query)
    return {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "APPLICATION_RECORDER_TOPIC": get_topic(PostgresRecorder),
        "POSTGRES_DBNAME": unquote(url.path.lstrip("/")) or "postgres",
        "POSTGRES_HOST": url.hostname or "127.0.0.1",
        "POSTGRES_PORT": str(url.port or 5432),
        "POSTGRES_USER": unquote(url.username or "postgres"),
        "POSTGRES_PASSWORD": unquote(url.password or ""),
        "POSTGRES_SCHEMA": options.get("schema", [""])[0],
        "POSTGRES_POOL_SIZE": str(pool_size),
        "POSTGRES_MAX_OVERFLOW": str(pool_size),
        "POSTGRES_LOCK_TIMEOUT": str(lock_timeout_seconds),
        # A pooled connection is checked before use, so one broken by a
        # database restart or failover is replaced, not handed to a command.
        "POSTGRES_PRE_PING": "y",
        # How long one try waits for a connection. The library tries a write
        # or read 10 times, so a request rides out a restart or failover of
        # about 12 s before it is answered "unavailable" (at its default of
        # 30 s a try, the caller would wait five minutes).
        "POSTGRES_CONNECT_TIMEOUT": "1",
        "POSTGRES_ENABLE_DB_FUNCTIONS": "n",
    }
