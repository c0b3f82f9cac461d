"""What the response cache keeps: only reusable answers without errors, within
its budget of bytes, the least recently used given up first. (Whether a kept
answer is given again is checked end to end in tests/e2e/test_response_cache.py.)"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import anyio
from anyio import CapacityLimiter
from graphql import GraphQLError
from strawberry.types import ExecutionResult

from application.queries import ViewsRead
from interfaces.graphql.context import Services
from interfaces.graphql.response_cache import ResponseCache
from tests.conftest import FakeClock


def reads(reusable: bool = True) -> ViewsRead:
    read = ViewsRead()
    read.versions = {"progress": (1, 7)}
    read.views = {"progress"}
    if not reusable:
        read.not_reusable()
    return read


def answer(size: int) -> ExecutionResult:
    return ExecutionResult(data={"x": "a" * (size - 8)}, errors=None)  # {"x":"…"}


def cache(budget: int) -> ResponseCache:
    return ResponseCache(cast(Services, None), budget)  # keeping needs no services


def test_answers_are_kept_within_the_budget_the_least_recently_used_given_up_first() -> None:
    kept = cache(budget=100)
    for key in (b"a", b"b", b"c"):
        kept.keep(key, reads(), answer(40))
    assert list(kept._kept) == [b"b", b"c"]
    assert kept._size == 80
    kept.keep(b"b", reads(), answer(60))  # kept again: counted once, now the newest
    assert list(kept._kept) == [b"c", b"b"] and kept._size == 100
    kept.keep(b"d", reads(), answer(40))
    assert list(kept._kept) == [b"b", b"d"] and kept._size == 100


def test_an_answer_larger_than_the_budget_is_not_kept() -> None:
    kept = cache(budget=100)
    kept.keep(b"a", reads(), answer(101))
    assert not kept._kept and kept._size == 0


def test_answers_not_reusable_with_errors_or_without_data_are_not_kept() -> None:
    kept = cache(budget=1000)
    kept.keep(b"a", reads(reusable=False), answer(40))
    kept.keep(b"b", reads(), ExecutionResult(data={"x": None}, errors=[GraphQLError("no")]))
    kept.keep(b"c", reads(), ExecutionResult(data=None, errors=None))
    unversioned = reads()
    unversioned.views.add("budget")  # read before the view had a table
    kept.keep(b"d", unversioned, answer(40))
    assert not kept._kept


class Checked:
    """What a hit's check reads: the clock and the views' versions. Reading the
    versions waits on the database, and `meanwhile` runs then, as other
    requests would."""

    def __init__(self, versions: dict[str, tuple[int, int]], meanwhile: Callable[[], None]):
        self.clock = FakeClock()
        self.rows = self
        self.versions = versions
        self.meanwhile = meanwhile

    def live_versions(self) -> dict[str, tuple[int, int]]:
        self.meanwhile()
        return self.versions


def checked_by(reader: Checked, budget: int = 1000) -> ResponseCache:
    services = Services.__new__(Services)
    services.reader, services.limiter = reader, CapacityLimiter(1)  # type: ignore[assignment]
    return ResponseCache(services, budget)


def test_an_answer_given_up_while_it_was_checked_is_still_given_once() -> None:
    reader = Checked({"progress": (1, 7)}, meanwhile=lambda: kept._drop(b"a"))
    kept = checked_by(reader)
    kept.keep(b"a", reads(), answer(40))
    hit = anyio.run(kept.recall, b"a")
    assert hit is not None and hit.data == {"x": "a" * 32}
    assert not kept._kept and kept.hits == 1


def test_an_answer_whose_views_moved_while_it_was_checked_is_not_given() -> None:
    reader = Checked({"progress": (1, 8)}, meanwhile=lambda: None)
    kept = checked_by(reader)
    kept.keep(b"a", reads(), answer(40))
    assert anyio.run(kept.recall, b"a") is None
    assert not kept._kept and kept.misses == 1
