"""What each field of a mutation's input means, for integrators.

Mutation inputs are read off the commands' fields (`interfaces.graphql.mutations`),
so their descriptions are kept here, by field name; where one name means
something else in one input, that input's own entry wins. A command field may
also carry its own (`dataclasses.field(metadata={"description": ...})`), which
wins over both. A command field with no description stops the schema from
being built: every input field an integrator sees is explained.
"""

from __future__ import annotations

# By the GraphQL field name, for every input that has the field.
FIELDS: dict[str, str] = {
    # Whose, and which
    "engagementId": "The engagement's id.",
    "complaintId": "The complaint's id.",
    "requirementId": "The requirement's id.",
    "riskId": "The risk's id.",
    "calendarId": "The business calendar's id.",
    "policyId": "The SLA policy's id.",
    "milestoneId": "The milestone's id, as `createdIds` gave it when it was planned.",
    "objectiveId": "The objective's id, as `createdIds` gave it when it was set.",
    "criterionId": "The acceptance criterion's id, as `createdIds` gave it when it was added.",
    "metCriterionIds": "The acceptance criteria the delivery meets: every one of them.",
    "unmetCriterionIds": "The acceptance criteria the delivery does not meet (at least one).",
    "linkedComplaintId": "The complaint the occurrence led to, if any.",
    "clientId": "The client's id, from your own systems: a client token sees only its "
    "client's engagements.",
    # People
    "agent": "The agent, as your team names people (one line).",
    "person": "The team member, as your team names people (one line).",
    "owner": "Who owns it, as your team names people (one line).",
    "requestedBy": "Who asked for it, at the client (one line).",
    "confirmedBy": "Who confirmed it at the client (one line).",
    "acceptedBy": "Who accepted it at the client (one line).",
    "respondent": "Who answered, if known (one line).",
    "attendees": "Who attended, one name each.",
    "audience": "Who receives the reports, one name each.",
    # Names and short texts
    "title": "A short title (one line, at most 200 characters).",
    "name": "A short name (one line, at most 200 characters).",
    "clientName": "The client's name (one line).",
    "area": "The area of work the role covers, e.g. billing (one line).",
    "metric": "What is measured, e.g. hours to first response (one line).",
    "cadence": "How often, e.g. weekly (one line).",
    "channels": "Through which channels, e.g. email, one each.",
    "channel": "Through which channel the client answered, e.g. email (one line).",
    "timeZone": "An IANA time zone, e.g. Europe/Berlin.",
    # Prose: several lines allowed, up to 10,000 characters
    "description": "What it is about (may span lines).",
    "reason": "Why, in the team's words (may span lines); kept in the history.",
    "message": "What was said to the client (may span lines).",
    "text": "The text (may span lines).",
    "analysis": "The analysis of the cause (may span lines).",
    "resolution": "How it was resolved (may span lines).",
    "correctiveAction": "What will keep it from happening again (may span lines).",
    "agenda": "The agenda (may span lines).",
    "minutes": "The minutes (may span lines).",
    "summary": "The summary (may span lines).",
    "nextSteps": "The next steps (may span lines).",
    "note": "A note on it (may span lines).",
    "notes": "The review's notes (may span lines).",
    "comment": "The client's comment (may span lines).",
    "evidence": "Where to see the delivered work: a link, a build, a document.",
    "newDescription": "The requirement as it should now read (may span lines).",
    "outcome": "How the engagement ended (may span lines).",
    "evaluation": "The team's evaluation of the engagement (may span lines).",
    "lessonsLearned": "What the team learned, one lesson each.",
    "forceReason": "Why to close although complaints are open or must requirements "
    "unaccepted; without it such a close is refused, naming them.",
    "objectives": "What the engagement is for, one objective each.",
    "actions": "What will be done, one action each.",
    "contingencyPlan": "What to do if the risk happens (may span lines).",
    "whatHappened": "What happened (may span lines).",
    "actionItems": "What was agreed to do, each with an owner and a due date.",
    # Dates and times
    "plannedStart": "The planned first day.",
    "plannedEnd": "The planned last day, not before the first.",
    "dueOn": "The day it is due.",
    "heldOn": "The day it was held; not after the day the event is recorded for.",
    "incurredOn": "The day the cost was incurred; not after the day the event is recorded for.",
    "periodStart": "The first day of the period reported on.",
    "periodEnd": "The last day of the period reported on.",
    "nextReviewOn": "When to review the risk next.",
    "holidays": "Days off, in the calendar's time zone.",
    "start": "The interval's start, HH:MM in the calendar's time zone.",
    "end": "The interval's end, HH:MM; 24:00 is the end of the day.",
    "day": "The weekday.",
    "hours": "Working intervals, each a weekday and a start and end time; several a day "
    "are allowed (a lunch break), but none across midnight.",
    # Money, numbers and choices
    "budget": "The budget, in the engagement's currency, as a decimal string with at most "
    'the currency\'s minor-unit places (e.g. "120000.00" for EUR).',
    "newBudget": "The new budget, in the engagement's currency, as a decimal string with at "
    "most the currency's minor-unit places.",
    "amount": "The amount, more than zero, in the engagement's currency, as a decimal "
    'string with at most the currency\'s minor-unit places (e.g. "1250.00" for EUR).',
    "currency": "The engagement's currency: an ISO 4217 code such as EUR, USD or JPY.",
    "target": "The target value of the metric, as a decimal string.",
    "actual": "The measured value of the metric, as a decimal string.",
    "weight": "The milestone's weight, more than zero, as a decimal string: milestones "
    "share the planned value by weight.",
    "level": "The escalation level, 1 to 5.",
    "probability": "How likely the risk is, 1 (rare) to 5 (almost certain).",
    "impact": "How much it would hurt, 1 (negligible) to 5 (severe).",
    "csat": "Customer satisfaction, 1 (very unsatisfied) to 5 (very satisfied).",
    "nps": "How likely the client is to recommend the team, 0 to 10.",
    "clientConfirmed": "Whether the client confirmed the fix.",
    "severity": "How serious it is.",
    "severities": "The severities the rule covers; empty: every severity.",
    "visibility": "Who may read it: INTERNAL notes are never shown to a client.",
    "role": "The RACI role.",
    "rag": "The report's traffic light.",
    "source": "Where the requirement came from.",
    "priority": "Its MoSCoW priority.",
    "strategy": "How the risk is answered.",
    "clock": "Which SLA clock.",
    "category": "What kind it is.",
    "targets": "First-response and resolution targets per severity.",
    "firstResponseMinutes": "Minutes of the policy's time until the first response is due.",
    "resolutionMinutes": "Minutes of the policy's time until the resolution is due.",
    "warningPercent": "Warn when a clock has used this share of its target, 1 to 99; "
    "null: no warnings.",
    "escalationRules": "What to escalate to on a breach or a warning.",
    "removeCalendar": "Count the policy's time on the wall clock from now on.",
    "removeWarning": "Give no warnings from now on.",
    "removeEscalationRules": "Escalate nothing by rule from now on.",
    "removeHolidays": "Keep no holidays from now on.",
}

