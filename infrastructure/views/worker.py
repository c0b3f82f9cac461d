"""The projection worker: what `rapport project` and `rapport serve` run to keep
the views up to date.

It waits for its views' lock, so across all processes one worker projects each
view and the others stand by to take over; once it holds the lock it rebuilds
any view whose shape changed since its tables were made, then follows the log.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from application.service import Rapport
from application.views.base import View
from infrastructure.views.engine import EventWaiter
from infrastructure.views.locks import work_while_holding
from infrastructure.views.maintenance import rebuild_outdated
from infrastructure.views.projector import Projector, follow
from infrastructure.views.store import ViewStore


class ProjectionWorker(threading.Thread):
    def __init__(
        self,
        rapport: Rapport,
        store: ViewStore,
        views: Sequence[View[Any, Any]],
        make_projector: Callable[[Sequence[View[Any, Any]]], Projector],
        wait_for_events: EventWaiter,
        *,
        poll: float = 0.5,
    ) -> None:
        super().__init__(name="rapport-projection-worker", daemon=True)
        self.rapport = rapport
        self.store = store
        self.views = list(views)
        self.make_projector = make_projector
        self.wait_for_events = wait_for_events
        self.poll = poll
        self.stopping = threading.Event()
        self.following = threading.Event()  # set once it holds the lock and projects
        self.rebuilt: list[str] = []

    def run(self) -> None:
        names = [f"live:{view.name}" for view in self.views]
        try:
            work_while_holding(
                self.store.exclusive, names, self._project, stopping=self.stopping, what="projector"
            )
        finally:
            self.wait_for_events.close()

    def _project(self, lost: threading.Event) -> None:
        self.rebuilt = rebuild_outdated(self.rapport, self.store, self.views)
        # A view still outdated could not be rebuilt (it is recorded as failed):
        # its table holds another shape, so it is not followed.
        store = self.store
        current = [view for view in self.views if store.is_current(view, store.live(view))]
        # Made after the rebuild, so it starts on the tables that are live now;
        # made again after a lost lock, so it starts where the views are.
        projector = self.make_projector(current)
        self.following.set()
        follow(projector, self.wait_for_events, self.poll, self.stopping, lost)

    def stop(self, timeout: float | None = None) -> None:
        self.stopping.set()
        self.wait_for_events.wake()  # not left to sleep out its poll
        if self.is_alive():
            self.join(timeout)
