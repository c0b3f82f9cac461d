"""Projectors: follow the log and keep view tables up to date, a batch at a time.

One projector serves several views: it reads each batch of events once, folds it
into every view that has not seen it, and writes all the changed rows together
with every view's new position in one transaction.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from application.service import Rapport
from application.views.base import LoggedEvent, View
from application.views.log import read_log
from infrastructure.views.store import Changes, ViewStore, ViewWriteFailed

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (position reached, events applied in the batch)

# States per view kept between batches: enough to spare most reads during a
# catch-up, and a bound on a projector's memory whatever the log's length.
DEFAULT_CACHE_SIZE = 5000


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
        self._refresh()

    def _refresh(self) -> None:
        for cache in self._cache.values():
            cache.clear()
        for view in self.views:
            if not self._fixed:
                self.generations[view.name] = self.store.live(view).number
            self.positions[view.name] = self.store.position(view.name, self.generations[view.name])

    def _apply(self, after: int, events: list[LoggedEvent], last: int) -> int:
        """Fold a batch read after position `after` into every view and save it;
        returns the positions advanced, or 0 when the tables changed underneath
        (the positions are then read again and the batch must be read again too)."""
        try:
            changes = [self._fold(view, events, last) for view in self.views]
            self.store.save(changes, live=not self._fixed)
        except ViewWriteFailed:
            if self._fixed:
                raise
            # A rebuild may have switched a view to a new table and dropped the old.
            log.info("view tables changed underneath; re-reading the catalog")
            self._refresh()
            return 0
        for change in changes:
            self.positions[change.view.name] = change.position
            self._remember(change)
        return last - after

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
        with ThreadPoolExecutor(1, thread_name_prefix="rapport-log-reader") as reader:
            after = min(self.positions.values())
            events, last = read_log(self.rapport, after, self.batch_size, stop)
            while last is not None:
                full = last - after >= self.batch_size  # gaps in positions only over-guess
                following = (
                    reader.submit(read_log, self.rapport, last, self.batch_size, stop)
                    if full
                    else None
                )
                advanced = self._apply(after, events, last)
                if not advanced:  # the tables changed underneath: start again from the catalog
                    if following is not None:
                        following.cancel()
                    after = min(self.positions.values())
                    events, last = read_log(self.rapport, after, self.batch_size, stop)
                    continue
                total += advanced
                if progress:
                    progress(last, advanced)
                if following is None:
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
) -> None:
    """Keep the projector caught up with the log until `stopping` is set."""
    while not stopping.is_set():
        try:
            projector.catch_up()
            # Returns at once when a write was announced while catching up.
            wait_for_events(poll)
        except Exception:  # keep following; the next round retries the batch
            log.exception("projector failed; retrying")
            stopping.wait(poll)