# Where a name means something else in one input: by input type, then field.
IN_INPUT: dict[str, dict[str, str]] = {
    "ReceiveComplaintInput": {
        "channel": "How the complaint reached the team.",
        "category": "The complaint's category, as your team sorts them, e.g. billing (one line).",
        "description": "What the client complains about (may span lines).",
    },
    "RecordClientReplyInput": {
        "message": "What the client said (may span lines).",
    },
    "RejectRequirementInput": {
        "reason": "Why the client rejects the delivery, in the client's words (may span lines).",
    },
    "IdentifyRootCauseInput": {
        "category": "The cause's category, as your team sorts them, e.g. process (one line).",
    },
    "RecordCostInput": {"category": "What the cost was spent on."},
    "IdentifyRiskInput": {"category": "What kind of risk it is."},
    "PlanRiskResponseInput": {
        "trigger": "What shows the risk is about to happen (may span lines).",
    },
    "EscalationRuleInput": {"trigger": "What the rule reacts to: a breach or a warning."},
    "ActionItemInput": {"owner": "Who will do it (one line)."},
    "ReviseSlaPolicyInput": {
        "targets": "Targets of the severities to change; the others keep theirs.",
        "calendarId": "The business calendar to count the policy's time on from now on; "
        "null: keep the one it has.",
        "warningPercent": "The new warning share, 1 to 99; null: keep the one it has.",
        "escalationRules": "Rules that replace all the present ones; empty: keep them.",
    },
    "ReviseBusinessCalendarInput": {
        "timeZone": "The new time zone; null: keep the one it has.",
        "hours": "The whole week's working intervals (a day left out is a day off); "
        "empty: keep the present hours.",
        "holidays": "Holidays that replace all the present ones; empty: keep them.",
    },
}


def description(input_name: str, field_name: str) -> str:
    """The description of one field of a generated input type."""
    found = IN_INPUT.get(input_name, {}).get(field_name) or FIELDS.get(field_name)
    if found is None:
        raise LookupError(f"{input_name}.{field_name} has no description: add one in {__name__}")
    return found
