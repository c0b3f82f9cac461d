"""Liveness and readiness, for load balancers and orchestrators."""

from __future__ import annotations

import asyncio
import logging

from fastapi import APIRouter, Response

from application.access import SYSTEM
from interfaces.graphql.context import Services
from interfaces.http.responses import json_response
from interfaces.settings import Settings

log = logging.getLogger("rapport")


def health_routes(services: Services, settings: Settings) -> APIRouter:
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
        except Exception as error:
            log.warning("not ready: database unreachable: %s", error)
            return json_response({"status": "unavailable", "database": "unreachable"}, 503)
        lag = {status.view: status.lag for status in found}
        # Where a view stopped, not why: the error may quote data, and this
        # answer is for anyone who can reach the port. The log has the rest.
        failed = {s.view: s.failure.position for s in found if s.failure is not None}
        if failed:
            body = {"status": "failing", "database": "ok", "failed": failed, "lag": lag}
            return json_response(body, 503)
        ready = max(lag.values(), default=0) <= settings.ready_max_lag
        body = {"status": "ready" if ready else "behind", "database": "ok", "lag": lag}
        return json_response(body, 200 if ready else 503)

    return router
