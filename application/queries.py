"""The read side: pages of the live views, their rows by id, and views as of a past moment.

Every question is asked as a principal, and the answer holds only what that
principal may see: a client principal sees its own client's engagements and
their children, and nothing outside them is distinguishable from nothing at all.
Live answers come from the view tables; only as-of answers fold the log.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar
from uuid import UUID

from application.access import Permission, Principal
from application.errors import InvalidValue, NotFound
from application.ports import Clock, RowQuery, TimeAxis, ViewFailure, ViewRows
from application.service import Rapport
from application.views.as_of import views_as_of
from application.views.audit import AuditEntry, audit_entry
from application.views.base import View
from application.views.log import engagement_log, read_log
from application.views.workload import WorkloadReport, combined
from domain.base import require_line

T = TypeVar("T")

# The live view that says which client an engagement is for.
SCOPE_VIEW = "portfolio"
_END_OF_TIME = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Page(Generic[T]):
    """Items with the cursor of each, and whether more follow the last."""

    items: list[tuple[str, T]]
    has_next: bool


class ViewsRead:
    """What one answer was read from, so that it can be given again while that
    still holds: the views it read, their versions before its first row was
    read (`ViewRows.live_versions`), and the moment until which the figures it
    read stand still with time (None: none moves with time alone).

    An answer that used anything else (the log, tokens, a command, the caller's
    own name) is not `reusable`. One per request; the reads of a request may run
    in several worker threads at once."""

    def __init__(self) -> None:
        self.views: set[str] = set()
        self.versions: dict[str, tuple[int, int]] | None = None
        self.until: datetime | None = None
        self.reusable = True
        self._lock = threading.Lock()

    def not_reusable(self) -> None:
        self.reusable = False

    def before_reading(self, rows: ViewRows) -> None:
        """Take the views' versions, once, before the first row is read: rows
        read later are at least that new, so an unchanged version later means
        unchanged rows."""
        with self._lock:
            if self.versions is None:
                self.versions = rows.live_versions()

    def read(self, view: View[Any, Any], states: Iterable[Any], at: datetime) -> None:
        """`view`'s `states` were reported as of `at`."""
        until = self.until
        for state in states:
            turns = view.unchanged_until(state, at)
            if turns is not None and (until is None or turns < until):
                until = turns
        with self._lock:
            self.views.add(view.name)
            if until is not None and (self.until is None or until < self.until):
                self.until = until


@dataclass(frozen=True)
class ProjectionStatus:
    view: str
    position: int
    head: int
    failure: ViewFailure | None = None  # the event it cannot take, when it cannot

    @property
    def lag(self) -> int:
        return max(self.head - self.position, 0)


