"""The admin app checked for accessibility in Chromium: every page and tab of
the sample data passes axe-core's WCAG 2.1 A and AA rules (labels, names,
contrast, landmarks, ARIA), the tabs follow the keyboard pattern of the
WAI-ARIA tabs, and after a navigation the focus is on the new page's content.

axe-core comes from the admin app's npm packages (`interfaces/admin`), which
`make test` installs; without them these tests are skipped loudly, as the
app's other Node checks are (and fail with `CI=true`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from interfaces.cli.demo import load_demo
from tests.admin.test_app_sources import APP, require_app_packages
from tests.e2e.live_server import STEP, Server, serve

AXE = APP / "node_modules" / "axe-core" / "axe.min.js"
TIMEOUT_MS = STEP * 1000
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The sample data served on SQLite (the rules do not depend on the
    database), shared by this module's tests, which only read."""
    with serve(f"sqlite:///{tmp_path_factory.mktemp('db') / 'rapport.db'}") as running:
        load_demo(running.services.rapport, lambda _: None)
        running.settle()
        yield running


@contextmanager
def laptop(browser: Browser, token: str | None = None) -> Iterator[Page]:
    """A page at 1280x800, its tab holding `token` as signing in leaves it. The
    app's Content-Security-Policy is bypassed so that axe-core can be injected;
    the policy itself is tested with the app's serving."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    if token:
        context.add_init_script(f"sessionStorage.setItem('rapport.token', {token!r})")
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def signed_in(browser: Browser, server: Server) -> Iterator[Page]:
    with laptop(browser, server.token("admin")) as page:
        yield page


def violations(page: Page) -> list[str]:
    """What axe-core finds against WCAG 2.1 A and AA on the page as it is now."""
    assert AXE.is_file(), f"{AXE} is missing: run `npm ci` in {APP}"
    if not page.evaluate("'axe' in window"):
        page.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = page.evaluate(
        "tags => axe.run(document, { runOnly: { type: 'tag', values: tags } })"
        ".then(result => result.violations)",
        WCAG_AA,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in found
    ]


def settled(page: Page, heading: str) -> None:
    expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible(timeout=TIMEOUT_MS)
    page.wait_for_load_state("networkidle")


def test_every_page_and_tab_meets_wcag_21_aa(signed_in: Page, server: Server) -> None:
    require_app_packages()
    page = signed_in
    found: dict[str, list[str]] = {}

    page.goto(f"{server.base_url}/admin/")
    settled(page, "Portfolio")
    found["portfolio"] = violations(page)

    page.get_by_role("link", name="After-sales care programme").click()
    settled(page, "After-sales care programme")
    for tab in page.get_by_role("tab").all_inner_texts():
        page.get_by_role("tab", name=tab).click()
        page.wait_for_load_state("networkidle")
        found[f"cockpit: {tab}"] = violations(page)

    page.get_by_role("link", name="Complaints").click()
    settled(page, "Complaint queue")
    found["complaint queue"] = violations(page)

    page.get_by_role("link", name="Operations").click()
    settled(page, "Operations")
    for tab in page.get_by_role("tab").all_inner_texts():
        page.get_by_role("tab", name=tab).click()
        page.wait_for_load_state("networkidle")
        found[f"operations: {tab}"] = violations(page)

    assert {where: problems for where, problems in found.items() if problems} == {}


def test_the_sign_in_page_meets_wcag_21_aa(browser: Browser, server: Server) -> None:
    require_app_packages()
    with laptop(browser) as page:
        page.goto(f"{server.base_url}/admin/")
        settled(page, "Sign in")
        assert violations(page) == []


def test_tabs_move_with_the_arrow_keys_and_the_focus_follows_a_navigation(
    signed_in: Page, server: Server
) -> None:
    page = signed_in
    page.goto(f"{server.base_url}/admin/")
    settled(page, "Portfolio")
    page.get_by_role("link", name="After-sales care programme").click()
    settled(page, "After-sales care programme")
    # The new page's content has the focus, not the link that was followed.
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.title() == "Engagement · Rapport"

    overview = page.get_by_role("tab", name="Overview")
    overview.focus()
    page.keyboard.press("ArrowRight")
    requirements = page.get_by_role("tab", name="Requirements")
    expect(requirements).to_be_focused()
    expect(requirements).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tabpanel", name="Requirements")).to_be_visible()
    page.keyboard.press("End")
    expect(page.get_by_role("tab", name="Audit trail")).to_be_focused()
    page.keyboard.press("ArrowRight")  # round to the first
    expect(overview).to_be_focused()
    # One tab stop for the whole list: the others are reached by the arrows.
    assert page.get_by_role("tab").evaluate_all("tabs => tabs.map(t => t.tabIndex)") == [
        0, -1, -1, -1, -1, -1, -1
    ]  # fmt: skip
