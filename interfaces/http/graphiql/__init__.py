"""GraphiQL, in development, served whole by Rapport itself: our page and start-up
script, and GraphiQL's and React's browser bundles in `static/vendor/`, copied
out of the npm packages pinned in `packages.lock.json` by
`make graphiql`. Nothing comes from a CDN: the machine serving Rapport may be
offline."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from starlette.responses import HTMLResponse
from starlette.staticfiles import StaticFiles

HERE = Path(__file__).parent
GRAPHIQL_PATH = "/graphiql"  # where the page's scripts and styles are served

# The browser itself refuses anything from another origin; styles may be
# inline because CodeMirror and React set them on elements.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)


@cache
def _page() -> str:
    return (HERE / "page.html").read_text(encoding="utf-8")


def graphiql_page() -> HTMLResponse:
    """The page GET /graphql shows a browser."""
    return HTMLResponse(_page(), headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY})


def graphiql_files() -> StaticFiles:
    """The page's scripts and styles, to mount at GRAPHIQL_PATH."""
    return StaticFiles(directory=HERE / "static")
