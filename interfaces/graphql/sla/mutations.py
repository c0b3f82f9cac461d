"""Calendar and policy mutations: one per command of `application.commands.sla`."""

from __future__ import annotations

from application.commands import sla as commands
from interfaces.graphql.mutations import area_mutations
from interfaces.graphql.sla.queries import CALENDARS, POLICIES
from interfaces.graphql.sla.types import BusinessCalendar, SlaPolicy

BusinessCalendarMutations = area_mutations(
    "BusinessCalendar",
    CALENDARS,
    BusinessCalendar,
    [commands.DefineBusinessCalendar, commands.ReviseBusinessCalendar],
)
SlaPolicyMutations = area_mutations(
    "SlaPolicy", POLICIES, SlaPolicy, [commands.DefineSlaPolicy, commands.ReviseSlaPolicy]
)
