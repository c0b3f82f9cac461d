"""The log follower behind subscriptions: it costs nothing while nobody subscribes."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

from interfaces.graphql.audit.follower import LogFollower


class CountingHead:
    def __init__(self) -> None:
        self.reads = 0

    def head(self) -> int:
        self.reads += 1
        return self.reads


class AnnouncedWrites:
    """Each wait reports a write, as PostgreSQL's NOTIFY does on a busy server."""

    def __init__(self) -> None:
        self.calls = 0
        self.enough = threading.Event()

    def __call__(self, timeout: float) -> bool:
        self.calls += 1
        if self.calls >= 50:
            self.enough.set()
        time.sleep(0.001)
        return True

    def close(self) -> None:
        pass


def test_with_nobody_subscribed_writes_cost_the_follower_no_query() -> None:
    rapport, writes = CountingHead(), AnnouncedWrites()
    follower = LogFollower(rapport, writes, poll=0.01)  # type: ignore[arg-type]
    loop = asyncio.new_event_loop()
    try:
        follower.start(loop)
        assert writes.enough.wait(5)
        follower.stop()
    finally:
        loop.close()

    assert rapport.reads == 1  # where it starts from, and nothing after
    assert follower.generation >= 50


def test_a_subscriber_waiting_is_woken_by_an_announced_write() -> None:
    rapport, writes = CountingHead(), AnnouncedWrites()
    follower = LogFollower(rapport, writes, poll=0.01)  # type: ignore[arg-type]

    async def wait_once() -> Any:
        follower.start(asyncio.get_running_loop())
        try:
            return await asyncio.wait_for(follower.changed_since(follower.generation), 5)
        finally:
            follower.stop()

    assert asyncio.run(wait_once()) >= 1
