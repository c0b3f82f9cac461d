"""A kind of aggregate added through its one declaration (`application.kinds`):
a throw-away kind of this module, with its own class and commands, is
permitted for the roles its permission grants, recorded with its index rows,
projected into the audit trail, and refused for every other role; on SQLite
and PostgreSQL. Its GraphQL area, declared beside the others, puts one
mutation per command into the schema, offered to the roles that may run it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar
from uuid import UUID

import pytest
import strawberry

from application.access import Principal, Role
from application.commands.base import ChangeCommand, CommandMeta, CreateCommand, Decision
from application.errors import Forbidden
from application.kinds import KINDS, Kind, commands_in, its_engagement
from application.permissions import Permission
from application.service import Rapport
from domain.base import EventSourcedAggregate, Stamp, require_line
from interfaces.bootstrap import ViewRuntime
from interfaces.graphql.areas import AREAS, Area
from interfaces.graphql.mutations import area_mutations
from interfaces.graphql.permissions import runnable_mutations
from interfaces.graphql.schema import build_schema
from tests.builders import CLIENT_ID, open_engagement


class Parcel(EventSourcedAggregate):
    """Something sent to the client during an engagement."""

    engagement_id: UUID
    label: str
    delivered: bool

    class Sent(EventSourcedAggregate.Created):
        engagement_id: UUID
        label: str

    def __init__(self, engagement_id: UUID, label: str) -> None:
        self.engagement_id = engagement_id
        self.label = label
        self.delivered = False

    @classmethod
    def send(cls, *, id: UUID, engagement_id: UUID, label: str, stamp: Stamp) -> Parcel:
        return cls._start_stream(
            cls.Sent, id, stamp, engagement_id=engagement_id, label=require_line("label", label)
        )

    class Delivered(EventSourcedAggregate.Event):
        def apply(self, parcel: Any) -> None:
            parcel.delivered = True

    def deliver(self, stamp: Stamp) -> None:
        self._record(self.Delivered, stamp)


@dataclass(frozen=True, kw_only=True)
class SendParcel(CreateCommand):
    """Send the client a parcel."""

    permission: ClassVar[Permission] = Permission.WORK_COMPLAINTS
    engagement_id: UUID
    label: str = field(metadata={"description": "What the parcel holds (one line)."})

    def create(self, decision: Decision) -> Parcel:
        decision.open_engagement(self.engagement_id)
        return Parcel.send(
            id=decision.new_id(),
            engagement_id=self.engagement_id,
            label=self.label,
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class DeliverParcel(ChangeCommand):
    """Record that a parcel arrived."""

    permission: ClassVar[Permission] = Permission.WORK_COMPLAINTS
    by_client: ClassVar[bool] = True  # the client says it arrived
    target_class: ClassVar[type[Parcel]] = Parcel
    parcel_id: UUID = field(metadata={"description": "The parcel's id."})

    @property
    def target_id(self) -> UUID:
        return self.parcel_id

    def change(self, parcel: Parcel, decision: Decision) -> None:
        parcel.deliver(decision.stamp)


PARCEL = Kind(Parcel, commands_in(sys.modules[__name__]), its_engagement)


@pytest.fixture
def parcels() -> Iterator[Kind]:
    KINDS.declare(PARCEL)
    try:
        yield PARCEL
    finally:
        KINDS.withdraw(PARCEL)


@pytest.fixture
def parcel_app(parcels: Kind, app: Rapport) -> Rapport:
    return app  # declared first, so the application knows the kind


def as_role(role: Role) -> CommandMeta:
    client = CLIENT_ID if role is Role.CLIENT else None
    principal = Principal(f"{role.value}-one", role, client)
    return CommandMeta(actor=principal.actor, principal=principal)


def test_a_kind_declared_once_is_permitted_recorded_projected_and_refused_by_role(
    parcel_app: Rapport, runtime: ViewRuntime
) -> None:
    app = parcel_app
    engagement_id = open_engagement(app)
    assert {c.__name__ for c in PARCEL.commands} == {"SendParcel", "DeliverParcel"}

    for role in (Role.VIEWER, Role.CLIENT):
        with pytest.raises(Forbidden):
            app.execute(SendParcel(engagement_id=engagement_id, label="Kit"), as_role(role))
    sent = app.execute(SendParcel(engagement_id=engagement_id, label="Kit"), as_role(Role.AGENT))
    (parcel_id,) = sent.created_ids
    with pytest.raises(Forbidden):
        app.execute(DeliverParcel(parcel_id=parcel_id), as_role(Role.VIEWER))
    app.execute(DeliverParcel(parcel_id=parcel_id), as_role(Role.CLIENT))

    parcel = app.get(parcel_id, Parcel)
    assert isinstance(parcel, Parcel) and parcel.delivered
    assert app.kind(parcel_id) == "parcel"
    runtime.projector().catch_up()
    trail = runtime.reader().page(
        Principal("auditor", Role.VIEWER), "audit", {"engagement_id": engagement_id}, 50, None
    )
    parcel_events = [
        (report.aggregate_type, report.event_type, report.actor)
        for _, report in trail.items
        if report.aggregate_id == parcel_id
    ]
    assert parcel_events == [
        ("parcel", "Parcel.Sent", "agent-one"),
        ("parcel", "Parcel.Delivered", "client-one"),
    ]


def test_a_kind_whose_command_names_no_permission_is_refused_when_declared() -> None:
    @dataclass(frozen=True, kw_only=True)
    class Unguarded(ChangeCommand):
        target_class: ClassVar[type[Parcel]] = Parcel
        parcel_id: UUID

        @property
        def target_id(self) -> UUID:
            return self.parcel_id

        def change(self, parcel: Parcel, decision: Decision) -> None:
            parcel.deliver(decision.stamp)

    with pytest.raises(ValueError, match="Unguarded names no permission"):
        KINDS.declare(Kind(Parcel, (Unguarded,), its_engagement))
    assert "parcel" not in KINDS.names()


def test_every_command_belongs_to_exactly_one_declared_kind() -> None:
    declared = [command for kind in KINDS for command in kind.commands]
    assert len(declared) == len(set(declared))
    assert all(isinstance(command.permission, Permission) for command in declared)


@strawberry.type(name="Parcel")
class ParcelNode:
    """A parcel as its view would show it; this test gives the kind no view, so
    no answer here asks for it."""

    label: str

    @staticmethod
    def of(report: Any) -> ParcelNode:
        return ParcelNode(label=report.label)


def test_a_declared_kind_joins_the_schema_through_its_graphql_area(parcels: Kind) -> None:
    parcel_area = Area(
        mutations=area_mutations("Parcel", "parcel_rows", ParcelNode, [SendParcel, DeliverParcel]),
        kind=parcels,
    )
    schema = build_schema(areas=(*AREAS, parcel_area))
    sdl = schema.as_str()
    assert "sendParcel(input: SendParcelInput!): ParcelResult!" in sdl
    assert "deliverParcel(input: DeliverParcelInput!): ParcelResult!" in sdl

    def offered(role: Role) -> set[str]:
        client_id = CLIENT_ID if role is Role.CLIENT else None
        names = runnable_mutations(schema, Principal("x", role, client_id))
        return {name for name in names if name.endswith("Parcel")}

    assert offered(Role.AGENT) == offered(Role.MANAGER) == {"sendParcel", "deliverParcel"}
    assert offered(Role.CLIENT) == {"deliverParcel"}
    assert offered(Role.VIEWER) == set()
    assert "sendParcel" not in build_schema().as_str()  # the declared schema is untouched
