"""The composition root: builds the application from one settings object.

Nothing connects to a database until `bootstrap()` is called; tests call it with
their own settings, clock and id factory."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID, uuid4

from application.ports import Clock
from application.service import Rapport
from infrastructure.clock import SystemClock
from infrastructure.event_store.environment import event_store_env
from interfaces.settings import Settings


def bootstrap(
    settings: Settings | None = None,
    *,
    clock: Clock | None = None,
    new_id: Callable[[], UUID] = uuid4,
) -> Rapport:
    settings = settings or Settings()
    env = event_store_env(
        settings.database_url,
        snapshots=settings.snapshot_interval > 0,
        cache_size=settings.aggregate_cache_size,
        pool_size=settings.pool_size,
        lock_timeout_seconds=settings.lock_timeout_seconds,
    )
    return Rapport(
        env,
        clock=clock or SystemClock(),
        new_id=new_id,
        sla_policy=settings.sla_policy(),
        snapshot_interval=settings.snapshot_interval,
        max_attempts=settings.command_attempts,
    )
