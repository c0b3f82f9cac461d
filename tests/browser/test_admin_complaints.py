"""The admin app's complaint queue in a real browser, on SQLite and on PostgreSQL:
a complaint worked from received to closed, its resolution countdown paused
while the team waits on the client, and a complaint written by another process
appearing without a reload."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from playwright.sync_api import Locator, Page, WebSocket, expect

from tests.browser.admin import (
    TIMEOUT_MS,
    open_engagement,
    receive_complaint,
    rows,
    run_command,
    sign_in,
    unique,
)
from tests.e2e.live_server import STEP, Server
from tests.e2e.writer import Writer

RUNNING = re.compile(r"^(\d+ d )?\d+ h \d+ min left$")
PAUSED = "paused: waiting on the client"


def test_a_complaint_worked_to_closed_with_its_countdown_paused_while_waiting_on_the_client(
    app_server: Server, page: Page
) -> None:
    description = unique("The invoice was sent twice")
    receive_complaint(app_server, open_engagement(app_server, unique("Queue work")), description)
    # The page's clock is Playwright's from here: the test moves it on by minutes.
    page.clock.install()
    sign_in(page, app_server, app_server.token("agent"), "/complaints")

    row = rows(page, "Complaints", description)
    state = row.get_by_role("cell").nth(2)  # the State column
    first_response = row.get_by_role("timer", name="First response")
    resolution = row.get_by_role("timer", name="Resolution")
    expect(state).to_have_text("received", timeout=TIMEOUT_MS)
    expect(first_response).to_have_text(RUNNING)
    expect(resolution).to_have_text(RUNNING)

    row.get_by_role("button", name=re.compile("^Work the complaint")).click()
    work = page.get_by_role("region", name="Work this complaint")
    run_command(work, "Acknowledge complaint", {"Agent": "sam", "Message": "We are on it."})
    expect(state).to_have_text("acknowledged")
    expect(first_response).to_have_text("met")
    run_command(work, "Assign complaint", {"Agent": "sam"})
    expect(state).to_have_text("in progress")
    expect_running(page, resolution)

    run_command(work, "Wait on client", {"Reason": "Which invoice number?"})
    expect(state).to_have_text("waiting on client")
    expect(resolution).to_have_text(PAUSED)
    page.clock.fast_forward("30:00")
    expect(resolution).to_have_text(PAUSED)

    run_command(work, "Record client reply", {"Message": "Number 2026-114."})
    expect(state).to_have_text("in progress")
    expect_running(page, resolution)

    run_command(work, "Resolve complaint", {"Resolution": "Credit note sent."})
    expect(state).to_have_text("resolved")
    expect(resolution).to_have_text("met")
    # The queue leaves closed complaints out, and the form with them.
    run_command(work, "Close complaint", {"Client confirmed": True, "Csat": "5"}, stays=False)
    expect(row).to_have_count(0, timeout=TIMEOUT_MS)

    page.get_by_label("State").select_option("CLOSED")
    expect(state).to_have_text("closed", timeout=TIMEOUT_MS)


def expect_running(page: Page, countdown: Locator) -> None:
    """The countdown shows time left, and shows less once ten minutes pass."""
    expect(countdown).to_have_text(RUNNING, timeout=TIMEOUT_MS)
    before = countdown.inner_text()
    page.clock.fast_forward("10:00")
    expect(countdown).not_to_have_text(before)
    expect(countdown).to_have_text(RUNNING)


def test_a_complaint_written_by_another_process_appears_in_the_queue_without_a_reload(
    app_server: Server, page: Page
) -> None:
    writer = Writer(app_server.database_url)  # started first: its imports take a while
    try:
        title = unique("Queue from afar")
        engagement_id = open_engagement(app_server, title)
        sent: list[str] = []

        def frames(websocket: WebSocket) -> None:
            websocket.on("framesent", lambda payload: sent.append(str(payload)))

        page.on("websocket", frames)
        sign_in(page, app_server, app_server.token("viewer"), "/complaints")
        expect(page.get_by_role("status").first).to_contain_text("Live", timeout=TIMEOUT_MS)
        # The queue follows each engagement by subscription, from the moment it
        # subscribes: write once it has asked for this one.
        wait_until(page, lambda: any(engagement_id in frame for frame in sent))
        page.evaluate("window.notReloaded = true")

        written = rows(page, "Complaints", title)
        expect(written).to_have_count(0)
        writer.write(engagement_id, 2)

        expect(written).to_have_count(2, timeout=TIMEOUT_MS)
        expect(written.first).to_contain_text("Written by another process")
        assert page.evaluate("window.notReloaded") is True
    finally:
        assert "Traceback" not in writer.close()


def wait_until(page: Page, condition: Callable[[], bool]) -> None:
    """Let the page run until `condition` holds (at most STEP seconds)."""
    deadline = time.monotonic() + STEP
    while not condition():
        assert time.monotonic() < deadline, "waited in vain"
        page.wait_for_timeout(20)
