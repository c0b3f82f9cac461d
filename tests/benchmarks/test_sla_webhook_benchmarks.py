"""SLA watchdog and webhook benchmarks on PostgreSQL: a watchdog tick among
100,000 open complaints, and webhook deliveries per second against the raw rate
of posting the same payloads. Run with `make bench`; figures go to
docs/benchmarks.md."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from statistics import median
from uuid import UUID, uuid4

import httpx
import pytest

from application.commands.base import CommandMeta
from application.commands.complaint import WatchSla
from application.service import Rapport
from application.sla_watch import SlaWatchdog
from application.views.log import read_log
from domain.base import Stamp
from domain.complaint import Complaint
from domain.sla import DEFAULT_POLICY_ID, SlaTerms
from infrastructure.sla.schedule import SqlSlaSchedule
from infrastructure.webhooks.dispatcher import DeliveryPolicy, event_id, payload
from infrastructure.webhooks.signing import EVENT_ID, SIGNATURE, signature
from interfaces.bootstrap import ViewRuntime, bootstrap, build_views, build_webhooks
from interfaces.settings import Settings
from tests.builders import open_engagement
from tests.conftest import FakeClock
from tests.generate import generate

pytestmark = pytest.mark.postgres

OPEN_COMPLAINTS = 100_000
ENGAGEMENTS = 100  # the complaints are spread over them, as in a real portfolio
DUE_PER_TICK = 100
DUE_TICKS = 6  # ticks that each find DUE_PER_TICK complaints due; the first is cold
IDLE_TICKS = 20  # ticks that find none
MONTH = 30 * 24 * 3600


def report(title: str, rows: list[tuple[str, str]]) -> None:
    print(f"\n## {title}")
    for name, value in rows:
        print(f"  {name:<58} {value}")


@pytest.fixture
def pg_with_clock(postgres_schema_url: str) -> Iterator[tuple[Rapport, ViewRuntime, FakeClock]]:
    clock = FakeClock()
    settings = Settings(database_url=postgres_schema_url)
    app = bootstrap(settings, clock=clock)
    runtime = build_views(app, settings)
    try:
        yield app, runtime, clock
    finally:
        runtime.close()
        app.close()


def receive_complaints(
    app: Rapport, engagement_ids: list[UUID], count: int, first_response: int
) -> None:
    """`count` complaints received now, in turn by each engagement, whose first
    response is due in `first_response` seconds and resolution in a month;
    saved a thousand at a time, without commands."""
    terms = SlaTerms(DEFAULT_POLICY_ID, 1, first_response, MONTH)
    now = app.clock.now()
    batch: list[Complaint] = []
    for i in range(count):
        batch.append(
            Complaint.receive(
                id=uuid4(),
                engagement_id=engagement_ids[i % len(engagement_ids)],
                channel="email",
                severity="high",
                category="billing",
                description="Charged twice",
                sla=terms,
                stamp=Stamp("client", now, now),
            )
        )
        if len(batch) == 1_000 or i == count - 1:
            app.record(*batch)
            batch = []


def test_watchdog_tick_among_100_000_open_complaints(
    pg_with_clock: tuple[Rapport, ViewRuntime, FakeClock],
) -> None:
    app, runtime, clock = pg_with_clock
    engagement_ids = [open_engagement(app) for _ in range(ENGAGEMENTS)]
    hours = range(1, DUE_TICKS + 2)  # one group more: the base, run as plain commands
    for hour in hours:
        receive_complaints(app, engagement_ids, DUE_PER_TICK, first_response=hour * 3600)
    quiet = OPEN_COMPLAINTS - DUE_PER_TICK * len(hours)
    receive_complaints(app, engagement_ids, quiet, first_response=MONTH)
    started = clock.now()
    runtime.projector().catch_up()

    (rows,) = runtime.select(["complaint_rows"])
    schedule = SqlSlaSchedule(runtime.store, rows)
    watchdog = SlaWatchdog(app, schedule)
    projector = runtime.worker()
    projector.start()
    try:
        due_ticks, idle_ticks = [], []
        for hour in hours[:-1]:
            clock.current = started + timedelta(hours=hour, seconds=1)
            began = time.perf_counter()
            tick = watchdog.tick()
            due_ticks.append(time.perf_counter() - began)
            # A tick checks again what its own writes left stale in the list view,
            # should the view be slower to show them than the wait allows.
            assert tick.acted == DUE_PER_TICK
        for _ in range(IDLE_TICKS):
            began = time.perf_counter()
            tick = watchdog.tick()
            idle_ticks.append(time.perf_counter() - began)
            assert tick.checked == 0

        # The base: the same commands for the last group, without the watchdog's
        # query of the schedule or its wait for the list view.
        clock.current = started + timedelta(hours=hours[-1], seconds=1)
        due = [d.complaint_id for d in schedule.due_complaints(clock.now(), DUE_PER_TICK + 1)]
        assert len(due) == DUE_PER_TICK
        began = time.perf_counter()
        for complaint_id in due:
            app.execute(WatchSla(complaint_id=complaint_id), CommandMeta(actor="bench"))
        commands = time.perf_counter() - began
    finally:
        projector.stop(timeout=10)

    first, due_tick = due_ticks[0], median(due_ticks[1:])
    report(
        f"SLA watchdog, {OPEN_COMPLAINTS:,} open complaints over {ENGAGEMENTS} engagements"
        " (PostgreSQL)",
        [
            (
                f"tick with {DUE_PER_TICK} due (median of {DUE_TICKS - 1})",
                f"{due_tick * 1000:.0f} ms",
            ),
            ("  first tick, the view projector just started", f"{first * 1000:.0f} ms"),
            (f"{DUE_PER_TICK} WatchSla commands run directly", f"{commands * 1000:.0f} ms"),
            ("  ratio tick / direct commands", f"{due_tick / commands:.2f}"),
            (f"tick with none due (median of {IDLE_TICKS})", f"{median(idle_ticks) * 1000:.1f} ms"),
        ],
    )
    assert max(due_ticks) < 30, "a tick must finish well within the 30 s it may be late"


RECEIVER = """
import sys
import uvicorn

