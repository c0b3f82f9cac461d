"""What the benchmarks share: the bare library's baseline, rates measured in
interleaved rounds, ratios with their spread, and how figures are printed.

A ratio is taken round by round (A then B in the same round shares whatever
else the machine is doing) and reported as the median of the rounds with their
lowest and highest, so one disturbed round neither makes nor breaks a target."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import Enum
from statistics import median
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event

from infrastructure.event_store.environment import event_store_env

ROUNDS = 7  # measured rounds; one more is run first and discarded


class Parcel(Aggregate):
    """The bare library's one-event aggregate."""

    @event("Registered")
    def __init__(self, label: str) -> None:
        self.label = label


class Encoding(Enum):
    """How the bare baseline writes its events: with the library's own JSON
    transcoder, or with the orjson mapper Rapport stores its events with."""

    LIBRARY = "library JSON"
    RAPPORT = "Rapport's orjson"


def bare_application(
    database_url: str, threads: int, encoding: Encoding = Encoding.LIBRARY
) -> Application[UUID]:
    """The library's `Application` with its own recorder (no event index), on the
    database, pool and lock settings Rapport uses."""
    env = event_store_env(database_url, snapshots=False, pool_size=threads)
    env.pop("APPLICATION_RECORDER_TOPIC")
    if encoding is Encoding.LIBRARY:
        env.pop("MAPPER_TOPIC")
        env.pop("TRANSCODER_TOPIC")
    return Application(env=env)


def rate(work: Callable[[int], object], count: int, threads: int) -> float:
    """Calls per second of `work(i)` for i in range(count), spread over `threads`."""
    started = time.perf_counter()
    if threads == 1:
        for i in range(count):
            work(i)
    else:
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(work, range(count)))
    return count / (time.perf_counter() - started)


def interleaved(
    works: dict[str, Callable[[], float]], rounds: int = ROUNDS
) -> dict[str, list[float]]:
    """Each work's figure in every round, the works taking turns within a round.
    A first round warms pools, caches and the database's plans, and is dropped."""
    figures: dict[str, list[float]] = {name: [] for name in works}
    for round_ in range(rounds + 1):
        for name, work in works.items():
            figure = work()
            if round_:
                figures[name].append(figure)
    return figures


@dataclass(frozen=True)
class Spread:
    """A figure's median over rounds, with the lowest and highest round."""

    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: list[float]) -> Spread:
        return cls(median(values), min(values), max(values))

    @classmethod
    def ratio(cls, numerators: list[float], denominators: list[float]) -> Spread:
        """The ratio taken within each round, then spread over the rounds."""
        return cls.of([n / d for n, d in zip(numerators, denominators, strict=True)])

    def shown(self, digits: int = 2, unit: str = "") -> str:
        return f"{self.median:8.{digits}f}{unit} ({self.low:.{digits}f}-{self.high:.{digits}f})"


def report(title: str, rows: list[tuple[str, str]]) -> None:
    print(f"\n## {title}")
    for name, value in rows:
        print(f"  {name:<62} {value}")
