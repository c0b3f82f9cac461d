"""The FastAPI application: GraphQL at /graphql (HTTP and WebSocket), /healthz, /readyz.

`create_app` builds everything from one settings object; `serve_app` is the
factory uvicorn's worker processes call, reading the settings from the
environment like every other entry point.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Protocol
from uuid import UUID, uuid4

from anyio import CapacityLimiter
from fastapi import FastAPI, Request, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Route, WebSocketRoute

from application.ports import Clock
from infrastructure.database import unavailable
from interfaces.bootstrap import bootstrap, build_tokens, build_views, build_webhooks
from interfaces.graphql.audit.follower import LogFollower
from interfaces.graphql.context import Services
from interfaces.graphql.response_cache import ResponseCache
from interfaces.graphql.schema import build_schema
from interfaces.http.admin import admin_routes
from interfaces.http.auth import Authenticator
from interfaces.http.graphiql import GRAPHIQL_PATH, graphiql_files
from interfaces.http.graphql_endpoint import GraphQLEndpoint
from interfaces.http.health import health_routes
from interfaces.http.limits import RateLimiter, RateLimits, RequestLimits
from interfaces.http.responses import error_body, json_response
from interfaces.settings import Environment, Settings

log = logging.getLogger("rapport")


class BackgroundWorker(Protocol):
    """A thread the server runs beside its requests: projector, watchdog, webhooks."""

    def start(self) -> None: ...

    def stop(self, timeout: float | None = None) -> None: ...


def create_app(
    settings: Settings | None = None,
    *,
    clock: Clock | None = None,
    new_id: Callable[[], UUID] = uuid4,
    projectors: bool | None = None,
) -> FastAPI:
    """The API on `settings`' database; with `projectors` (default: the
    setting) the views are projected in this process too."""
    settings = settings or Settings()
    rapport = bootstrap(settings, clock=clock, new_id=new_id)
    runtime = build_views(rapport, settings)
    tokens = build_tokens(runtime, clock)
    services = Services(
        rapport=rapport,
        runtime=runtime,
        reader=runtime.reader(),
        tokens=tokens,
        webhooks=build_webhooks(runtime),
        follower=LogFollower(rapport, runtime.event_waiter()),
        limiter=CapacityLimiter(settings.pool_size),
        unavailable=unavailable,
    )
    development = settings.env is Environment.DEVELOPMENT
    authenticator = Authenticator(tokens, development=development)
    run_projectors = settings.projectors if projectors is None else projectors

    budget = int(settings.response_cache_mib * 2**20)
    responses = ResponseCache(services, budget) if budget else None
    endpoint = GraphQLEndpoint(
        build_schema(settings),
        services,
        authenticator,
        RateLimits(
            requests=RateLimiter(settings.rate_limit_per_minute),
            failures=RateLimiter(settings.auth_failures_per_minute),
        ),
        development=development,
        responses=responses,
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        services.follower.start(asyncio.get_running_loop())
        # Each waits for its lock: with several processes, one of each works.
        workers: list[BackgroundWorker] = [
            *([runtime.worker()] if run_projectors else []),
            *([runtime.sla_watch_worker()] if settings.sla_watch else []),
            *([runtime.webhook_dispatcher()] if settings.webhooks else []),
        ]
        for worker in workers:
            worker.start()
        if authenticator.local_admin_secret:
            print(
                f"Development admin token (this process only): {authenticator.local_admin_secret}"
            )
        try:
            yield
        finally:
            services.follower.stop()
            for worker in reversed(workers):
                worker.stop(timeout=5)
            runtime.close()
            rapport.close()

    app = FastAPI(
        title="Rapport",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.services = services
    app.state.responses = responses
    # Plain routes: an endpoint that is not a function is called as an ASGI app.
    app.router.routes += [Route("/graphql", endpoint), WebSocketRoute("/graphql", endpoint)]
    app.router.routes += admin_routes()
    if development:
        app.mount(GRAPHIQL_PATH, graphiql_files())
    app.include_router(health_routes(services, settings, runtime.replica_lag_bytes))
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected_error)
    app.add_middleware(RequestLimits, max_body_bytes=settings.max_body_bytes)
    return app


async def _http_error(_: Request, error: StarletteHTTPException) -> Response:
    code = "UNAVAILABLE" if error.status_code == 503 else f"HTTP_{error.status_code}"
    body = error_body(str(error.detail), code)
    return json_response(body, error.status_code, dict(error.headers or {}))


async def _unexpected_error(_: Request, error: Exception) -> Response:
    # Logged in full for the operator; the caller learns only that it failed.
    log.error("unexpected error", exc_info=error)
    return json_response(error_body("Unexpected error.", "INTERNAL"), 500)


def serve_app() -> FastAPI:
    """The factory `rapport serve` gives uvicorn: settings from the environment."""
    return create_app()
