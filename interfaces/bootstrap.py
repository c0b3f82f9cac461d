"""The composition root: builds the application from one settings object.

Nothing connects to a database until `bootstrap()` is called; tests call it with
their own settings, clock and id factory."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from uuid import UUID, uuid4

from application.ports import Clock, ViewDifference
from application.queries import SCOPE_VIEW, Reader
from application.service import Rapport
from application.sla_watch import SlaWatchdog
from application.tokens import Tokens
from application.views.base import View
from application.views.catalog import all_views
from application.webhooks import Webhooks
from infrastructure.auth.token_store import SqlTokenStore
from infrastructure.clock import SystemClock
from infrastructure.event_store.environment import apply_session_attributes, event_store_env
from infrastructure.sla.schedule import SqlSlaSchedule
from infrastructure.sla.worker import SlaWatchWorker
from infrastructure.views.engine import EventWaiter, view_engine, wal_behind
from infrastructure.views.maintenance import rebuild, verify
from infrastructure.views.projector import Projector
from infrastructure.views.reader import LiveRows
from infrastructure.views.store import ViewStore
from infrastructure.views.worker import ProjectionWorker
from infrastructure.webhooks.dispatcher import DeliveryPolicy, WebhookDispatcher, client_lookup
from infrastructure.webhooks.store import SqlWebhookStore
from interfaces.settings import Settings


def bootstrap(
    settings: Settings | None = None,
    *,
    clock: Clock | None = None,
    new_id: Callable[[], UUID] = uuid4,
) -> Rapport:
    settings = settings or Settings()
    apply_session_attributes(settings.database_url)
    env = event_store_env(
        settings.database_url,
        snapshots=settings.snapshot_interval > 0,
        cache_size=settings.aggregate_cache_size,
        pool_size=settings.pool_size,
        lock_timeout_seconds=settings.lock_timeout_seconds,
        transaction_pooler=settings.transaction_pooler,
    )
    return Rapport(
        env,
        clock=clock or SystemClock(),
        new_id=new_id,
        snapshot_interval=settings.snapshot_interval,
        max_attempts=settings.command_attempts,
    )


@dataclass
class ViewRuntime:
    """Everything that keeps and reads the views, built on one application; the
    application's `ViewMaintenance`."""

    rapport: Rapport
    settings: Settings
    store: ViewStore
    views: list[View[Any, Any]]

    def select(self, names: Sequence[str] = ()) -> list[View[Any, Any]]:
        """The views named (all when none), refusing unknown names."""
        if not names:
            return list(self.views)
        known = {view.name: view for view in self.views}
        unknown = [name for name in names if name not in known]
        if unknown:
            raise ValueError(f"unknown view {', '.join(unknown)}; views: {', '.join(known)}")
        return [known[name] for name in names]

    def view_names(self, names: Sequence[str] = ()) -> list[str]:
        return [view.name for view in self.select(names)]

    def rebuild(self, names: Sequence[str] = ()) -> int:
        self.settings.require_direct_connection("replaying views")
        return rebuild(self.rapport, self.store, self.select(names))

    def verify(self, names: Sequence[str] = ()) -> list[ViewDifference]:
        return verify(self.rapport, self.store, self.select(names))

    def projector(self, names: Sequence[str] = ()) -> Projector:
        return self._projector(self.select(names))

    def _projector(self, views: Sequence[View[Any, Any]]) -> Projector:
        return Projector(
            self.rapport, self.store, views, batch_size=self.settings.projector_batch_size
        )

    def reader(self) -> Reader:
        scope = self.select([SCOPE_VIEW])[0]
        return Reader(
            self.rapport,
            LiveRows(self.store.replica or self.store, scope),
            self.views,
            self.rapport.clock,
            self.settings.max_page_size,
        )

    def replica_lag_bytes(self) -> int | None:
        """How much WAL the read replica has still to replay (None: no replica)."""
        if self.store.replica is None:
            return None
        return wal_behind(self.store.engine, self.store.replica.engine)

    def worker(self, names: Sequence[str] = ()) -> ProjectionWorker:
        """A worker that projects the views named (all when none) once it holds their lock."""
        self.settings.require_direct_connection("projecting views")
        return ProjectionWorker(
            self.rapport,
            self.store,
            self.select(names),
            self._projector,
            self.event_waiter(),
        )

    def sla_watch_worker(self) -> SlaWatchWorker:
        """The breach watchdog, ticking once it holds its lock."""
        self.settings.require_direct_connection("watching SLAs")
        schedule = SqlSlaSchedule(self.store, self.select(["complaint_rows"])[0])
        watchdog = SlaWatchdog(self.rapport, schedule)
        return SlaWatchWorker(watchdog, self.store, interval=self.settings.sla_watch_seconds)

    def webhook_store(self) -> SqlWebhookStore:
        return SqlWebhookStore(self.store.engine, self.store.metadata.schema)

    def webhook_dispatcher(self, policy: DeliveryPolicy | None = None) -> WebhookDispatcher:
        """The webhook deliveries, made once it holds their lock; `policy` (default:
        the settings') says how patiently."""
        settings = self.settings
        settings.require_direct_connection("delivering webhooks")
        policy = policy or DeliveryPolicy(
            timeout=settings.webhook_timeout_seconds,
            max_backoff=settings.webhook_max_backoff_seconds,
            disable_after=timedelta(hours=settings.webhook_disable_after_hours),
        )
        portfolio = self.select([SCOPE_VIEW])[0]
        return WebhookDispatcher(
            self.rapport,
            self.webhook_store(),
            self.store,
            client_lookup(LiveRows(self.store, portfolio), portfolio),
            self.event_waiter(),
            policy=policy,
        )

    def event_waiter(self) -> EventWaiter:
        channel = getattr(self.rapport.recorder, "channel_name", "")
        waiter = EventWaiter(
            self.settings.database_url, channel, listen=not self.settings.transaction_pooler
        )
        self.store.on_wait.append(waiter.wake)
        return waiter

    def close(self) -> None:
        self.store.engine.dispose()


def build_views(rapport: Rapport, settings: Settings | None = None) -> ViewRuntime:
    settings = settings or Settings()
    engine, schema = view_engine(
        settings.database_url, settings.pool_size, transaction_pooler=settings.transaction_pooler
    )
    store = ViewStore(engine, schema)
    if settings.read_database_url:
        read_engine, read_schema = view_engine(
            settings.read_database_url, settings.pool_size, session_attrs="any"
        )
        store.replica = ViewStore(read_engine, read_schema or schema, read_only=True)
    rapport.tracker = store
    rapport.view_wait_seconds = settings.view_wait_seconds
    return ViewRuntime(rapport, settings, store, all_views(settings.thresholds()))


def build_webhooks(runtime: ViewRuntime) -> Webhooks:
    """Webhook endpoints, kept in the same database and schema as the views."""
    rapport = runtime.rapport
    return Webhooks(runtime.webhook_store(), rapport.clock, uuid4, rapport.head)


def build_tokens(runtime: ViewRuntime, clock: Clock | None = None) -> Tokens:
    """API tokens, kept in the same database and schema as the views."""
    store = SqlTokenStore(runtime.store.engine, runtime.store.metadata.schema)
    return Tokens(
        store,
        clock or runtime.rapport.clock,
        uuid4,
        cache_seconds=runtime.settings.token_cache_seconds,
    )
