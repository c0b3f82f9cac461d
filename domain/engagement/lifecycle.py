"""An engagement's lifecycle: planned, started, put on hold and resumed, closed
(refused while complaints or must requirements are open, unless forced), archived."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.base import (
    EventSourcedAggregate,
    Stamp,
    optional_text,
    require_state,
    require_text,
    require_texts,
)
from domain.engagement.part import RUNNING_STATES, EngagementPart, EngagementState
from domain.errors import RuleViolation


class LifecyclePart(EngagementPart):
    hold_reason: str
    outcome: str
    evaluation: str
    lessons_learned: tuple[str, ...]
    forced_close_reason: str

    class Started(EventSourcedAggregate.Event):
        def apply(self, engagement: Any) -> None:
            engagement.state = EngagementState.ACTIVE

    def start(self, *, stamp: Stamp) -> None:
        require_state(
            "engagement.start_when_planned",
            self.state,
            (EngagementState.PLANNED,),
            "start an engagement",
        )
        self._record(self.Started, stamp)

    class PutOnHold(EventSourcedAggregate.Event):
        reason: str

        def apply(self, engagement: Any) -> None:
            engagement.state = EngagementState.ON_HOLD
            engagement.hold_reason = self.reason

    def put_on_hold(self, *, reason: str, stamp: Stamp) -> None:
        require_state(
            "engagement.hold_when_active",
            self.state,
            (EngagementState.ACTIVE,),
            "put an engagement on hold",
        )
        self._record(self.PutOnHold, stamp, reason=require_text("reason", reason))

    class Resumed(EventSourcedAggregate.Event):
        def apply(self, engagement: Any) -> None:
            engagement.state = EngagementState.ACTIVE
            engagement.hold_reason = ""

    def resume(self, *, stamp: Stamp) -> None:
        require_state(
            "engagement.resume_when_on_hold",
            self.state,
            (EngagementState.ON_HOLD,),
            "resume an engagement",
        )
        self._record(self.Resumed, stamp)

    class Closed(EventSourcedAggregate.Event):
        outcome: str
        evaluation: str
        lessons_learned: tuple[str, ...]
        force_reason: str
        overridden_complaint_ids: tuple[UUID, ...]
        overridden_must_ids: tuple[UUID, ...]

        def apply(self, engagement: Any) -> None:
            engagement.state = EngagementState.CLOSED
            engagement.outcome = self.outcome
            engagement.evaluation = self.evaluation
            engagement.lessons_learned = self.lessons_learned
            engagement.forced_close_reason = self.force_reason
            engagement.hold_reason = ""

    def close(
        self,
        *,
        outcome: str,
        evaluation: str,
        lessons_learned: list[str] | tuple[str, ...],
        open_complaint_ids: list[UUID] | tuple[UUID, ...],
        unaccepted_must_ids: list[UUID] | tuple[UUID, ...],
        force_reason: str = "",
        stamp: Stamp,
    ) -> None:
        """Close the engagement.

        The application gathers the open complaints and unaccepted *must* requirements;
        any of them refuses the close (naming them) unless `force_reason` is given,
        in which case the event records the reason and the ids it overrode.
        """
        require_state("engagement.close_when_running", self.state, RUNNING_STATES, "close")
        complaints = tuple(dict.fromkeys(open_complaint_ids))
        musts = tuple(dict.fromkeys(unaccepted_must_ids))
        reason = optional_text("forceReason", force_reason)
        fields = {
            "outcome": require_text("outcome", outcome),
            "evaluation": optional_text("evaluation", evaluation),
            "lessons_learned": require_texts("lessonsLearned", lessons_learned),
        }
        if not reason:
            _refuse_open_items(complaints, musts)
        self._record(
            self.Closed,
            stamp,
            **fields,
            force_reason=reason,
            overridden_complaint_ids=complaints,
            overridden_must_ids=musts,
        )

    class Archived(EventSourcedAggregate.Event):
        def apply(self, engagement: Any) -> None:
            engagement.state = EngagementState.ARCHIVED

    def archive(self, *, stamp: Stamp) -> None:
        require_state(
            "engagement.archive_when_closed", self.state, (EngagementState.CLOSED,), "archive"
        )
        self._record(self.Archived, stamp)


def _refuse_open_items(complaints: tuple[UUID, ...], musts: tuple[UUID, ...]) -> None:
    if not complaints and not musts:
        return
    blockers = []
    if complaints:
        blockers.append("open complaints " + ", ".join(str(c) for c in complaints))
    if musts:
        blockers.append("unaccepted must requirements " + ", ".join(str(m) for m in musts))
    raise RuleViolation(
        "engagement.close_with_open_items",
        f"cannot close with {' and '.join(blockers)}; give a force reason to close anyway",
        subjects=tuple(str(i) for i in (*complaints, *musts)),
    )
