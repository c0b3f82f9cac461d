"""What the admin app's browser tests share: signing in through the sign-in page,
engagements set up over the API, the command forms filled as a person would,
and the console's errors."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from uuid import UUID, uuid4

from playwright.sync_api import ConsoleMessage, Locator, Page, expect

from tests.e2e.conftest import CLIENT_ID, engagement_input
from tests.e2e.live_server import STEP, Server

TIMEOUT_MS = STEP * 1000

OPEN = """mutation($input: OpenEngagementInput!) { openEngagement(input: $input) {
    __typename ... on EngagementPayload { engagementId } ... on Error { message } } }"""
RECORD_COST = """mutation($input: RecordCostInput!) { recordCost(input: $input) {
    __typename ... on Error { message } } }"""
RECEIVE = """mutation($input: ReceiveComplaintInput!) { receiveComplaint(input: $input) {
    __typename ... on ComplaintPayload { complaintId } ... on Error { message } } }"""


def unique(words: str) -> str:
    """`words` with a tag of its own: the tests of a module share a server."""
    return f"{words} {uuid4().hex[:6]}"


def open_engagement(
    server: Server, title: str, client_id: UUID = CLIENT_ID, client_name: str = "Acme"
) -> str:
    """A new engagement's id (budget 120000.00 EUR, nothing spent), in the views."""
    values = engagement_input(client_id) | {"title": title, "clientName": client_name}
    opened = server.data(OPEN, {"input": values}, server.token())["openEngagement"]
    assert opened["__typename"] == "EngagementPayload", opened
    engagement_id: str = opened["engagementId"]
    return engagement_id


def record_cost(server: Server, engagement_id: str, amount: str) -> None:
    values = {
        "engagementId": engagement_id,
        "amount": amount,
        "category": "LABOUR",
        "incurredOn": today(),
    }
    recorded = server.data(RECORD_COST, {"input": values}, server.token())["recordCost"]
    assert recorded["__typename"] == "EngagementPayload", recorded


def receive_complaint(server: Server, engagement_id: str, description: str) -> str:
    values = {
        "engagementId": engagement_id,
        "channel": "EMAIL",
        "severity": "HIGH",
        "category": "billing",
        "description": description,
    }
    received = server.data(RECEIVE, {"input": values}, server.token())["receiveComplaint"]
    assert received["__typename"] == "ComplaintPayload", received
    complaint_id: str = received["complaintId"]
    return complaint_id


def today() -> str:
    """Today in UTC, the day the server records events for."""
    return datetime.now(UTC).date().isoformat()


def sign_in(page: Page, server: Server, token: str, path: str = "/") -> None:
    """Open the app at `path`, sign in on the page it sends a stranger to, and
    land back at `path`."""
    page.goto(f"{server.base_url}/admin{path}")
    page.get_by_label("Token").fill(token)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible(timeout=TIMEOUT_MS)
    expect(page).to_have_url(f"{server.base_url}/admin{path}")


def rows(page: Page, table: str, text: str) -> Locator:
    """The rows of the table named `table` that mention `text`."""
    return page.get_by_role("table", name=table).get_by_role("row").filter(has_text=text)


def key_figures(page: Page) -> Locator:
    return page.get_by_role("region", name="Key figures")


def expect_figure(page: Page, text: str) -> None:
    """A key figure of the cockpit reads `text` (its value, then its label)."""
    expect(key_figures(page)).to_contain_text(text, use_inner_text=True, timeout=TIMEOUT_MS)


def run_command(
    scope: Locator, name: str, fields: dict[str, str | bool] | None = None, *, stays: bool = True
) -> None:
    """Open the command `name` among those `scope` offers, fill its fields by
    their labels (text, choice or checkbox) and send it; wait for the form to
    say it is done, unless the command takes the form away (`stays` false)."""
    form = scope.get_by_role("form", name=name, exact=True)
    if not form.is_visible():
        scope.locator("summary").filter(has_text=re.compile(f"^{re.escape(name)}$")).click()
    for label, value in (fields or {}).items():
        field = form.get_by_label(label)  # not exact: a required field's label ends in " *"
        if isinstance(value, bool):
            field.set_checked(value)
        elif field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    form.get_by_role("button", name=name).click()
    if stays:
        expect(form.get_by_role("status")).to_have_text(f"{name}: done.", timeout=TIMEOUT_MS)


class Console:
    """The page's console errors and uncaught exceptions from the moment this is made."""

    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        page.on("console", self._message)
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))

    def _message(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"{message.text} at {message.location.get('url', '?')}")
