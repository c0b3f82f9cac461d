"""Engagement mutations: one per command of `application.commands.engagement`."""

from __future__ import annotations

from application.commands import engagement as commands
from interfaces.graphql.engagements.types import Engagement
from interfaces.graphql.mutations import area_mutations

EngagementMutations = area_mutations(
    "Engagement",
    "portfolio",
    Engagement,
    [
        commands.OpenEngagement,
        commands.SetObjective,
        commands.RecordObjectiveResult,
        commands.PlanMilestone,
        commands.RescheduleMilestone,
        commands.CompleteMilestone,
        commands.AssignMember,
        commands.ReleaseMember,
        commands.ChooseSlaPolicy,
        commands.SetCommunicationPlan,
        commands.LogMeeting,
        commands.PublishStatusReport,
        commands.RecordCost,
        commands.ReviseBudget,
        commands.RecordSurveyResponse,
        commands.StartEngagement,
        commands.PutEngagementOnHold,
        commands.ResumeEngagement,
        commands.CloseEngagement,
        commands.ArchiveEngagement,
    ],
)
