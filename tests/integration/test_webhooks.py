"""Webhooks against a real local HTTP endpoint, on SQLite and PostgreSQL: every
event arrives in log order, signed, at least once, through failures, stalls and
a long outage; an endpoint failing too long is disabled; a client's endpoint
gets its client's events only."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from decimal import Decimal
from uuid import UUID

import pytest

from application.commands.complaint import AddComplaintNote
from application.commands.engagement import RecordCost
from application.errors import InvalidValue
from application.service import Rapport
from application.webhooks import WebhookEndpoint, Webhooks
from infrastructure.webhooks.dispatcher import DeliveryPolicy
from interfaces.bootstrap import ViewRuntime, build_webhooks
from tests.builders import CLIENT_ID, open_engagement, receive_complaint, run
from tests.conftest import FakeClock
from tests.generate import generate
from tests.processes import wait_until
from tests.webhook_receiver import Receiver, receiving

# Impatient, so that failures cost the tests milliseconds, not minutes.
QUICK = DeliveryPolicy(
    timeout=0.3, first_backoff=0.005, max_backoff=0.05, poll=0.05, flush_every=20
)


def costs(app: Rapport, engagement_id: UUID, count: int, clock: FakeClock) -> None:
    for _ in range(count):
        cost = RecordCost(
            engagement_id=engagement_id,
            amount=Decimal("10"),
            category="travel",
            incurred_on=clock.now().date(),
        )
        run(app, cost)


@contextmanager
def delivering(runtime: ViewRuntime, policy: DeliveryPolicy = QUICK) -> Iterator[None]:
    dispatcher = runtime.webhook_dispatcher(policy)
    dispatcher.start()
    try:
        yield
    finally:
        dispatcher.stop(timeout=10)


def register(webhooks: Webhooks, url: str, **kw: object) -> tuple[WebhookEndpoint, str]:
    return webhooks.register(url, **kw)  # type: ignore[arg-type]


def test_through_failures_and_stalls_every_event_arrives_once_or_more_in_order_and_signed(
    app: Rapport, runtime: ViewRuntime, clock: FakeClock
) -> None:
    engagement_id = open_engagement(app)
    receiver = Receiver(failing=0.17, stalling=0.16, stall=0.5, seed=5)
    with receiving(receiver) as url:
        _, receiver.secret = register(build_webhooks(runtime), url)
        start = app.head()
        with delivering(runtime):
            costs(app, engagement_id, 150, clock)
            expected = list(range(start + 1, app.head() + 1))
            wait_until(lambda: receiver.positions() == expected)

    assert receiver.requests > len(expected)  # some were refused or stalled, and tried again
    assert all(arrival.signed for arrival in receiver.arrivals)
    ids: dict[int, set[str]] = {}
    for arrival in receiver.arrivals:
        ids.setdefault(arrival.position, set()).add(arrival.event_id)
    assert all(len(found) == 1 for found in ids.values())  # a repeat carries the same id
    assert len(receiver.arrivals) > len(expected)  # stalled ones arrived twice


def test_an_endpoint_down_for_the_whole_run_receives_every_event_when_it_returns(
    app: Rapport, runtime: ViewRuntime
) -> None:
    with socket.socket() as probe:  # a port nothing listens on yet
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    receiver = Receiver()
    endpoint, receiver.secret = register(build_webhooks(runtime), f"http://127.0.0.1:{port}/events")
    start = app.head()
    with delivering(runtime):
        generate(app, 2_000, engagements=3, seed=4)
        expected = list(range(start + 1, app.head() + 1))
        time.sleep(0.5)  # refused again and again meanwhile
        with receiving(receiver, port):
            wait_until(lambda: receiver.positions() == expected, timeout=120)

    assert len(expected) >= 2_000
    assert all(arrival.signed for arrival in receiver.arrivals)
    stored = build_webhooks(runtime).get(endpoint.endpoint_id)
    assert stored.failing_since is None and stored.disabled_at is None


def test_an_endpoint_failing_longer_than_allowed_is_disabled_and_says_why(
    app: Rapport, runtime: ViewRuntime, clock: FakeClock
) -> None:
    engagement_id = open_engagement(app)
    receiver = Receiver(failing=1.0)
    webhooks = build_webhooks(runtime)
    with receiving(receiver) as url:
        endpoint, _ = register(webhooks, url)
        patient = DeliveryPolicy(
            timeout=0.3, first_backoff=0.005, max_backoff=0.01, poll=0.05,
            disable_after=timedelta(minutes=30),
        )  # fmt: skip
        with delivering(runtime, patient):
            costs(app, engagement_id, 1, clock)
            wait_until(lambda: receiver.requests >= 3)
            clock.advance(minutes=31)
            wait_until(lambda: webhooks.get(endpoint.endpoint_id).disabled_at is not None)

    disabled = webhooks.get(endpoint.endpoint_id)
    assert "answered 500" in disabled.disabled_reason
    attempts = webhooks.attempts(endpoint.endpoint_id, 100)
    assert attempts and {a.status for a in attempts} == {500}
    assert [a.attempt for a in attempts] == sorted((a.attempt for a in attempts), reverse=True)
    requests = receiver.requests
    time.sleep(0.3)
    assert receiver.requests == requests  # nothing more is tried


def test_a_client_endpoint_receives_its_clients_events_only(
    app: Rapport, runtime: ViewRuntime, clock: FakeClock
) -> None:
    ours = open_engagement(app)
    theirs = open_engagement(app, client_id=UUID(int=77))
    runtime.projector().catch_up()  # the portfolio says whose engagement is whose
    receiver = Receiver()
    with receiving(receiver) as url:
        _, receiver.secret = register(
            build_webhooks(runtime), url, event_types=("Engagement.*",), client_id=CLIENT_ID
        )
        start = app.head()
        with delivering(runtime):
            costs(app, theirs, 3, clock)
            costs(app, ours, 2, clock)
            ours_positions = list(range(app.head() - 1, app.head() + 1))
            wait_until(lambda: receiver.positions() == ours_positions)
            time.sleep(0.3)

    assert receiver.positions() == ours_positions
    assert all(p > start for p in receiver.positions())


def test_a_client_endpoint_never_hears_of_an_internal_note_and_a_team_one_does(
    app: Rapport, runtime: ViewRuntime
) -> None:
    complaint_id = receive_complaint(app, open_engagement(app))
    runtime.projector().catch_up()
    client_receiver, team_receiver = Receiver(), Receiver()
    with receiving(client_receiver) as client_url, receiving(team_receiver) as team_url:
        webhooks = build_webhooks(runtime)
        _, client_receiver.secret = register(
            webhooks, client_url, event_types=("Complaint.*",), client_id=CLIENT_ID
        )
        _, team_receiver.secret = register(webhooks, team_url, event_types=("Complaint.*",))
        with delivering(runtime):
            for visibility in ("internal", "public", "internal"):
                note = AddComplaintNote(
                    complaint_id=complaint_id, visibility=visibility, text=f"{visibility} note"
                )
                run(app, note)
            head = app.head()
            wait_until(lambda: team_receiver.positions() == [head - 2, head - 1, head])
            wait_until(lambda: client_receiver.positions() == [head - 1])
            time.sleep(0.3)
    assert client_receiver.positions() == [head - 1]


def test_an_endpoint_needs_an_http_url_and_some_event_types(runtime: ViewRuntime) -> None:
    webhooks = build_webhooks(runtime)
    with pytest.raises(InvalidValue, match="url"):
        webhooks.register("ftp://example.com/events")
    with pytest.raises(InvalidValue, match="eventTypes"):
        webhooks.register("https://example.com/events", event_types=())
    assert webhooks.all() == []
