"""Rebuilding, verifying and inspecting view tables."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from application.ports import ViewDifference, ViewFailure
from application.service import Rapport
from application.views.base import View
from infrastructure.views.projector import DEFAULT_CACHE_SIZE, Progress, Projector, ViewFailed
from infrastructure.views.store import ViewStore

log = logging.getLogger(__name__)


def rebuild(
    rapport: Rapport,
    store: ViewStore,
    views: Sequence[View[Any, Any]],
    *,
    batch_size: int = 2000,
    cache_size: int = DEFAULT_CACHE_SIZE,
    progress: Progress | None = None,
) -> int:
    """Fold the whole log into new tables for `views`, then make them live.

    The live tables keep answering (and their projector keeps following) until
    the switch, which happens in one transaction per view. Returns events read."""
    names = [f"rebuild:{view.name}" for view in views]
    with store.exclusive(names):
        generations = {
            view.name: store.create_generation(view, live=False).number for view in views
        }
        try:
            projector = Projector(
                rapport,
                store,
                views,
                batch_size=batch_size,
                generations=generations,
                cache_size=cache_size,
            )
            total = projector.catch_up(progress=progress)
        except BaseException:
            # Half-filled tables would be left behind for no one to use.
            for view in views:
                store.drop_generation(view, generations[view.name])
            raise
        for view in views:
            store.switch_live(view, generations[view.name])
    return total


def rebuild_outdated(
    rapport: Rapport, store: ViewStore, views: Sequence[View[Any, Any]]
) -> list[str]:
    """Rebuild the views whose live table was made for another shape of the view
    (a column added, the state changed): a schema change is a rebuild, never a
    hand-written migration. Returns the names rebuilt.

    A view whose new shape cannot take an event of the log is an outage like any
    other: logged, recorded as failed, and left on its old table (which nothing
    may project into) while the other views are rebuilt."""
    outdated = [view for view in views if not store.is_current(view, store.live(view))]
    while outdated:
        try:
            rebuild(rapport, store, outdated)
            break
        except ViewFailed as failed:
            log.error("view %s cannot be rebuilt for its new shape: %s", failed.view, failed)
            store.mark_failed(failed.failure)
            outdated = [view for view in outdated if view.name != failed.view]
    return [view.name for view in outdated]


def failed(failure: ViewFailure) -> str:
    return (
        f"cannot take the event at position {failure.position} ({failure.event_type}), "
        f"{failure.attempts} attempt(s): {failure.error}"
    )


def verify(
    rapport: Rapport, store: ViewStore, views: Sequence[View[Any, Any]], *, attempts: int = 5
) -> list[ViewDifference]:
    """Rebuild each view into a scratch table and compare it row by row with the
    live one. A view that cannot take an event is a difference of its own: its
    rows may equal a rebuild up to where it stopped, but it stopped."""
    failures = store.failures.all()
    differences = [
        ViewDifference(view.name, "", failed(failures[view.name]))
        for view in views
        if view.name in failures
    ]
    for view in views:
        scratch = store.create_generation(view, live=False).number
        try:
            differences += _compare_with_scratch(rapport, store, view, scratch, attempts)
        except ViewFailed as error:
            differences.append(ViewDifference(view.name, "", f"a rebuild fails: {error}"))
        finally:
            store.drop_generation(view, scratch)
    return differences


def _compare_with_scratch(
    rapport: Rapport, store: ViewStore, view: View[Any, Any], scratch: int, attempts: int
) -> list[ViewDifference]:
    projector = Projector(rapport, store, [view], generations={view.name: scratch})
    differences: list[ViewDifference] = []
    for _ in range(attempts):
        live = store.live(view)
        projector.catch_up(stop=live.position)
        differences = _differences(store, view, live.number, scratch)
        if store.position(view.name, live.number) == live.position:
            break  # the live table did not move while we compared
    return differences


def _differences(
    store: ViewStore, view: View[Any, Any], live: int, scratch: int
) -> list[ViewDifference]:
    # Compared as stored: the same state always encodes to the same bytes, and a
    # row too damaged to decode still shows up as a difference.
    expected = store.stored(view, scratch)
    actual = store.stored(view, live)
    found = [
        ViewDifference(view.name, k, "missing from live") for k in expected.keys() - actual.keys()
    ]
    found += [
        ViewDifference(view.name, k, "not in rebuild") for k in actual.keys() - expected.keys()
    ]
    found += [
        ViewDifference(view.name, k, "differs")
        for k in expected.keys() & actual.keys()
        if expected[k] != actual[k]
    ]
    return sorted(found, key=lambda d: (d.view, d.key))


@dataclass(frozen=True)
class ProjectionStatus:
    view: str
    generation: int
    position: int
    head: int
    failure: ViewFailure | None = None

    @property
    def lag(self) -> int:
        return max(self.head - self.position, 0)


def statuses(
    rapport: Rapport, store: ViewStore, views: Sequence[View[Any, Any]]
) -> list[ProjectionStatus]:
    head = rapport.head()
    failures = store.failures.all()
    result = []
    for view in views:
        live = store.live(view)
        failure = failures.get(view.name)
        result.append(ProjectionStatus(view.name, live.number, live.position, head, failure))
    return result