async def app(scope, receive, send):
    more = True
    while more:
        more = (await receive()).get("more_body", False)
    await send({"type": "http.response.start", "status": 204, "headers": []})
    await send({"type": "http.response.body", "body": b""})

uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", lifespan="off")
"""
WEBHOOK_EVENTS = 4_000


@contextmanager
def receiver_process() -> Iterator[str]:
    """A minimal HTTP endpoint in its own process, answering 204 to everything;
    yields its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-c", RECEIVER, str(port)])
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the receiver did not start"
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def in_threads(count: int, work: Callable[[int], None]) -> float:
    """Seconds for `count` threads to each run `work(i)`."""
    threads = [threading.Thread(target=work, args=(i,)) for i in range(count)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - began


def raw_posting_seconds(app: Rapport, start: int, urls: list[str], secret: str) -> float:
    """Seconds to post the log's payloads, signed, to every URL, one thread and
    connection per URL, as the dispatcher does, with nothing else around it."""
    events, _ = read_log(app, start, WEBHOOK_EVENTS * 2)
    bodies = [(logged, payload(logged)) for logged in events]
    requests = [
        (
            body,
            {
                "Content-Type": "application/json",
                SIGNATURE: signature(secret, int(time.time()), body),
                EVENT_ID: str(event_id(logged)),
            },
        )
        for logged, body in bodies
    ]

    def post_all(i: int) -> None:
        with httpx.Client(timeout=10) as http:
            for body, headers in requests:
                http.post(urls[i], content=body, headers=headers).raise_for_status()

    return in_threads(len(urls), post_all)


def delivery_seconds(runtime: ViewRuntime, endpoints: list[UUID], head: int) -> float:
    """Seconds for the dispatcher to deliver the log to `endpoints`, from its start."""
    webhooks = build_webhooks(runtime)
    dispatcher = runtime.webhook_dispatcher(DeliveryPolicy())
    began = time.perf_counter()
    dispatcher.start()
    try:
        while any(webhooks.get(e).position < head for e in endpoints):
            time.sleep(0.1)
        return time.perf_counter() - began
    finally:
        dispatcher.stop(timeout=10)


@pytest.mark.parametrize("endpoint_count", [1, 8])
def test_webhook_deliveries_per_second_against_raw_posting(
    pg_with_clock: tuple[Rapport, ViewRuntime, FakeClock], endpoint_count: int
) -> None:
    app, runtime, _ = pg_with_clock
    webhooks = build_webhooks(runtime)
    with receiver_process() as base:
        urls = [f"{base}/endpoint-{i}" for i in range(endpoint_count)]
        registered = [webhooks.register(url) for url in urls]
        start = app.head()
        generate(app, WEBHOOK_EVENTS, engagements=10, seed=11)
        head = app.head()
        events = head - start

        raw = raw_posting_seconds(app, start, urls, registered[0][1])
        delivered = delivery_seconds(runtime, [e.endpoint_id for e, _ in registered], head)

    deliveries = events * endpoint_count
    attempts = sum(len(webhooks.attempts(e.endpoint_id, limit=events + 1)) for e, _ in registered)
    assert attempts == deliveries  # each delivered once: the receiver never failed
    report(
        f"Webhook deliveries, {endpoint_count} endpoint(s), {events:,} events each (PostgreSQL)",
        [
            ("raw posting of the same payloads, per second", f"{deliveries / raw:,.0f}"),
            ("dispatcher deliveries per second", f"{deliveries / delivered:,.0f}"),
            ("  ratio dispatcher / raw posting", f"{raw / delivered:.2f}"),
        ],
    )
