"""GraphiQL in a real browser: everything it loads comes from the server, and the
token set in its Headers pane goes with queries and subscriptions."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import Traffic
from tests.e2e.live_server import STEP, Server, serve

# GraphiQL is the same on either database.
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

TIMEOUT_MS = STEP * 1000


@pytest.fixture
def server(database_url: str) -> Iterator[Server]:
    with serve(database_url) as running:
        yield running


def open_graphiql(page: Page, server: Server) -> Locator:
    """GraphiQL opened at /graphql; its query editor, once rendered."""
    page.goto(f"{server.base_url}/graphql")
    editor = page.locator(".graphiql-query-editor .CodeMirror")
    expect(editor).to_be_visible(timeout=TIMEOUT_MS)
    return editor


def type_into(page: Page, editor: Locator, text: str) -> None:
    """Replace an editor's text as a person pasting would."""
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(text)


def set_token(page: Page, token: str) -> None:
    """The token in the Headers pane, which the page opens at start."""
    headers = page.locator(".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror")
    type_into(page, headers, json.dumps({"Authorization": f"Bearer {token}"}))


def run(page: Page) -> None:
    page.locator(".graphiql-execute-button").click()


def test_graphiql_loads_only_from_its_server_and_runs_a_query_with_the_headers_token(
    server: Server, page: Page
) -> None:
    traffic = Traffic(page)
    editor = open_graphiql(page, server)
    expect(editor).to_contain_text("portfolio")  # the page's own starting query

    set_token(page, server.token("viewer"))
    run(page)

    expect(page.locator(".result-window")).to_contain_text('"engagements": 0', timeout=TIMEOUT_MS)
    assert any(url.endswith("/graphiql/vendor/graphiql.min.js") for url in traffic.urls)
    assert traffic.leaving(server.base_url) == []


def test_a_subscription_in_graphiql_streams_events_with_the_headers_token(
    server: Server, page: Page
) -> None:
    engagement_id = server.open_engagement()
    traffic = Traffic(page)
    editor = open_graphiql(page, server)
    set_token(page, server.token("viewer"))
    type_into(
        page,
        editor,
        f'subscription Events {{ engagementEvents(engagementId: "{engagement_id}") '
        "{ eventType } }",
    )
    # GraphiQL takes the operation's name from the editor a moment after typing.
    expect(page.locator(".graphiql-tab-active")).to_contain_text("Events")
    with page.expect_websocket(timeout=TIMEOUT_MS):
        run(page)

    start = "mutation($id: UUID!) { startEngagement(input: {engagementId: $id}) { __typename } }"
    server.data(start, {"id": engagement_id}, server.token("manager"))

    expect(page.locator(".result-window")).to_contain_text("Engagement.Started", timeout=TIMEOUT_MS)
    assert traffic.leaving(server.base_url) == []
