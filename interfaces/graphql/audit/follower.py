"""Wakes subscribers when the log grows, whichever process wrote to it."""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import Protocol

from application.service import Rapport

log = logging.getLogger(__name__)


class WaitForEvents(Protocol):
    """Waits until new events may be in the log (True), or `timeout` passes (False)."""

    def __call__(self, timeout: float) -> bool: ...

    def close(self) -> None: ...


class LogFollower:
    """One thread per process watches the head of the log (woken by PostgreSQL's
    NOTIFY, or polling every `poll` seconds where none comes: on SQLite, and
    through a pooler in transaction mode) and tells every waiting subscriber at once,
    so a thousand subscribers cost one watcher, not a thousand pollers. With
    nobody subscribed it reads nothing: a server busy with mutations pays no
    query per event for subscriptions nobody has."""

    def __init__(self, rapport: Rapport, wait_for_events: WaitForEvents, poll: float = 0.2) -> None:
        self.rapport = rapport
        self.wait_for_events = wait_for_events
        self.poll = poll
        self.generation = 0  # bumped, by the watching thread only, each time the head moves
        self._waiting = 0  # subscribers in `changed_since`
        self._changed: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping = threading.Event()
        self._thread = threading.Thread(
            target=self._watch, name="rapport-log-follower", daemon=True
        )

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._changed = asyncio.Event()
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        if self._thread.is_alive():
            # It wakes at least every `poll` seconds; joined, so it never reads
            # the log after the app has let go of the database.
            self._thread.join(timeout=self.poll + 5)

    async def changed_since(self, generation: int) -> int:
        """Returns once the log has grown after `generation` was seen."""
        # Counted before the generation is compared: the watcher bumps the
        # generation before it counts waiters, so one of the two sees the other.
        self._waiting += 1
        try:
            while self.generation == generation:
                assert self._changed is not None, "the follower was not started"
                await self._changed.wait()
        finally:
            self._waiting -= 1
        return self.generation

    def _watch(self) -> None:
        try:
            self._follow_head()
        finally:
            self.wait_for_events.close()

    def _follow_head(self) -> None:
        # The head as last looked at; after announced writes it may be behind,
        # which costs at most one needless wake-up.
        head = self.rapport.head()
        while not self._stopping.is_set():
            try:
                if self.wait_for_events(self.poll):
                    moved = True  # a write was announced
                elif self._waiting:
                    # No word of a write (none comes without LISTEN): look, for those who wait.
                    latest = self.rapport.head()
                    moved, head = latest != head, latest
                else:
                    moved = False
            except Exception:  # the database may be restarting; keep watching
                log.exception("could not read the head of the log")
                self._stopping.wait(self.poll)
                continue
            if moved:
                self.generation += 1
                if self._waiting:
                    assert self._loop is not None
                    self._loop.call_soon_threadsafe(self._wake)

    def _wake(self) -> None:
        assert self._changed is not None
        # Set, then replace: everyone waiting now wakes; later waiters wait anew.
        self._changed.set()
        self._changed = asyncio.Event()
