"""A real HTTP endpoint for webhook tests and benchmarks, on a local port.

It checks every request's signature and keeps what arrived; told to, it
misbehaves: answers 500, or takes the request and answers only after the
sender has given up waiting, so the sender tries again (a duplicate), or is
not there at all."""

from __future__ import annotations

import random
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import orjson

from infrastructure.webhooks.signing import EVENT_ID, SIGNATURE, verify


@dataclass
class Arrival:
    event_id: str
    position: int
    signed: bool


@dataclass
class Receiver:
    secret: str = ""
    failing: float = 0.0  # the share of requests answered 500
    stalling: float = 0.0  # the share taken, then answered after `stall` seconds
    stall: float = 0.0
    seed: int = 0
    arrivals: list[Arrival] = field(default_factory=list)  # every request it took
    requests: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def positions(self) -> list[int]:
        """Each event's position once, in the order it first arrived."""
        seen: dict[int, None] = {}
        for arrival in self.arrivals:
            seen.setdefault(arrival.position)
        return list(seen)

    def handle(self, headers: Any, body: bytes) -> tuple[int, float]:
        """The status to answer and how long to wait before answering."""
        with self.lock:
            self.requests += 1
            roll = self.rng.random()
        if roll < self.failing:
            return 500, 0.0
        event = orjson.loads(body)
        arrival = Arrival(
            event_id=headers[EVENT_ID],
            position=event["position"],
            signed=bool(self.secret) and verify(self.secret, headers[SIGNATURE], body),
        )
        with self.lock:
            self.arrivals.append(arrival)
        stalled = roll < self.failing + self.stalling
        return 200, self.stall if stalled else 0.0


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real endpoint would
    receiver: Receiver

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        status, delay = self.server.receiver.handle(self.headers, body)  # type: ignore[attr-defined]
        if delay:
            time.sleep(delay)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # a sender that died mid-request (a test killed it): nothing to report
        super().handle_error(request, client_address)


@contextmanager
def receiving(receiver: Receiver, port: int = 0) -> Iterator[str]:
    """Serve `receiver` on a local port; yields its URL."""
    server = _Server(("127.0.0.1", port), _Handler)
    server.receiver = receiver  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/events"
    finally:
        server.shutdown()
        server.server_close()
