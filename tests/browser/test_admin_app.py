"""The admin app at /admin in a real browser, on SQLite and on PostgreSQL: signing
in, the portfolio, the engagement cockpit (a cost recorded through its form, the
as-of control) and every page loading from the server alone, without a console
error. The complaint queue is in `test_admin_complaints.py`; what each role may
see and do, in `test_admin_access.py`."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

import pytest
from playwright.sync_api import Page, expect

from tests.browser.admin import (
    TIMEOUT_MS,
    Console,
    expect_figure,
    open_engagement,
    receive_complaint,
    record_cost,
    rows,
    run_command,
    sign_in,
    today,
    unique,
)
from tests.browser.conftest import Traffic
from tests.e2e.live_server import Server


def test_signing_in_keeps_the_token_in_the_tab_and_never_in_an_address(
    app_server: Server, page: Page
) -> None:
    token = app_server.token("manager")
    addresses: list[str] = []
    page.on("framenavigated", lambda frame: addresses.append(frame.url))
    traffic = Traffic(page)

    page.goto(f"{app_server.base_url}/admin/complaints")
    expect(page.get_by_role("heading", name="Sign in to Rapport")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/admin/sign-in\?next=(/|%2F)complaints$"))

    page.get_by_label("Token").fill("rpt_not-a-token")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_label("Token")).to_have_attribute("aria-invalid", "true")

    page.get_by_label("Token").fill(token)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Complaint queue")).to_be_visible(timeout=TIMEOUT_MS)
    expect(page).to_have_url(f"{app_server.base_url}/admin/complaints")
    expect(page.get_by_role("banner")).to_contain_text("manager-staff · manager")
    assert page.evaluate("sessionStorage.getItem('rapport.token')") == token
    assert page.evaluate("localStorage.length") == 0

    page.reload()  # the tab keeps its sign-in
    expect(page.get_by_role("heading", name="Complaint queue")).to_be_visible(timeout=TIMEOUT_MS)

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in to Rapport")).to_be_visible()
    assert page.evaluate("sessionStorage.getItem('rapport.token')") is None

    assert any(url.endswith("/admin/complaints") for url in addresses), addresses
    assert [url for url in addresses + traffic.urls if token in url] == []


def test_an_engagement_of_the_portfolio_opens_on_its_cockpit(
    app_server: Server, page: Page
) -> None:
    title = unique("Portfolio walk")
    engagement_id = open_engagement(app_server, title)
    sign_in(page, app_server, app_server.token("viewer"))

    row = rows(page, "Engagements", title)
    expect(row).to_contain_text("0.00 %")  # its budget used
    row.get_by_role("link", name=title).click()

    expect(page).to_have_url(f"{app_server.base_url}/admin/engagements/{engagement_id}")
    expect(page.get_by_role("heading", level=1)).to_have_text(title, timeout=TIMEOUT_MS)
    expect(page.get_by_role("tab", name="Overview")).to_have_attribute("aria-selected", "true")
    expect_figure(page, "0.00 EUR actual cost of 120000.00 EUR")


def test_a_cost_recorded_in_the_cockpit_moves_the_budget_figures_and_the_burn_chart(
    app_server: Server, page: Page
) -> None:
    engagement_id = open_engagement(app_server, unique("Cost recording"))
    sign_in(page, app_server, app_server.token("manager"), f"/engagements/{engagement_id}")
    burn = page.get_by_role("img", name=re.compile(r"^Budget burn"))
    expect_figure(page, "0.00 EUR actual cost of 120000.00 EUR")
    expect_figure(page, "0.00 % budget used")
    expect(burn).to_have_accessible_name(re.compile(r": actual cost 0\.00 EUR,"))

    run_command(
        page.get_by_role("region", name="Engagement actions"),
        "Record cost",
        {"Amount": "1250.00", "Category": "TRAVEL", "Incurred on": today()},
    )

    expect_figure(page, "1250.00 EUR actual cost of 120000.00 EUR")
    expect_figure(page, "1.04 % budget used")
    # The chart's latest week, as its accessible summary states it.
    expect(burn).to_have_accessible_name(re.compile(r": actual cost 1250\.00 EUR,"))


def test_the_as_of_control_shows_the_budget_before_a_cost_and_says_it_is_history(
    app_server: Server, page: Page
) -> None:
    engagement_id = open_engagement(app_server, unique("Time travel"))
    # The as-of control counts in whole seconds: the next one is after the
    # engagement was opened, and the cost is recorded after it.
    moment = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=1)
    time.sleep(max(0.0, (moment - datetime.now(UTC)).total_seconds()) + 0.05)
    record_cost(app_server, engagement_id, "1250.00")
    sign_in(page, app_server, app_server.token("manager"), f"/engagements/{engagement_id}")
    expect_figure(page, "1250.00 EUR actual cost")
    history = page.get_by_role("status").filter(has_text="Historical view")
    expect(history).to_have_count(0)

    as_of = page.get_by_role("form", name="As of")
    as_of.get_by_label("As of").fill(moment.strftime("%Y-%m-%dT%H:%M:%S"))  # the page is in UTC
    as_of.get_by_role("button", name="Show").click()

    expect(history).to_contain_text("Nothing can be changed here", timeout=TIMEOUT_MS)
    expect_figure(page, "0.00 EUR actual cost of 120000.00 EUR")
    expect_figure(page, "0.00 % budget used")
    expect(page.get_by_role("region", name="Engagement actions")).to_have_count(0)
    assert "asOf=" in page.url

    as_of.get_by_role("button", name="Back to now").click()
    expect_figure(page, "1250.00 EUR actual cost")
    expect(history).to_have_count(0)


# Every page, as a manager sees it, with something on it to draw: its path,
# and what shows it is drawn (a role and a name).
Role = Literal["heading", "table", "img", "timer"]
PAGES: dict[str, tuple[str, Role, str]] = {
    "sign-in": ("", "heading", "Sign in to Rapport"),
    "portfolio": ("/", "table", "Engagements"),
    "cockpit": ("/engagements/{id}", "img", "Budget burn"),
    "queue": ("/complaints", "timer", "Resolution"),
    "operations": ("/operations", "table", "Views"),
}


@pytest.fixture(scope="module")
def furnished(app_server: Server) -> str:
    """An engagement with a cost and a complaint, for the pages to show."""
    engagement_id = open_engagement(app_server, unique("Showcase"))
    record_cost(app_server, engagement_id, "18400.00")
    receive_complaint(app_server, engagement_id, "The weekly report came late")
    return engagement_id


@pytest.mark.parametrize("name", PAGES)
def test_every_page_loads_from_the_server_alone_without_a_console_error(
    app_server: Server, furnished: str, page: Page, artefacts: Path, name: str
) -> None:
    path, role, accessible_name = PAGES[name]
    traffic = Traffic(page)
    console = Console(page)

    if name == "sign-in":
        page.goto(f"{app_server.base_url}/admin/")
    else:
        sign_in(page, app_server, app_server.token("manager"), path.format(id=furnished))
    expect(page.get_by_role(role, name=accessible_name).first).to_be_visible(timeout=TIMEOUT_MS)
    page.wait_for_load_state("networkidle")

    database = "sqlite" if app_server.database_url.startswith("sqlite") else "postgres"
    page.screenshot(path=artefacts / f"admin-{name}-{database}.png")
    assert traffic.leaving(app_server.base_url) == []
    assert console.errors == []
