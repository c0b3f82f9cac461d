"""Commands on complaints and support tickets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar
from uuid import UUID

from application.commands.base import ChangeCommand, CreateCommand, Decision
from application.permissions import Permission
from domain.complaint import Complaint, ComplaintChannel, NoteVisibility
from domain.sla import Severity, SlaClock


@dataclass(frozen=True, kw_only=True)
class ReceiveComplaint(CreateCommand):
    """Due times come from the SLA policy in force when the complaint was received
    in the business (its occurred time), also when it is recorded later."""

    permission: ClassVar[Permission] = Permission.WORK_COMPLAINTS
    by_client: ClassVar[bool] = True  # a client issues it too

    engagement_id: UUID
    channel: ComplaintChannel
    severity: Severity
    category: str
    description: str

    def create(self, decision: Decision) -> Complaint:
        engagement = decision.open_engagement(self.engagement_id)
        return Complaint.receive(
            id=decision.new_id(),
            engagement_id=self.engagement_id,
            channel=self.channel,
            severity=self.severity,
            category=self.category,
            description=self.description,
            sla=decision.sla_terms(engagement, self.severity),
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class ComplaintCommand(ChangeCommand):
    permission: ClassVar[Permission] = Permission.WORK_COMPLAINTS
    target_class: ClassVar[type[Complaint]] = Complaint
    complaint_id: UUID

    @property
    def target_id(self) -> UUID:
        return self.complaint_id


@dataclass(frozen=True, kw_only=True)
class AcknowledgeComplaint(ComplaintCommand):
    """Give the client the first response: this stops the first-response clock."""

    agent: str
    message: str

    def change(self, complaint: Complaint, decision: Decision) -> None:
        complaint.acknowledge(agent=self.agent, message=self.message, stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class AssignComplaint(ComplaintCommand):
    """Assign an agent; an acknowledged or reopened complaint is then in progress."""

    agent: str

    def change(self, complaint: Complaint, decision: Decision) -> None:
        complaint.assign(agent=self.agent, stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class EscalateComplaint(ComplaintCommand):
    """Escalate to a higher level (1-5), saying why; a level never goes down."""

    level: int
    reason: str

    def change(self, complaint: Complaint, decision: Decision) -> None:
        complaint.escalate(level=self.level, reason=self.reason, stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class AddComplaintNote(ComplaintCommand):
    """Add a note to the complaint's thread; an internal note is never shown to the client."""

    visibility: NoteVisibility
    text: str

    def change(self, complaint: Complaint, decision: Decision) -> None:
        complaint.add_note(visibility=self.visibility, text=self.text, stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class WaitOnClient(ComplaintCommand):
    """Wait for the client's answer: the resolution clock pauses until the client replies."""

    reason: str

    def change(self, complaint: Complaint, decision: Decision) -> None:
        complaint.wait_on_client(reason=self.reason, stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class RecordClientReply(ComplaintCommand):
    """The client answered: the resolution clock runs again with the time it had left."""

    by_client: ClassVar[bool] = True  # a client issues it too

    message: str = ""

    def change(self, complaint: Complaint, decision: Decision) -> None:
        complaint.client_replied(message=self.message, stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class IdentifyRootCause(ComplaintCommand):
    """Record what caused the complaint, by category, with the analysis."""

    category: str
    analysis: str

    def change(self, complaint: Complaint, decision: Decision) -> None:
        complaint.identify_root_cause(
            category=self.category, analysis=self.analysis, stamp=decision.stamp
        )


@dataclass(frozen=True, kw_only=True)
class ResolveComplaint(ComplaintCommand):
    """Resolve the complaint, saying how, and what will keep it from happening again; this
    stops the resolution clock."""

    resolution: str
    corrective_action: str = ""

    def change(self, complaint: Complaint, decision: Decision) -> None:
        complaint.resolve(
            resolution=self.resolution,
            corrective_action=self.corrective_action,
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class ReopenComplaint(ComplaintCommand):
    """Reopen a resolved complaint, saying why: a new resolution cycle starts with a full
    target."""

    reason: str

    def change(self, complaint: Complaint, decision: Decision) -> None:
        complaint.reopen(reason=self.reason, stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class CloseComplaint(ComplaintCommand):
    """Close a resolved complaint, with whether the client confirmed the fix and its
    satisfaction score."""

    client_confirmed: bool
    csat: int | None = None

    def change(self, complaint: Complaint, decision: Decision) -> None:
        complaint.close(
            client_confirmed=self.client_confirmed, csat=self.csat, stamp=decision.stamp
        )


@dataclass(frozen=True, kw_only=True)
class RecordSlaBreach(ComplaintCommand):
    """Record that an SLA clock is past its due time unmet; once per clock and cycle. The
    watchdog does this by itself."""

    clock: SlaClock

    def change(self, complaint: Complaint, decision: Decision) -> None:
        complaint.record_sla_breach(clock=self.clock, stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class WatchSla(ComplaintCommand):
    """Record what the complaint's SLA clocks owe now: breaches, warnings and the
    escalations its policy's rules call for. Issued by the SLA watchdog; records
    nothing when nothing is owed."""

    def change(self, complaint: Complaint, decision: Decision) -> None:
        complaint.watch_sla(stamp=decision.stamp)
