"""Workload across every engagement the caller may see."""

from __future__ import annotations

import strawberry

from interfaces.graphql.context import Info
from interfaces.graphql.workload.types import Workload


@strawberry.type
class WorkloadQueries:
    @strawberry.field(
        description="Who carries what across every engagement you may see, now: each "
        "person's open and overdue complaints and requirements in progress. An engagement's "
        "own, also as of a moment, is `Engagement.workload`."
    )
    async def workload(self, info: Info) -> Workload:
        context = info.context
        report = await context.read_views(context.services.reader.workload, context.principal)
        return Workload.of(report)
