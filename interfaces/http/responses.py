"""JSON responses encoded by orjson, and the error shape every refusal shares."""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import Response


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(orjson.dumps(body), status, headers, media_type="application/json")


def error_body(message: str, code: str) -> dict[str, Any]:
    """The shape of a GraphQL error, so one client handles HTTP refusals too."""
    return {"errors": [{"message": message, "extensions": {"code": code}}]}
