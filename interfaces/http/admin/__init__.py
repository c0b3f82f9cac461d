"""The admin app, served at /admin: the bundle `make admin` builds from
`interfaces/admin` into `dist/` here, committed, so serving it needs no Node.

Every address under /admin that is not a file of the bundle answers the app's
page, which routes in the browser (a bookmarked engagement opens on reload).
The app talks to the public GraphQL API only, from this origin only."""

from __future__ import annotations

from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Mount, Route, Router
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

DIST = Path(__file__).parent / "dist"
ADMIN_PATH = "/admin"

# Nothing from another origin; styles may be set on elements (the charts and
# the framework do), scripts only from the bundle's own files.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class _Assets(StaticFiles):
    """The bundle's files: named by their content's hash, so kept for a year."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        response.headers.update(SECURITY_HEADERS)
        return response


def _page(_: object) -> Response:
    index = DIST / "index.html"
    if not index.is_file():
        raise HTTPException(404, "the admin app is not built: run `make admin`")
    # Never cached: it names the current bundle's files.
    return FileResponse(index, headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"})


def _to_app(_: object) -> Response:
    return RedirectResponse(f"{ADMIN_PATH}/", status_code=308)


class AdminApp:
    """The ASGI app mounted at ADMIN_PATH."""

    def __init__(self) -> None:
        self.router = Router(
            routes=[
                Mount("/assets", app=_Assets(directory=DIST / "assets", check_dir=False)),
                Route("/{path:path}", _page, methods=["GET", "HEAD"]),
            ]
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.router(scope, receive, send)


def admin_routes() -> list[Route | Mount]:
    return [Route(ADMIN_PATH, _to_app, methods=["GET", "HEAD"]), Mount(ADMIN_PATH, app=AdminApp())]
