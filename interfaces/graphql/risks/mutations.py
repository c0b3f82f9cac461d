"""Risk mutations: one per command of `application.commands.risk`."""

from __future__ import annotations

from application.commands import risk as commands
from interfaces.graphql.mutations import area_mutations
from interfaces.graphql.risks.types import Risk

RiskMutations = area_mutations(
    "Risk",
    "risk_rows",
    Risk,
    [
        commands.IdentifyRisk,
        commands.AssessRisk,
        commands.PlanRiskResponse,
        commands.ReviewRisk,
        commands.RecordRiskOccurrence,
        commands.CloseRisk,
    ],
)
