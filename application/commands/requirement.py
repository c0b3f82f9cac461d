"""Commands on requirements: what the client asked for, from capture to acceptance."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar
from uuid import UUID

from application.commands.base import ChangeCommand, CreateCommand, Decision
from application.permissions import Permission
from domain.requirement import Requirement, RequirementPriority, RequirementSource


@dataclass(frozen=True, kw_only=True)
class CaptureRequirement(CreateCommand):
    """Capture what the client asked for: title, description, where it came from, its priority
    and who asked."""

    permission: ClassVar[Permission] = Permission.WORK_REQUIREMENTS

    engagement_id: UUID
    title: str
    description: str = ""
    source: RequirementSource
    priority: RequirementPriority
    requested_by: str

    def create(self, decision: Decision) -> Requirement:
        decision.open_engagement(self.engagement_id)
        return Requirement.capture(
            id=decision.new_id(),
            engagement_id=self.engagement_id,
            title=self.title,
            description=self.description,
            source=self.source,
            priority=self.priority,
            requested_by=self.requested_by,
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class RequirementCommand(ChangeCommand):
    permission: ClassVar[Permission] = Permission.WORK_REQUIREMENTS
    target_class: ClassVar[type[Requirement]] = Requirement
    requirement_id: UUID

    @property
    def target_id(self) -> UUID:
        return self.requirement_id


@dataclass(frozen=True, kw_only=True)
class AddAcceptanceCriterion(RequirementCommand):
    """Add a criterion the delivered work must meet; only until the requirement is confirmed."""

    text: str

    def change(self, requirement: Requirement, decision: Decision) -> None:
        requirement.add_acceptance_criterion(
            criterion_id=decision.new_id(), text=self.text, stamp=decision.stamp
        )


@dataclass(frozen=True, kw_only=True)
class RemoveAcceptanceCriterion(RequirementCommand):
    """Remove an acceptance criterion; only until the requirement is confirmed."""

    criterion_id: UUID

    def change(self, requirement: Requirement, decision: Decision) -> None:
        requirement.remove_acceptance_criterion(
            criterion_id=self.criterion_id, stamp=decision.stamp
        )


@dataclass(frozen=True, kw_only=True)
class ConfirmRequirement(RequirementCommand):
    """The client confirms the requirement and its criteria (at least one)."""

    by_client: ClassVar[bool] = True  # a client issues it too

    confirmed_by: str

    def change(self, requirement: Requirement, decision: Decision) -> None:
        requirement.confirm(confirmed_by=self.confirmed_by, stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class RequestRequirementChange(RequirementCommand):
    """The client asks for a change: a new description, to be confirmed again."""

    reason: str
    new_description: str

    def change(self, requirement: Requirement, decision: Decision) -> None:
        requirement.request_change(
            reason=self.reason, new_description=self.new_description, stamp=decision.stamp
        )


@dataclass(frozen=True, kw_only=True)
class StartRequirement(RequirementCommand):
    """Start work on a confirmed (or rejected) requirement."""

    def change(self, requirement: Requirement, decision: Decision) -> None:
        requirement.start(stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class DeliverRequirement(RequirementCommand):
    """Deliver the work, with evidence of it."""

    evidence: str

    def change(self, requirement: Requirement, decision: Decision) -> None:
        requirement.deliver(evidence=self.evidence, stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class AcceptRequirement(RequirementCommand):
    """The client accepts the delivery; every acceptance criterion must be met."""

    by_client: ClassVar[bool] = True  # a client issues it too

    accepted_by: str
    met_criterion_ids: tuple[UUID, ...]

    def change(self, requirement: Requirement, decision: Decision) -> None:
        requirement.accept(
            accepted_by=self.accepted_by,
            met_criterion_ids=list(self.met_criterion_ids),
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class RejectRequirement(RequirementCommand):
    """The client rejects the delivery, naming the criteria it does not meet; work starts
    again."""

    by_client: ClassVar[bool] = True  # a client issues it too

    reason: str
    unmet_criterion_ids: tuple[UUID, ...]

    def change(self, requirement: Requirement, decision: Decision) -> None:
        requirement.reject(
            reason=self.reason,
            unmet_criterion_ids=list(self.unmet_criterion_ids),
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class WithdrawRequirement(RequirementCommand):
    """Withdraw the requirement, saying why; from any state but accepted or withdrawn."""

    reason: str

    def change(self, requirement: Requirement, decision: Decision) -> None:
        requirement.withdraw(reason=self.reason, stamp=decision.stamp)
