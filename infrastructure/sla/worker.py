"""The breach watchdog's thread: what `rapport sla-watch` and `rapport serve` run.

It waits for the watchdog's lock, so across all processes one watchdog ticks and
the others stand by to take over; once it holds the lock it ticks at once (what
came due while no watchdog ran is recorded first), then every `interval` seconds.
"""

from __future__ import annotations

import logging
import threading

from application.sla_watch import SlaWatchdog, Tick
from infrastructure.views.locks import either, work_while_holding
from infrastructure.views.store import ViewStore

log = logging.getLogger(__name__)


class SlaWatchWorker(threading.Thread):
    def __init__(self, watchdog: SlaWatchdog, store: ViewStore, *, interval: float) -> None:
        super().__init__(name="rapport-sla-watchdog", daemon=True)
        self.watchdog = watchdog
        self.store = store
        self.interval = interval
        self.stopping = threading.Event()
        self.active = threading.Event()  # set once it holds the lock and ticks
        self.last: Tick | None = None

    def run(self) -> None:
        work_while_holding(
            self.store.exclusive,
            ["sla-watch"],
            self._tick_until_stopped,
            stopping=self.stopping,
            what="SLA watchdog",
        )

    def _tick_until_stopped(self, lost: threading.Event) -> None:
        self.active.set()
        while not (self.stopping.is_set() or lost.is_set()):
            try:
                self.last = self.watchdog.tick()
            except Exception:  # the database may be restarting; tick again later
                log.exception("SLA watchdog tick failed")
            either(self.stopping, lost, self.interval)

    def stop(self, timeout: float | None = None) -> None:
        self.stopping.set()
        if self.is_alive():
            self.join(timeout)
