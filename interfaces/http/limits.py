"""Request limits: body size, content type, accepted media types and the request's
shape checked before GraphQL sees a byte, and the rate limits: requests per
token, failed authentications per address."""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable, Hashable, MutableMapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

import orjson

from interfaces.http.media import GRAPHQL_RESPONSE, JSON, response_media_type
from interfaces.http.responses import error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

JSON_TYPES = (JSON.encode(), GRAPHQL_RESPONSE.encode())


class RequestLimits:
    """ASGI middleware for the GraphQL endpoint: a POST body larger than
    `max_body_bytes` gets 413, a POST that is not JSON 415, one whose `Accept`
    rules out both media types GraphQL answers in 406, and one that is not a
    GraphQL request 400; a query sent by GET gets 405. Each refusal is a JSON
    error, before the app runs."""

    def __init__(self, app: ASGIApp, max_body_bytes: int, path: str = "/graphql") -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.path = path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["path"] != self.path
            or scope["method"] not in ("POST", "GET")
        ):
            await self.app(scope, receive, send)
            return
        if scope["method"] == "GET":
            query_string = scope.get("query_string", b"").decode("latin-1")
            parameters = parse_qs(query_string, keep_blank_values=True)
            if "query" in parameters:
                await reject(send, 405, "send GraphQL requests by POST", {"Allow": "POST"})
            else:
                await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        content_type = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        if content_type not in JSON_TYPES:
            await reject(send, 415, "send the request as JSON (Content-Type: application/json)")
            return
        if response_media_type(headers.get(b"accept", b"").decode("latin-1")) is None:
            message = f"GraphQL answers in {JSON} or {GRAPHQL_RESPONSE}; accept one of them"
            await reject(send, 406, message)
            return
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            await reject(send, 413, f"the request body is over {self.max_body_bytes} bytes")
            return
        body = await self._read(receive)
        if body is None:
            await reject(send, 413, f"the request body is over {self.max_body_bytes} bytes")
            return
        problem = _not_a_graphql_request(body)
        if problem:
            await reject(send, 400, problem)
            return
        await self.app(_as_plain_json(scope), _replay(body, receive), send)

    async def _read(self, receive: Receive) -> bytes | None:
        """The whole body, or None once it grows past the limit."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(chunks)
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                return None
            chunks.append(chunk)
            if not message.get("more_body"):
                return b"".join(chunks)


def _not_a_graphql_request(body: bytes) -> str | None:
    """Why the body is not a GraphQL request, or None when it is one."""
    try:
        request = orjson.loads(body)
    except orjson.JSONDecodeError as error:
        return f"the request body is not valid JSON: {error}"
    if not isinstance(request, dict):
        return 'the request body must be a JSON object: {"query": ..., "variables": {...}}'
    if not isinstance(request.get("query"), str):
        return "the request needs a `query`: the GraphQL document, as a string"
    if not isinstance(request.get("operationName"), str | None):
        return "`operationName`, when given, must be a string"
    for name in ("variables", "extensions"):
        if not isinstance(request.get(name), dict | None):
            return f"`{name}`, when given, must be a JSON object"
    return None


def _as_plain_json(scope: Scope) -> Scope:
    """The request with `Content-Type: application/json`: it was checked to be
    JSON whatever the header's case and parameters, and strawberry reads a body
    only under that exact, lower-case type."""
    headers = [(name, value) for name, value in scope["headers"] if name != b"content-type"]
    return {**scope, "headers": [*headers, (b"content-type", JSON.encode())]}


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


async def reject(
    send: Send, status: int, message: str, headers: dict[str, str] | None = None
) -> None:
    body = orjson.dumps(error_body(message, f"HTTP_{status}"))
    extra = [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *extra,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class RateLimiter:
    """A token bucket per key (a token's id, a client's address): `per_minute` a
    minute, in bursts of up to as many. Kept in the process: each API process
    limits on its own."""

    # Buckets kept before the full ones are forgotten: a full bucket is the same
    # as none, and addresses come and go.
    KEPT = 10_000

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._buckets: dict[Hashable, tuple[float, float]] = {}  # key -> (left, at)
        self._lock = threading.Lock()
        self._forget_above = self.KEPT

    def allow(self, key: Hashable) -> float | None:
        """Takes one for a request that may go ahead and answers None; else the
        seconds until one may."""
        with self._lock:
            wait = self._wait(key)
            if wait is None:
                self._take(key)
            return wait

    def wait(self, key: Hashable) -> float | None:
        """Seconds until `key` may go ahead; None when it may now. Takes nothing."""
        with self._lock:
            return self._wait(key)

    def charge(self, key: Hashable) -> None:
        """Takes one for something already done, such as a failed authentication,
        even below zero: failures that ran at once all count."""
        with self._lock:
            self._take(key)

    def _left(self, key: Hashable, now: float) -> float:
        left, at = self._buckets.get(key, (float(self.per_minute), now))
        return min(float(self.per_minute), left + (now - at) * self.per_minute / 60)

    def _wait(self, key: Hashable) -> float | None:
        left = self._left(key, self.clock())
        if self.per_minute == 0 or left >= 1:
            return None
        return (1 - left) / (self.per_minute / 60)

    def _take(self, key: Hashable) -> None:
        if self.per_minute == 0:
            return
        now = self.clock()
        self._buckets[key] = (self._left(key, now) - 1, now)
        if len(self._buckets) > self._forget_above:
            self._forget_full(now)

    def _forget_full(self, now: float) -> None:
        full = [key for key in self._buckets if self._left(key, now) >= self.per_minute]
        for key in full:
            del self._buckets[key]
        # When most are in use, look again only once as many more have come.
        self._forget_above = max(self.KEPT, 2 * len(self._buckets))


@dataclass(frozen=True)
class RateLimits:
    """The API's two budgets: requests per token (by its id: names may repeat),
    and failed authentications per client address."""

    requests: RateLimiter
    failures: RateLimiter
