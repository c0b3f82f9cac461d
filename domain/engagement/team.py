"""The team: each person's role (RACI) in an area of the engagement."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from domain.base import EventSourcedAggregate, Stamp, require_choice, require_line
from domain.engagement.part import EngagementPart
from domain.errors import RuleViolation


class MemberRole(StrEnum):
    RESPONSIBLE = "responsible"
    ACCOUNTABLE = "accountable"
    CONSULTED = "consulted"
    INFORMED = "informed"


@dataclass(frozen=True)
class Member:
    """A person's role (RACI) in one area of the engagement."""

    person: str
    role: MemberRole
    area: str

    def same_as(self, other: Member) -> bool:
        # Case-insensitive, so "Support" and "support" are one area, and one person.
        return (
            self.role is other.role
            and self.person.casefold() == other.person.casefold()
            and self.area.casefold() == other.area.casefold()
        )


class TeamPart(EngagementPart):
    members: list[Member]

    class MemberAssigned(EventSourcedAggregate.Event):
        person: str
        role: MemberRole
        area: str

        def apply(self, engagement: Any) -> None:
            engagement.members.append(Member(self.person, self.role, self.area))

    def assign_member(
        self, *, person: str, role: MemberRole | str, area: str, stamp: Stamp
    ) -> None:
        """Assign a person a role in an area; an area has at most one accountable person."""
        self._require_editable("assign a member")
        member = _member(person, role, area)
        if self._find_member(member) is not None:
            raise RuleViolation(
                "engagement.member_assigned_once",
                f"{member.person} is already {member.role.value} for {member.area}",
            )
        if member.role is MemberRole.ACCOUNTABLE:
            self._require_no_accountable(member.area)
        self._record(
            self.MemberAssigned, stamp, person=member.person, role=member.role, area=member.area
        )

    class MemberReleased(EventSourcedAggregate.Event):
        person: str
        role: MemberRole
        area: str

        def apply(self, engagement: Any) -> None:
            released = Member(self.person, self.role, self.area)
            engagement.members = [m for m in engagement.members if not m.same_as(released)]

    def release_member(
        self, *, person: str, role: MemberRole | str, area: str, stamp: Stamp
    ) -> None:
        self._require_editable("release a member")
        asked = _member(person, role, area)
        member = self._find_member(asked)
        if member is None:
            raise RuleViolation(
                "engagement.release_assigned_member",
                f"{asked.person} is not {asked.role.value} for {asked.area}",
            )
        # Record the assignment as it was stored, whatever the caller's spelling.
        self._record(
            self.MemberReleased, stamp, person=member.person, role=member.role, area=member.area
        )

    def _find_member(self, wanted: Member) -> Member | None:
        return next((m for m in self.members if m.same_as(wanted)), None)

    def _require_no_accountable(self, area: str) -> None:
        for member in self.members:
            if member.role is MemberRole.ACCOUNTABLE and member.area.casefold() == area.casefold():
                raise RuleViolation(
                    "engagement.one_accountable_per_area",
                    f"{member.person} is already accountable for {member.area}",
                    subjects=(member.person,),
                )


def _member(person: str, role: MemberRole | str, area: str) -> Member:
    return Member(
        person=require_line("person", person),
        role=require_choice("role", role, MemberRole),
        area=require_line("area", area),
    )
