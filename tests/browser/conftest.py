"""Browser fixtures: Debian's Chromium, driven headless by Playwright, for every
browser test (GraphiQL's and the admin app's), and the live server the admin
app's tests share.

The browser is the system's, /usr/bin/chromium from Debian's `chromium` package,
which `make test` installs when it is missing; Playwright never downloads one
(`playwright install` is never run). Playwright gives each launch a new
temporary user-data dir, and each test a new context: storage of its own."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import fresh_schema, require_postgres
from tests.e2e.live_server import Server, serve

CHROMIUM = Path("/usr/bin/chromium")
# No sandbox: the tests may run as root, where Chromium's sandbox refuses to
# start. The rest keeps the browser from calling home on its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
_CHROMIUM_MISSING = (
    None
    if os.access(CHROMIUM, os.X_OK)
    else f"{CHROMIUM} is missing (`make test` installs Debian's chromium package)"
)


def require_chromium() -> None:
    if _CHROMIUM_MISSING is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{_CHROMIUM_MISSING} (CI requires Chromium)", pytrace=False)
    pytest.skip(f"SKIPPED, NO CHROMIUM: {_CHROMIUM_MISSING}")


# One browser per test module, not per session: while Playwright's synchronous
# API is open, its event loop counts as running in this thread, and the other
# modules' tests that start one of their own with asyncio.run would fail.
@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    require_chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    # A laptop's screen; times shown (and typed) in UTC whatever the machine's
    # zone; charts drawn at once rather than animated, as for anyone who asks
    # for reduced motion.
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, timezone_id="UTC", reduced_motion="reduce"
    )
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def app_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """The API, with the admin app at /admin, served by uvicorn on each database
    and shared by the tests of one module: each works on engagements of its own."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'rapport.db'}"
        else:
            require_postgres()
            url = stack.enter_context(fresh_schema())
        yield stack.enter_context(serve(url))


@pytest.fixture(scope="session")
def artefacts() -> Path:
    """Where tests leave what a person may want to look at (screenshots):
    $RAPPORT_ARTEFACTS, or tests/browser/artefacts (ignored by git)."""
    folder = Path(os.environ.get("RAPPORT_ARTEFACTS") or Path(__file__).parent / "artefacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Traffic:
    """Every URL a page asks for from the moment this is made: documents,
    scripts, styles, fetches and WebSockets."""

    def __init__(self, page: Page) -> None:
        self.urls: list[str] = []
        page.context.on("request", lambda request: self.urls.append(request.url))
        page.on("websocket", lambda websocket: self.urls.append(websocket.url))

    def leaving(self, base_url: str) -> list[str]:
        """The URLs that go to another host or port than `base_url`'s, over
        HTTP or WebSocket alike. A data: URL goes nowhere."""
        server = urlsplit(base_url)
        return [
            url
            for url in self.urls
            if not url.startswith("data:")
            and (urlsplit(url).hostname, urlsplit(url).port) != (server.hostname, server.port)
        ]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _CHROMIUM_MISSING is not None:
        terminalreporter.write_line(
            f"Browser tests were SKIPPED: {_CHROMIUM_MISSING}", red=True, bold=True
        )
