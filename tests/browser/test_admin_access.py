"""What the admin app lets each role see and do, in a real browser, on SQLite and
on PostgreSQL: a viewer is offered no action anywhere, and a client sees its own
engagements only, with another client's reported as not there."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from playwright.sync_api import Page, expect

from tests.browser.admin import (
    TIMEOUT_MS,
    Console,
    expect_figure,
    open_engagement,
    receive_complaint,
    rows,
    sign_in,
    unique,
)
from tests.e2e.conftest import CLIENT_ID, OTHER_CLIENT_ID
from tests.e2e.live_server import Server

SORTING = {"Engagement", "Health", "CPI", "SPI", "Budget used", "CSAT", "NPS"}
SORTING |= {"Open complaints", "SLA breaches"}
TABS = {"Overview", "Requirements", "Risks", "Complaints", "Team", "Communication"}
TABS |= {"Audit trail"}


def expect_no_action(
    page: Page, *, buttons: AbstractSet[str], forms: AbstractSet[str] = frozenset()
) -> None:
    """The page offers no command: no command form, open or folded, and no
    button but those named (navigation, sorting, tabs, choosing a moment)."""
    expect(page.locator("summary")).to_have_count(0)  # a command panel's folded forms
    shown_forms = page.get_by_role("form").evaluate_all(
        "forms => forms.map(form => form.getAttribute('aria-label'))"
    )
    assert set(shown_forms) <= forms, shown_forms
    shown_buttons = {text.strip() for text in page.get_by_role("button").all_inner_texts()}
    assert shown_buttons <= buttons | {"Sign out"}, shown_buttons - buttons


def test_a_viewer_is_offered_no_action_on_any_page(app_server: Server, page: Page) -> None:
    title = unique("Look but do not touch")
    description = unique("The call was dropped")
    engagement_id = open_engagement(app_server, title)
    receive_complaint(app_server, engagement_id, description)
    console = Console(page)
    sign_in(page, app_server, app_server.token("viewer"))

    portfolio = page.get_by_role("table", name="Engagements")
    expect(portfolio.get_by_role("link", name=title)).to_be_visible(timeout=TIMEOUT_MS)
    expect_no_action(page, buttons=SORTING | {"Load more"})

    portfolio.get_by_role("link", name=title).click()
    expect_figure(page, "0.00 EUR actual cost")
    for tab in TABS:
        page.get_by_role("tab", name=tab).click()
        expect(page.get_by_role("tabpanel", name=tab)).to_be_visible()
        # The audit trail's events each offer the cockpit as known then.
        expect_no_action(page, buttons=TABS | {"Show", "As known then"}, forms={"As of"})
    # A team member chooses the complaint to work it; a viewer only reads it.
    page.get_by_role("tab", name="Complaints").click()
    complaints = page.get_by_role("tabpanel", name="Complaints")
    expect(complaints.get_by_role("cell", name="billing")).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Complaints").click()
    expect(rows(page, "Complaints", description)).to_be_visible(timeout=TIMEOUT_MS)
    expect_no_action(page, buttons=set())

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Operations").click()
    expect(page.get_by_role("table", name="Views")).to_be_visible(timeout=TIMEOUT_MS)
    expect_no_action(page, buttons={"Views", "SLA", "Refresh"})
    assert console.errors == []


def test_a_client_sees_its_own_engagements_and_not_another_clients(
    app_server: Server, page: Page
) -> None:
    mine = unique("Ours")
    theirs = unique("Theirs")
    mine_id = open_engagement(app_server, mine, CLIENT_ID, "Acme")
    theirs_id = open_engagement(app_server, theirs, OTHER_CLIENT_ID, "Globex")
    console = Console(page)
    sign_in(page, app_server, app_server.token("client", CLIENT_ID))

    portfolio = page.get_by_role("table", name="Engagements")
    expect(portfolio.get_by_role("link", name=mine)).to_be_visible(timeout=TIMEOUT_MS)
    expect(portfolio).not_to_contain_text(theirs)
    expect(portfolio).not_to_contain_text("Globex")

    page.goto(f"{app_server.base_url}/admin/engagements/{theirs_id}")
    expect(page.get_by_role("heading", name="No such engagement")).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_role("main")).to_contain_text("no engagement with this id that you may see")
    expect(page.get_by_role("main")).not_to_contain_text(theirs)
    expect(page.get_by_role("main")).not_to_contain_text("Globex")

    page.goto(f"{app_server.base_url}/admin/engagements/{mine_id}")
    expect(page.get_by_role("heading", level=1)).to_have_text(mine, timeout=TIMEOUT_MS)
    assert console.errors == []
