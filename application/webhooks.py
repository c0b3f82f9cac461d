"""Outbound webhooks: endpoints that receive the log's events as they happen.

An admin registers an endpoint (URL, the event types it wants, optionally one
client whose events alone it gets) and is shown its signing secret once. The
dispatcher (`infrastructure.webhooks`) follows the log from each endpoint's
stored position and delivers its events in log order, at least once, signed;
an endpoint that fails for longer than a setting is disabled, and says why.

Endpoints are kept in a table beside the views, not in the log: a signing
secret must stay readable to sign with, and must be erasable, which an event
never is.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from fnmatch import fnmatchcase
from typing import Protocol
from urllib.parse import urlsplit
from uuid import UUID

from application.access import Permission, Principal
from application.errors import InvalidValue, NotFound
from application.ports import Clock
from domain.base import require_line, require_lines

SECRET_PREFIX = "whsec_"


@dataclass(frozen=True)
class WebhookEndpoint:
    endpoint_id: UUID
    url: str
    event_types: tuple[str, ...]  # event names ("Complaint.Escalated") or patterns ("Complaint.*")
    client_id: UUID | None  # only this client's events; None: every event
    created_at: datetime
    created_by: str
    position: int  # the log position delivered (or passed over) up to
    failing_since: datetime | None = None  # when the current run of failures began
    disabled_at: datetime | None = None
    disabled_reason: str = ""

    def wants(self, event_type: str) -> bool:
        return any(fnmatchcase(event_type, pattern) for pattern in self.event_types)


@dataclass(frozen=True)
class DeliveryAttempt:
    endpoint_id: UUID
    position: int
    event_id: UUID
    attempt: int  # 1 for the first try of an event
    attempted_at: datetime
    status: int | None  # the HTTP status; None when no answer came
    error: str  # what went wrong; empty on a 2xx answer
    latency_ms: float

    @property
    def delivered(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


class WebhookStore(Protocol):
    def add(self, endpoint: WebhookEndpoint, secret: str) -> None: ...

    def all(self) -> list[WebhookEndpoint]: ...

    def get(self, endpoint_id: UUID) -> WebhookEndpoint | None: ...

    def secret(self, endpoint_id: UUID) -> str: ...

    def remove(self, endpoint_id: UUID) -> bool: ...

    def set_disabled(self, endpoint_id: UUID, at: datetime | None, reason: str) -> None:
        """Disable (`at` given) or enable (`at` None) the endpoint; enabling
        forgets its failures."""
        ...

    def record(
        self,
        endpoint_id: UUID,
        position: int,
        failing_since: datetime | None,
        attempts: Sequence[DeliveryAttempt],
    ) -> None:
        """Move the endpoint's position and failure mark and log the attempts,
        in one transaction."""
        ...

    def attempts(
        self, endpoint_id: UUID, limit: int, before: tuple[int, int] | None
    ) -> list[DeliveryAttempt]:
        """The latest attempts first, older than `before` (position, attempt)."""
        ...


class Webhooks:
    """Registering and looking after endpoints; admins only."""

    def __init__(
        self, store: WebhookStore, clock: Clock, new_id: Callable[[], UUID], head: Callable[[], int]
    ) -> None:
        self.store = store
        self.clock = clock
        self.new_id = new_id
        self.head = head

    def register(
        self,
        url: str,
        event_types: Sequence[str] = ("*",),
        client_id: UUID | None = None,
        *,
        by: Principal | None = None,
    ) -> tuple[WebhookEndpoint, str]:
        """A new endpoint and its signing secret, shown this once. It receives
        the events recorded from now on."""
        _require_admin(by)
        endpoint = WebhookEndpoint(
            endpoint_id=self.new_id(),
            url=_checked_url(url),
            event_types=_checked_patterns(event_types),
            client_id=client_id,
            created_at=self.clock.now(),
            created_by=by.actor if by else "command line",
            position=self.head(),
        )
        secret = SECRET_PREFIX + secrets.token_urlsafe(32)
        self.store.add(endpoint, secret)
        return endpoint, secret

    def all(self, *, by: Principal | None = None) -> list[WebhookEndpoint]:
        _require_admin(by)
        return self.store.all()

    def get(self, endpoint_id: UUID, *, by: Principal | None = None) -> WebhookEndpoint:
        _require_admin(by)
        endpoint = self.store.get(endpoint_id)
        if endpoint is None:
            raise NotFound("webhook", endpoint_id)
        return endpoint

    def disable(self, endpoint_id: UUID, *, by: Principal | None = None) -> WebhookEndpoint:
        self.get(endpoint_id, by=by)
        who = by.actor if by else "the command line"
        self.store.set_disabled(endpoint_id, self.clock.now(), f"disabled by {who}")
        return self.get(endpoint_id, by=by)

    def enable(self, endpoint_id: UUID, *, by: Principal | None = None) -> WebhookEndpoint:
        """Deliveries resume from where they stopped: nothing recorded meanwhile is lost."""
        self.get(endpoint_id, by=by)
        self.store.set_disabled(endpoint_id, None, "")
        return self.get(endpoint_id, by=by)

    def remove(self, endpoint_id: UUID, *, by: Principal | None = None) -> WebhookEndpoint:
        endpoint = self.get(endpoint_id, by=by)
        self.store.remove(endpoint_id)
        return endpoint

    def attempts(
        self,
        endpoint_id: UUID,
        limit: int,
        before: tuple[int, int] | None = None,
        *,
        by: Principal | None = None,
    ) -> list[DeliveryAttempt]:
        self.get(endpoint_id, by=by)
        return self.store.attempts(endpoint_id, limit, before)


def _require_admin(principal: Principal | None) -> None:
    if principal is not None:
        principal.require(Permission.MANAGE_WEBHOOKS)


def _checked_url(url: str) -> str:
    url = require_line("url", url, max_length=2000)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidValue("url", "must be an http:// or https:// URL with a host")
    return url


def _checked_patterns(patterns: Sequence[str]) -> tuple[str, ...]:
    checked = require_lines("eventTypes", patterns)
    if not checked:
        raise InvalidValue("eventTypes", "name at least one event type or pattern (* for all)")
    return checked
