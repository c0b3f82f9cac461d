"""Requirement mutations: one per command of `application.commands.requirement`."""

from __future__ import annotations

from application.commands import requirement as commands
from interfaces.graphql.mutations import area_mutations
from interfaces.graphql.requirements.types import Requirement

RequirementMutations = area_mutations(
    "Requirement",
    "requirement_rows",
    Requirement,
    [
        commands.CaptureRequirement,
        commands.AddAcceptanceCriterion,
        commands.RemoveAcceptanceCriterion,
        commands.ConfirmRequirement,
        commands.RequestRequirementChange,
        commands.StartRequirement,
        commands.DeliverRequirement,
        commands.AcceptRequirement,
        commands.RejectRequirement,
        commands.WithdrawRequirement,
    ],
)
