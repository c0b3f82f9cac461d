"""Projectors: follow the log and keep view tables up to date, a batch at a time.

One projector serves several views: it reads each batch of events once, folds it
into every view that has not seen it, and writes all the changed rows together
with every view's new position in one transaction.

A batch that cannot be written, when no rebuild switched the tables underneath,
is written again view by view, and a view that still fails event by event: the
views that can go on do, and the one that cannot stops just before the event it
cannot take. That is an outage, never a silent retry: it is logged as an error
naming the view and the event's position, recorded where `/readyz`, `rapport
projections` and `rapport verify` see it, and tried again after a pause that
doubles with each attempt. Rebuilds and verifications, which have no live view
to keep going, raise `ViewFailed` instead.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import psycopg
from sqlalchemy.exc import DBAPIError

from application.ports import ViewFailure
from application.service import Rapport
from application.views.base import LoggedEvent, View
from application.views.log import read_log
from infrastructure.views.locks import either
from infrastructure.views.store import Changes, ViewStore

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (position reached, events applied in the batch)

# States per view kept between batches: enough to spare most reads during a
# catch-up, and a bound on a projector's memory whatever the log's length.
DEFAULT_CACHE_SIZE = 5000
# Pauses before a failed view is tried again: doubling from the first to the longest.
FIRST_RETRY_SECONDS = 1.0
LONGEST_RETRY_SECONDS = 300.0


class ViewFailed(Exception):
    """A view cannot take an event (raised by rebuilds and verifications)."""

    def __init__(self, failure: ViewFailure) -> None:
        super().__init__(
            f"view {failure.view} cannot take the event at position {failure.position}: "
            f"{failure.error}"
        )
        self.failure = failure
        self.view = failure.view
        self.position = failure.position


class Projector:
    """Folds the log into views' tables.

    `targets` maps each view to the generation it writes; by default the live
    one, looked up again whenever a write fails (a rebuild may have switched it)."""

    def __init__(
        self,
        rapport: Rapport,
        store: ViewStore,
        views: Sequence[View[Any, Any]],
        *,
        batch_size: int = 2000,
        generations: dict[str, int] | None = None,
        cache_size: int = DEFAULT_CACHE_SIZE,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rapport = rapport
        self.store = store
        self.views = list(views)
        self.batch_size = batch_size
        self._fixed = generations is not None
        self.generations = dict(generations or {})
        self.positions: dict[str, int] = {}
        # States this projector wrote, kept between batches: while it holds the
        # view's lock nobody else writes them, so reading them back is wasted work.
        self._cache: dict[str, OrderedDict[str, Any]] = {v.name: OrderedDict() for v in views}
        self.cache_size = cache_size
        self.monotonic = monotonic
        # Views that cannot take an event, and when each may try again.
        self.failures: dict[str, ViewFailure] = {}
        self._retry_at: dict[str, float] = {}
        self._refresh()

    def _refresh(self) -> None:
        for cache in self._cache.values():
            cache.clear()
        for view in self.views:
            if not self._fixed:
                self.generations[view.name] = self.store.live(view).number
            self.positions[view.name] = self.store.position(view.name, self.generations[view.name])
        self._retry_at.clear()  # new tables deserve a try at once

    def _due(self) -> list[View[Any, Any]]:
        """The views to fold into now: all but the failed ones still pausing."""
        now = self.monotonic()
        return [v for v in self.views if self._retry_at.get(v.name, now) <= now]

    def _apply(self, views: list[View[Any, Any]], events: list[LoggedEvent], last: int) -> bool:
        """Fold a batch into `views` and save it in one transaction, or, when that
        fails, view by view. False when the tables changed underneath: the
        positions are then read again and the batch must be read again too."""
        try:
            changes = [self._fold(view, events, last) for view in views]
            self.store.save(changes, live=not self._fixed)
        except Exception as error:
            if is_transient(error):
                raise  # the database is away, not the view broken: `follow` waits
            if self._tables_switched():
                log.info("view tables changed underneath; re-reading the catalog")
                return False
            log.warning(
                "a batch up to position %d failed (%s); writing view by view", last, describe(error)
            )
            for view in views:
                self._apply_alone(view, events, last)
            return True
        for change in changes:
            self._saved(change)
        return True

    def _tables_switched(self) -> bool:
        """Whether a rebuild made other tables live (and dropped those written to)."""
        if self._fixed:
            return False
        live = self.store.live_generations()
        if all(live.get(name) == number for name, number in self.generations.items()):
            return False
        self._refresh()
        return True

    def _apply_alone(self, view: View[Any, Any], events: list[LoggedEvent], last: int) -> None:
        try:
            change = self._fold(view, events, last)
            self.store.save([change], live=not self._fixed)
        except Exception as error:
            if is_transient(error):
                raise
            self._apply_one_by_one(view, events)
        else:
            self._saved(change)

    def _apply_one_by_one(self, view: View[Any, Any], events: list[LoggedEvent]) -> None:
        """Every event the view can take, up to the first it cannot."""
        for logged in events:
            if logged.position <= self.positions[view.name]:
                continue
            try:
                change = self._fold(view, [logged], logged.position)
                self.store.save([change], live=not self._fixed)
            except Exception as error:
                if is_transient(error):
                    raise
                self._failed(view, logged, error)
                return
            self._saved(change)

    def _saved(self, change: Changes) -> None:
        name = change.view.name
        self.positions[name] = change.position
        self._remember(change)
        failure = self.failures.get(name)
        if failure is not None and change.position >= failure.position:
            del self.failures[name]
            self._retry_at.pop(name, None)
            log.warning(
                "view %s took the event at position %d and projects again", name, failure.position
            )
            self._tell_others(lambda: self.store.mark_recovered(name), name)

    def _failed(self, view: View[Any, Any], logged: LoggedEvent, error: Exception) -> None:
        reason = describe(error)
        earlier = self.failures.get(view.name)
        attempts = 1
        if earlier is not None and earlier.position == logged.position:
            attempts = earlier.attempts + 1
        failure = ViewFailure(
            view.name, logged.position, logged.name, reason, self.rapport.clock.now(), attempts
        )
        if self._fixed:
            raise ViewFailed(failure) from error
        pause = min(FIRST_RETRY_SECONDS * 2 ** (attempts - 1), LONGEST_RETRY_SECONDS)
        self.failures[view.name] = failure
        self._retry_at[view.name] = self.monotonic() + pause
        log.error(
            "view %s cannot take the event at position %d (%s, attempt %d): %s; "
            "it stays before that event and tries again in %.0f s",
            view.name,
            logged.position,
            logged.name,
            attempts,
            reason,
            pause,
            exc_info=error,
        )
        self._tell_others(lambda: self.store.mark_failed(failure), view.name)

    @staticmethod
    def _tell_others(write: Callable[[], None], view_name: str) -> None:
        try:
            write()
        except Exception:  # the database itself may be what fails
            log.exception("could not record the state of view %s for other processes", view_name)

    def _fold(self, view: View[Any, Any], events: list[LoggedEvent], last: int) -> Changes:
        seen = self.positions[view.name]
        keyed = [(key, e) for e in events if e.position > seen and (key := view.key(e)) is not None]
        started = {key for key, e in keyed if view.starts_key(e)}
        states = self._states(view, {key for key, _ in keyed} - started)
        touched: dict[str, set[str]] = {}
        for key, logged in keyed:
            state = states[key] if key in states else view.initial(logged)
            states[key] = view.apply(state, logged)
            if view.entry_fields and logged.aggregate_id != logged.engagement_id:
                touched.setdefault(key, set()).add(logged.aggregate_key)
        return Changes(view, self.generations[view.name], states, max(last, seen), touched)

    def _states(self, view: View[Any, Any], keys: set[str]) -> dict[str, Any]:
        """The stored states of `keys`, from memory where possible. Folding changes
        them in place, so the cache only takes them back once they are saved."""
        if view.keys_are_new:
            return {}
        cache = self._cache[view.name]
        states = {key: cache.pop(key) for key in keys if key in cache}
        missing = keys - states.keys()
        if missing:
            states.update(self.store.load(view, self.generations[view.name], missing))
        return states

    def _remember(self, change: Changes) -> None:
        if change.view.keys_are_new:
            return
        cache = self._cache[change.view.name]
        cache.update(change.states)
        while len(cache) > self.cache_size:
            cache.popitem(last=False)

    def catch_up(self, stop: int | None = None, progress: Progress | None = None) -> int:
        """Process batches until the log (or `stop`) is reached; returns events read.

        While batches come back full, the next one is read (and decoded) while
        the current one is folded and written, so the database's time and
        Python's overlap; a batch that is not full was the end of the log, and
        reading again would only find nothing."""
        total = 0
        views = self._due()
        if not views:
            return 0
        with ThreadPoolExecutor(1, thread_name_prefix="rapport-log-reader") as reader:
            after = min(self.positions[view.name] for view in views)
            events, last = read_log(self.rapport, after, self.batch_size, stop)
            while last is not None:
                full = last - after >= self.batch_size  # gaps in positions only over-guess
                following = (
                    reader.submit(read_log, self.rapport, last, self.batch_size, stop)
                    if full
                    else None
                )
                if not self._apply(views, events, last):
                    # The tables changed underneath: start again from the catalog.
                    if following is not None:
                        following.cancel()
                    views = self._due()
                    after = min(self.positions[view.name] for view in views)
                    events, last = read_log(self.rapport, after, self.batch_size, stop)
                    continue
                views = [view for view in views if view.name not in self._retry_at]
                total += last - after
                if progress:
                    progress(last, last - after)
                if following is None or not views:
                    break
                after = last
                events, last = following.result()
        return total

    def lag(self) -> dict[str, int]:
        head = self.rapport.head()
        return {name: head - position for name, position in self.positions.items()}


def follow(
    projector: Projector,
    wait_for_events: Callable[[float], bool],
    poll: float,
    stopping: threading.Event,
    lost: threading.Event | None = None,
) -> None:
    """Keep the projector caught up with the log until `stopping` is set, or
    `lost` (its lock went with the database session)."""
    lost = lost or threading.Event()
    failed_rounds = 0
    while not (stopping.is_set() or lost.is_set()):
        try:
            projector.catch_up()
            failed_rounds = 0
            # Returns at once when a write was announced while catching up.
            wait_for_events(poll)
        except Exception:  # the database is away: it may be restarting
            failed_rounds += 1
            pause = min(poll * 2**failed_rounds, LONGEST_RETRY_SECONDS)
            log.exception("projector could not reach the database; trying again in %.1f s", pause)
            either(stopping, lost, pause)


def is_transient(error: BaseException) -> bool:
    """Whether the error is the database's availability, not the data: the
    connection was lost, the server is shutting down or out of connections, a
    lock was not had in time. Those pass; no view has failed."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, DBAPIError) and cause.connection_invalidated:
            return True
        if isinstance(cause, sqlite3.OperationalError):
            return "locked" in str(cause)  # "no such table" and the like are not
        if isinstance(cause, psycopg.OperationalError):
            return True
        cause = getattr(cause, "orig", None) or cause.__cause__
    return False


def describe(error: BaseException) -> str:
    """One line saying what went wrong: the database's own message when there
    is one, never the statement and its parameters (the views' data)."""
    cause: BaseException | None = error
    while cause is not None:
        original = getattr(cause, "orig", None)
        if isinstance(original, BaseException):
            cause = original
            break
        if cause.__cause__ is None:
            break
        cause = cause.__cause__
    assert cause is not None
    text = str(cause).strip().splitlines()
    return f"{type(cause).__name__}: {text[0] if text else ''}"
