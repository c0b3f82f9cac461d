"""Telling a database that cannot serve us just now from every other failure.

The event store (through the `eventsourcing` library), the views (through
SQLAlchemy) and the pools in front of them each wrap the driver's error in
their own; the driver's is always among the causes. A server that is down,
restarting, shutting down, has become a standby (after a failover), or could
not give a lock in time is the caller's to try again, not a fault of the
request."""

from __future__ import annotations

import psycopg
import psycopg_pool
import sqlalchemy.exc

# SQLSTATEs of a server that cannot serve us now: connection exceptions (08...),
# shutting down or starting up (57P01-57P03), read-only because it is a
# standby (25006), a lock not had within the lock timeout (55P03).
_BUSY_OR_GONE = ("08", "57P01", "57P02", "57P03", "25006", "55P03")


def unavailable(error: BaseException) -> bool:
    """Whether `error`, or any error it was raised from, says the database
    cannot be reached, cannot take writes or could not serve in time."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if _says_so(current):
            return True
        current = current.__cause__ or current.__context__
    return False


def _says_so(error: BaseException) -> bool:
    if isinstance(error, psycopg.OperationalError):
        return error.sqlstate is None or error.sqlstate.startswith(_BUSY_OR_GONE)
    # A connection closed under us, or no connection to be had in time.
    return isinstance(
        error, psycopg.InterfaceError | psycopg_pool.PoolTimeout | sqlalchemy.exc.TimeoutError
    )
