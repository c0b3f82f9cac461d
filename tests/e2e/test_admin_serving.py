"""The admin app's bundle, served by Rapport itself at /admin: from the files
committed, with its own security headers, deep links answered by the app's page."""

from __future__ import annotations

import re

from tests.e2e.conftest import Api


def test_admin_redirects_to_the_app_and_a_deep_link_answers_its_page(api: Api) -> None:
    moved = api.client.get("/admin", follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"].endswith("/admin/")

    page = api.client.get("/admin/engagements/00000000-0000-0000-0000-000000000001")
    assert page.status_code == 200
    assert '<div id="app">' in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["cache-control"] == "no-cache"


def test_the_bundle_the_page_names_is_served_and_kept_for_good(api: Api) -> None:
    page = api.client.get("/admin/").text
    scripts = re.findall(r'src="(/admin/assets/[^"]+\.js)"', page)
    assert scripts
    for script in scripts:
        answer = api.client.get(script)
        assert answer.status_code == 200
        assert "immutable" in answer.headers["cache-control"]
    assert api.client.get("/admin/assets/missing.js").status_code == 404
