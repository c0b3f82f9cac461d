"""Complaint mutations: one per command of `application.commands.complaint`."""

from __future__ import annotations

from application.commands import complaint as commands
from interfaces.graphql.complaints.types import Complaint
from interfaces.graphql.mutations import area_mutations

ComplaintMutations = area_mutations(
    "Complaint",
    "complaint_rows",
    Complaint,
    [
        commands.ReceiveComplaint,
        commands.AcknowledgeComplaint,
        commands.AssignComplaint,
        commands.EscalateComplaint,
        commands.AddComplaintNote,
        commands.WaitOnClient,
        commands.RecordClientReply,
        commands.IdentifyRootCause,
        commands.ResolveComplaint,
        commands.ReopenComplaint,
        commands.CloseComplaint,
        commands.RecordSlaBreach,
        commands.WatchSla,
    ],
)
