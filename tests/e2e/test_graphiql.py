"""GraphiQL over plain HTTP: in development the page and every file it names
come from the server itself, under a policy that lets the browser load nothing
from elsewhere; in production there is neither page nor files."""

from __future__ import annotations

import re

import pytest

from tests.conftest import FakeClock
from tests.e2e.conftest import Api, running_api

# GraphiQL is the same on either database.
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

HTML = {"Accept": "text/html"}
ASSET = "/graphiql/vendor/graphiql.min.js"


def test_development_serves_graphiql_whose_files_all_come_from_the_server(api: Api) -> None:
    page = api.client.get("/graphql", headers=HTML)

    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    named = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert [url for url in named if "//" in url] == []  # no other host, no CDN
    files = [url for url in named if not url.startswith("data:")]
    assert "graphiql/vendor/graphiql.min.js" in files
    for url in files:
        assert api.client.get(f"/{url}").status_code == 200, url


def test_production_serves_neither_graphiql_nor_its_files(
    database_url: str, clock: FakeClock
) -> None:
    with running_api(database_url, clock, env="production") as production:
        assert production.client.get("/graphql", headers=HTML).status_code == 404
        assert production.client.get(ASSET).status_code == 404
