"""Delivering the log to webhook endpoints.

The dispatcher holds the dispatch lock, so across all processes one delivers and
the others stand by to take over. It runs a thread per enabled endpoint: each
reads the log from its endpoint's stored position and posts the events the
endpoint wants, one request per event, in log order. An event is tried until it
is answered 2xx, with exponential back-off and full jitter between tries, and
the next event waits for it: order is kept, and an endpoint down for a day gets
everything when it returns. The position moves only past delivered events, so
a crash repeats at most the last few deliveries (at least once, never lost);
each request carries the event's id for the receiver to drop repeats. An
endpoint that has failed for longer than `disable_after` is disabled, and the
reason logged and kept on the endpoint.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID, uuid5

import httpx
import orjson

from application.ports import Clock, ViewRows
from application.service import Rapport
from application.views.audit import event_data, is_internal
from application.views.base import LoggedEvent, View
from application.views.log import read_log
from application.webhooks import DeliveryAttempt, WebhookEndpoint
from infrastructure.views.engine import EventWaiter
from infrastructure.views.locks import work_while_holding
from infrastructure.views.store import ViewStore
from infrastructure.webhooks.signing import ATTEMPT, EVENT_ID, EVENT_TYPE, SIGNATURE, signature
from infrastructure.webhooks.store import SqlWebhookStore

log = logging.getLogger(__name__)

# Event ids are derived from (aggregate, version), so every delivery of an event,
# by any process, carries the same one.
_EVENT_IDS = UUID("5f1d0c2e-3b6a-4f0e-9a7d-2c4b8e6f1a3d")
_BATCH = 200  # events read from the log at a time


def event_id(logged: LoggedEvent) -> UUID:
    return uuid5(_EVENT_IDS, f"{logged.aggregate_id}:{logged.event.originator_version}")


def payload(logged: LoggedEvent) -> bytes:
    """The request body: the event as the audit trail shows it."""
    event = logged.event
    return orjson.dumps(
        {
            "id": str(event_id(logged)),
            "position": logged.position,
            "type": logged.name,
            "aggregateId": str(logged.aggregate_id),
            "version": event.originator_version,
            "engagementId": str(logged.engagement_id),
            "actor": event.actor,
            "recordedAt": event.timestamp.isoformat(),
            "occurredAt": logged.occurred_at.isoformat(),
            "data": event_data(event),
        }
    )


@dataclass(frozen=True)
class DeliveryPolicy:
    timeout: float = 10.0  # seconds an endpoint has to answer
    first_backoff: float = 0.5  # seconds before the second try; doubling from there
    max_backoff: float = 300.0
    disable_after: timedelta = timedelta(hours=72)
    poll: float = 0.5  # seconds between looks at the log when no write is announced
    flush_every: int = 100  # deliveries between saves of the position


ClientOf = Callable[[UUID], UUID | None]  # an engagement's client


class WebhookDispatcher(threading.Thread):
    def __init__(
        self,
        rapport: Rapport,
        store: SqlWebhookStore,
        view_store: ViewStore,
        client_of: ClientOf,
        wait_for_events: EventWaiter,
        *,
        policy: DeliveryPolicy,
        refresh: float = 2.0,
    ) -> None:
        super().__init__(name="rapport-webhooks", daemon=True)
        self.rapport = rapport
        self.store = store
        self.view_store = view_store
        self.client_of = client_of
        self.wait_for_events = wait_for_events
        self.policy = policy
        self.refresh = refresh
        self.stopping = threading.Event()
        self.active = threading.Event()  # set once it holds the lock and delivers
        self.workers: dict[UUID, EndpointWorker] = {}

    def run(self) -> None:
        try:
            work_while_holding(
                self.view_store.exclusive,
                ["webhook-dispatch"],
                self._dispatch_until_stopped,
                stopping=self.stopping,
                what="webhook dispatcher",
            )
        finally:
            self.wait_for_events.close()

    def _dispatch_until_stopped(self, lost: threading.Event) -> None:
        """Deliver until stopped or the lock is lost; then no endpoint worker
        delivers any more, since another process may take over."""
        self.active.set()
        try:
            self._dispatch(lost)
        finally:
            for worker in self.workers.values():
                worker.stop()
            self.workers.clear()

    def _dispatch(self, lost: threading.Event) -> None:
        next_sync = 0.0
        while not (self.stopping.is_set() or lost.is_set()):
            if time.monotonic() >= next_sync:
                self._sync()
                next_sync = time.monotonic() + self.refresh
            if self.wait_for_events(min(self.refresh, self.policy.poll)):
                for worker in list(self.workers.values()):
                    worker.woken.set()

    def _sync(self) -> None:
        """One worker per enabled endpoint: new endpoints start, removed and
        disabled ones stop."""
        try:
            enabled = {e.endpoint_id: e for e in self.store.all() if e.disabled_at is None}
        except Exception:  # the database may be restarting; look again later
            log.exception("could not read the webhook endpoints")
            return
        for endpoint_id in [i for i, w in self.workers.items() if i not in enabled or w.done]:
            self.workers.pop(endpoint_id).stop()
        for endpoint_id, endpoint in enabled.items():
            if endpoint_id not in self.workers:
                worker = EndpointWorker(self, endpoint, self.store.secret(endpoint_id))
                self.workers[endpoint_id] = worker
                worker.start()

    def stop(self, timeout: float | None = None) -> None:
        self.stopping.set()
        self.wait_for_events.wake()
        if self.is_alive():
            self.join(timeout)


@dataclass
class _Progress:
    """What a worker delivered since it last saved."""

    position: int
    failing_since: datetime | None = None
    attempts: list[DeliveryAttempt] = field(default_factory=list)
    delivered: int = 0


class EndpointWorker(threading.Thread):
    def __init__(self, dispatcher: WebhookDispatcher, endpoint: WebhookEndpoint, secret: str):
        super().__init__(name=f"rapport-webhook-{endpoint.endpoint_id}", daemon=True)
        self.dispatcher = dispatcher
        self.endpoint = endpoint
        self.secret = secret
        self.policy = dispatcher.policy
        self.clock: Clock = dispatcher.rapport.clock
        self.stopping = threading.Event()
        self.woken = threading.Event()
        self.done = False  # the endpoint was disabled: the dispatcher lets the worker go
        self.progress = _Progress(endpoint.position, endpoint.failing_since)
        self._clients: dict[UUID, UUID | None] = {}

    def run(self) -> None:
        with httpx.Client(timeout=self.policy.timeout) as http:
            try:
                self._deliver_log(http)
            except Exception:  # a bug or the database gone: the dispatcher starts a new one
                log.exception("webhook %s: delivery stopped", self.endpoint.endpoint_id)
                self.done = True
            finally:
                self._save()

    def _deliver_log(self, http: httpx.Client) -> None:
        while not self.stopping.is_set():
            events, last = read_log(self.dispatcher.rapport, self.progress.position, _BATCH)
            if last is None:
                self._save()
                self.woken.wait(self.policy.poll)
                self.woken.clear()
                continue
            for logged in events:
                if self._wanted(logged) and not self._deliver(http, logged):
                    return  # stopping, or the endpoint was disabled
                self.progress.position = logged.position
            self.progress.position = last
            if self.progress.delivered >= self.policy.flush_every:
                self._save()

    def _wanted(self, logged: LoggedEvent) -> bool:
        if not self.endpoint.wants(logged.name):
            return False
        client_id = self.endpoint.client_id
        if client_id is None:
            return True
        if is_internal(logged.event):  # the team's alone: no client's endpoint hears of it
            return False
        engagement_id = logged.engagement_id
        if engagement_id not in self._clients:
            self._clients[engagement_id] = self.dispatcher.client_of(engagement_id)
        return self._clients[engagement_id] == client_id

    def _deliver(self, http: httpx.Client, logged: LoggedEvent) -> bool:
        """Post one event until it is answered 2xx; False when stopping, or
        when the endpoint has failed too long and is disabled."""
        body, identity = payload(logged), event_id(logged)
        attempt = 0
        while not self.stopping.is_set():
            attempt += 1
            outcome = self._post(http, logged, body, identity, attempt)
            self.progress.attempts.append(outcome)
            if outcome.delivered:
                self.progress.failing_since = None
                self.progress.delivered += 1
                return True
            now = outcome.attempted_at
            self.progress.failing_since = self.progress.failing_since or now
            if now - self.progress.failing_since > self.policy.disable_after:
                self._disable(outcome)
                return False
            self._save()  # the delivery log shows each failure as it happens
            ceiling = min(self.policy.max_backoff, self.policy.first_backoff * 2 ** (attempt - 1))
            self.stopping.wait(random.uniform(0, ceiling))
        return False

    def _post(
        self, http: httpx.Client, logged: LoggedEvent, body: bytes, identity: UUID, attempt: int
    ) -> DeliveryAttempt:
        headers = {
            "Content-Type": "application/json",
            SIGNATURE: signature(self.secret, int(time.time()), body),
            EVENT_ID: str(identity),
            EVENT_TYPE: logged.name,
            ATTEMPT: str(attempt),
        }
        at, started = self.clock.now(), time.perf_counter()
        status: int | None = None
        try:
            status = http.post(self.endpoint.url, content=body, headers=headers).status_code
            error = "" if 200 <= status < 300 else f"answered {status}"
        except httpx.HTTPError as failure:
            error = f"{type(failure).__name__}: {failure}"[:500]
        latency = (time.perf_counter() - started) * 1000
        return DeliveryAttempt(
            endpoint_id=self.endpoint.endpoint_id,
            position=logged.position,
            event_id=identity,
            attempt=attempt,
            attempted_at=at,
            status=status,
            error=error,
            latency_ms=latency,
        )

    def _disable(self, last: DeliveryAttempt) -> None:
        since = self.progress.failing_since
        reason = f"failing since {since.isoformat() if since else '?'}; last: {last.error}"
        log.error("webhook %s disabled: %s", self.endpoint.endpoint_id, reason)
        self._save()
        self.dispatcher.store.set_disabled(self.endpoint.endpoint_id, last.attempted_at, reason)
        self.done = True

    def _save(self) -> None:
        progress = self.progress
        self.dispatcher.store.record(
            self.endpoint.endpoint_id, progress.position, progress.failing_since, progress.attempts
        )
        progress.attempts, progress.delivered = [], 0

    def stop(self) -> None:
        self.stopping.set()
        self.woken.set()
        if self.is_alive() and threading.current_thread() is not self:
            self.join(self.policy.timeout + 5)


def client_lookup(rows: ViewRows, portfolio: View[Any, Any]) -> ClientOf:
    """An engagement's client, read from the portfolio view."""

    def client_of(engagement_id: UUID) -> UUID | None:
        row = rows.by_keys(portfolio, [str(engagement_id)]).get(str(engagement_id))
        client_id: UUID | None = None if row is None else row.client_id
        return client_id

    return client_of
