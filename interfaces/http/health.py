"""Liveness and readiness, for load balancers and orchestrators."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from fastapi import APIRouter, Response

from application.access import SYSTEM
from interfaces.graphql.context import Services
from interfaces.http.responses import json_response
from interfaces.settings import Settings

log = logging.getLogger("rapport")


def health_routes(
    services: Services, settings: Settings, replica_lag_bytes: Callable[[], int | None]
) -> APIRouter:
    """`replica_lag_bytes`: how much WAL the read replica has yet to replay,
    None without one; with one, the views' lag is as the replica shows them."""
    router = APIRouter()

    @router.get("/healthz")
    async def healthz() -> Response:
        """The process answers."""
        return json_response({"status": "ok"})

    @router.get("/readyz")
    async def readyz() -> Response:
        """The database answers, every view projects (none is stuck on an event
        it cannot take) and trails the log by at most the allowed lag: this
        process can serve reads that reflect recent writes."""
        try:
            found = await asyncio.to_thread(services.reader.projections, SYSTEM)
            behind = await asyncio.to_thread(replica_lag_bytes)
        except Exception as error:
            log.warning("not ready: database unreachable: %s", error)
            return json_response({"status": "unavailable", "database": "unreachable"}, 503)
        replica = {} if behind is None else {"replica": {"wal_bytes_behind": behind}}
        lag = {status.view: status.lag for status in found}
        # Where a view stopped, not why: the error may quote data, and this
        # answer is for anyone who can reach the port. The log has the rest.
        failed = {s.view: s.failure.position for s in found if s.failure is not None}
        if failed:
            body = {"status": "failing", "database": "ok", "failed": failed, "lag": lag, **replica}
            return json_response(body, 503)
        ready = max(lag.values(), default=0) <= settings.ready_max_lag
        body = {"status": "ready" if ready else "behind", "database": "ok", "lag": lag, **replica}
        return json_response(body, 200 if ready else 503)

    return router