class Reader:
    def __init__(
        self,
        rapport: Rapport,
        rows: ViewRows,
        views: Sequence[View[Any, Any]],
        clock: Clock,
        max_page_size: int = 100,
    ) -> None:
        self.rapport = rapport
        self.rows = rows
        self.views = {view.name: view for view in views}
        self.clock = clock
        self.max_page_size = max_page_size

    def view(self, name: str) -> View[Any, Any]:
        return self.views[name]

    def page(
        self,
        principal: Principal,
        view_name: str,
        where: Mapping[str, Any],
        first: int,
        after: str | None,
        *,
        keep: Callable[[Any], bool] | None = None,
        reads: ViewsRead | None = None,
    ) -> Page[Any]:
        """A page of a view's reports, filtered by its columns (and by `keep`,
        for figures that depend on the moment), in cursor order; what it read is
        added to `reads`."""
        principal.require(Permission.READ)
        self.check_page_size(first)
        view = self.views[view_name]
        now = self.clock.now()
        order_by = "position" if view_name == "audit" else None
        if order_by:
            log_position(after)
        elif after is not None:
            require_line("after", after)
        for column, value in where.items():
            if isinstance(value, str):
                require_line(column, value)
        if principal.is_client and view_name == "audit":
            where = {**where, "internal": False}
        if reads is not None:
            reads.before_reading(self.rows)
            if principal.is_client:  # the page is scoped by the engagements' clients
                reads.read(self.views[SCOPE_VIEW], (), now)
        found: list[tuple[str, Any]] = []
        cursor = after
        while len(found) <= first:
            query = RowQuery(where, cursor, first + 1, principal.client_id, order_by)
            batch = self.rows.page(view, query)
            if reads is not None:
                reads.read(view, (state for _, state in batch), now)
            for key, state in batch:
                report = view.report(state, now)
                if keep is None or keep(report):
                    found.append((key, report))
            if len(batch) <= first:
                break
            cursor = batch[-1][0]
        return Page(found[:first], has_next=len(found) > first)

    def reports(
        self,
        principal: Principal,
        view_name: str,
        keys: Sequence[str],
        reads: ViewsRead | None = None,
    ) -> dict[str, Any]:
        """Reports of a view's rows by key, as of now; keys the principal may not
        see, or with no row, are left out. What it read is added to `reads`."""
        principal.require(Permission.READ)
        view = self.views[view_name]
        if reads is not None:
            reads.before_reading(self.rows)
        states = self.rows.by_keys(view, keys)
        if principal.is_client:
            states = self._in_scope(principal, states, reads)
        now = self.clock.now()
        if reads is not None:
            reads.read(view, states.values(), now)
        return {key: view.report(state, now) for key, state in states.items()}

    def reports_of(
        self,
        principal: Principal,
        keys: Mapping[str, Sequence[str]],
        reads: ViewsRead | None = None,
    ) -> dict[str, dict[str, Any]]:
        """`reports` of several views at once: view name to keys, and back to reports."""
        return {
            name: self.reports(principal, name, view_keys, reads)
            for name, view_keys in keys.items()
        }

    def team_rows(
        self,
        principal: Principal,
        view_name: str,
        keys: Sequence[str],
        reads: ViewsRead | None = None,
    ) -> dict[str, Any]:
        """Rows of a view of what belongs to no engagement (calendars, policies),
        by key; the service team's business, so a client sees none."""
        principal.require(Permission.READ)
        if principal.is_client:
            return {}
        return self.reports(principal, view_name, keys, reads)

    def team_page(
        self,
        principal: Principal,
        view_name: str,
        first: int,
        after: str | None,
        reads: ViewsRead | None = None,
    ) -> Page[Any]:
        """A page of such a view, in key order; empty for a client."""
        if principal.is_client:
            principal.require(Permission.READ)
            return Page([], has_next=False)
        return self.page(principal, view_name, {}, first, after, reads=reads)

    def _in_scope(
        self, principal: Principal, states: dict[str, Any], reads: ViewsRead | None
    ) -> dict[str, Any]:
        engagements = {str(state.engagement_id) for state in states.values()}
        if reads is not None:  # which engagements are the client's is read there
            reads.read(self.views[SCOPE_VIEW], (), self.clock.now())
        clients = self.rows.by_keys(self.views[SCOPE_VIEW], sorted(engagements))
        visible = {key for key, state in clients.items() if principal.sees_client(state.client_id)}
        return {key: s for key, s in states.items() if str(s.engagement_id) in visible}

    def check_engagement(self, principal: Principal, engagement_id: UUID) -> None:
        """NotFound unless the engagement exists and the principal may see it."""
        if not self.reports(principal, SCOPE_VIEW, [str(engagement_id)]):
            raise NotFound("engagement", engagement_id)

    def views_reached(self, principal: Principal, position: int) -> bool:
        """Wait (bounded) until every view has taken the log up to `position`.
        A client may name only the position of an event it can see: an answer
        about any other would tell it how far everyone's log has grown."""
        if principal.is_client and not self._sees_event(principal, position):
            raise NotFound("event", str(position))
        return self.rapport.wait_for_position(position, list(self.views))

    def _sees_event(self, principal: Principal, position: int) -> bool:
        logged, _ = read_log(self.rapport, position - 1, 1, stop=position)
        if not logged or logged[0].position != position or audit_entry(logged[0]).internal:
            return False
        try:
            self.check_engagement(principal, logged[0].engagement_id)
        except NotFound:
            return False
        return True

    def as_of(
        self,
        principal: Principal,
        engagement_id: UUID,
        at: datetime,
        axis: TimeAxis,
        view_names: Sequence[str],
    ) -> dict[str, dict[str, Any]]:
        """The named views of one engagement as they stood at `at`, folded from the log."""
        self.check_engagement(principal, engagement_id)
        views = [self.views[name] for name in view_names]
        reports = views_as_of(self.rapport, views, engagement_id, at, axis)
        if principal.is_client and "audit" in reports:
            trail = reports["audit"]
            reports["audit"] = {key: entry for key, entry in trail.items() if not entry.internal}
        return reports

    def events_after(
        self, principal: Principal, engagement_id: UUID, after: int
    ) -> list[AuditEntry]:
        """The engagement's events after log position `after`, read from the log
        itself (not the audit view), so a stream never waits on a projector."""
        self.check_engagement(principal, engagement_id)
        logged = engagement_log(
            self.rapport, engagement_id, _END_OF_TIME, TimeAxis.RECORDED, after=after
        )
        entries = [audit_entry(event) for event in logged]
        if principal.is_client:
            return [entry for entry in entries if not entry.internal]
        return entries

    def portfolio(self, principal: Principal, reads: ViewsRead | None = None) -> list[Any]:
        """Every engagement's portfolio row the principal may see, as of now."""
        return self._every_report(principal, SCOPE_VIEW, reads)

    def workload(self, principal: Principal, reads: ViewsRead | None = None) -> WorkloadReport:
        """Who carries what across every engagement the principal may see, as of now."""
        return combined(self._every_report(principal, "workload", reads))

    def _every_report(
        self, principal: Principal, view_name: str, reads: ViewsRead | None
    ) -> list[Any]:
        reports: list[Any] = []
        after: str | None = None
        while True:
            page = self.page(principal, view_name, {}, self.max_page_size, after, reads=reads)
            reports.extend(report for _, report in page.items)
            if not page.has_next:
                return reports
            after = page.items[-1][0]

    def projections(self, principal: Principal) -> list[ProjectionStatus]:
        """Each view's position, the head of the log and any failure: the
        service's own activity, which is no client's business."""
        principal.require(Permission.SEE_OPERATIONS)
        positions = self.rows.live_positions()
        failures = self.rows.failures()
        head = self.rapport.head()
        return [
            ProjectionStatus(name, positions.get(name, 0), head, failures.get(name))
            for name in self.views
        ]

    def check_page_size(self, first: int) -> None:
        if not 0 <= first <= self.max_page_size:
            raise InvalidValue("first", f"must be between 0 and {self.max_page_size}")


_LOG_POSITION = re.compile(r"[0-9]{1,18}")  # what a 64-bit position holds, in ASCII digits


def log_position(cursor: str | None) -> int | None:
    """A cursor that is a log position, as a number; refused unless it is one."""
    if cursor is None:
        return None
    if not _LOG_POSITION.fullmatch(cursor):
        raise InvalidValue("after", "is a log position: at most 18 digits 0-9")
    return int(cursor)
