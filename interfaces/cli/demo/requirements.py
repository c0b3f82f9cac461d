"""The demo's requirements, each from capture through its life; times are days before now.

Between them they end in every state: accepted (straight through, after a change
request and re-confirmation, after a rejection and a redo), withdrawn, rejected,
delivered, in progress, confirmed, change requested, and just captured. The
client's confirmations and verdicts are signed by the step's actor.
"""

from __future__ import annotations

from application.commands.requirement import (
    AcceptRequirement,
    AddAcceptanceCriterion,
    CaptureRequirement,
    ConfirmRequirement,
    DeliverRequirement,
    RejectRequirement,
    RequestRequirementChange,
    StartRequirement,
    WithdrawRequirement,
)
from domain.requirement import RequirementPriority, RequirementSource
from interfaces.cli.demo.cast import AISHA, CLAIRE, ERIK, JONAS, JULIEN, KARIN, SOFIE, TOMAS
from interfaces.cli.demo.engagement_data import BACKLOG, CARE, STORES
from interfaces.cli.demo.timeline import Act, Build, Timeline


def criterion(text: str) -> Act:
    return lambda r, key, actor: AddAcceptanceCriterion(requirement_id=r[key], text=text)


def confirm() -> Act:
    return lambda r, key, actor: ConfirmRequirement(requirement_id=r[key], confirmed_by=actor)


def change(reason: str, new_description: str) -> Act:
    return lambda r, key, actor: RequestRequirementChange(
        requirement_id=r[key], reason=reason, new_description=new_description
    )


def start() -> Act:
    return lambda r, key, actor: StartRequirement(requirement_id=r[key])


def deliver(evidence: str) -> Act:
    return lambda r, key, actor: DeliverRequirement(requirement_id=r[key], evidence=evidence)


def accept() -> Act:
    """Accept with every current criterion met."""
    return lambda r, key, actor: AcceptRequirement(
        requirement_id=r[key], accepted_by=actor, met_criterion_ids=r.criteria(key)
    )


def reject(reason: str, unmet: str) -> Act:
    """Reject, naming the criterion whose text starts with `unmet`."""
    return lambda r, key, actor: RejectRequirement(
        requirement_id=r[key], reason=reason, unmet_criterion_ids=(r.criterion(key, unmet),)
    )


def withdraw(reason: str) -> Act:
    return lambda r, key, actor: WithdrawRequirement(requirement_id=r[key], reason=reason)


# (key, engagement, title, description, source, priority, requested by, captured days ago)
Capture = tuple[str, str, str, str, str, str, str, float]

REQUIREMENTS: list[tuple[Capture, list[tuple[float, str, Act]]]] = [
    (("r-triage", CARE, "Unified ticket triage in the CRM",
      "Every after-sales contact gets a reason code and is routed to the right queue",
      "workshop", "must", ERIK, 66), [
        (65.5, SOFIE, criterion("Every new ticket gets one of the 24 agreed reason codes")),
        (65.5, SOFIE, criterion("Routing accuracy of at least 90 % over one week")),
        (60, ERIK, confirm()),
        (45, JONAS, start()),
        (20, JONAS, deliver("Triage live since day 20; week-one routing accuracy 91 %")),
        (17, ERIK, accept()),
    ]),
    (("r-callback", CARE, "Callback for missed calls",
      "Customers who hang up in the queue are offered a callback", "interview", "should",
      SOFIE, 64), [
        (63.5, SOFIE, criterion("A missed caller gets a callback offer within 2 minutes")),
        (59, ERIK, confirm()),
        (50, TOMAS, start()),
        (45, ERIK, change("Nordlys wants the callback slot confirmed by SMS",
                          "Customers who hang up in the queue are offered a callback slot, "
                          "confirmed by SMS")),
        (44, SOFIE, criterion("The chosen slot is confirmed by SMS within 1 minute")),
        (42, ERIK, confirm()),
        (41, TOMAS, start()),
        (25, TOMAS, deliver("Callback with SMS confirmation live; 312 callbacks in week one")),
        (22, ERIK, accept()),
    ]),
    (("r-kb", CARE, "Knowledge-base articles for the top 20 contact reasons",
      "Agents answer the most frequent questions from one reviewed source", "workshop", "must",
      ERIK, 62), [
        (61.5, SOFIE, criterion("One article for each of the top 20 contact reasons")),
        (61.5, SOFIE, criterion("Every article reviewed by Nordlys's product team")),
        (57, ERIK, confirm()),
        (48, AISHA, start()),
        (30, AISHA, deliver("20 articles published in the agent knowledge base")),
        (28, ERIK, reject("Six articles were never reviewed by our product team",
                          "Every article reviewed")),
        (27, AISHA, start()),
        (18, AISHA, deliver("All 20 articles reviewed and signed off by product owners")),
        (16, ERIK, accept()),
    ]),
    (("r-chatbot", CARE, "Chatbot handover to a human agent",
      "The web chatbot hands a conversation to an agent with its history", "survey", "could",
      SOFIE, 50), [
        (49, SOFIE, criterion("The chat history reaches the agent on handover")),
        (33, ERIK, withdraw("Nordlys postponed its chatbot project to next year")),
    ]),
    (("r-scorecard", CARE, "Agent quality scorecard",
      "A per-agent scorecard from the call-scoring partner's reviews", "interview", "should",
      SOFIE, 42), [
        (41.5, SOFIE, criterion("Scores empathy, accuracy and compliance per call")),
        (41.5, SOFIE, criterion("Shows a weekly trend per agent")),
        (38, ERIK, confirm()),
        (30, JONAS, start()),
        (9, JONAS, deliver("Scorecard dashboard in the QA tool")),
        (4, SOFIE, reject("The scorecard does not score empathy yet", "Scores empathy")),
    ]),
    (("r-escalation", CARE, "Escalation matrix for corporate accounts",
      "Who is called, and by when, at each escalation level", "workshop", "should", ERIK, 38), [
        (37.5, SOFIE, criterion("A named contact and a deadline for each level")),
        (35, ERIK, confirm()),
        (26, JONAS, start()),
        (3, JONAS, deliver("Escalation matrix v1 shared with Nordlys's account managers")),
    ]),
    (("r-churn", CARE, "Weekly churn-risk report",
      "Corporate accounts at risk of leaving, from complaint patterns", "ticket", "should",
      SOFIE, 20), [
        (19.5, SOFIE, criterion("Lists corporate accounts with two or more complaints in 30 days")),
        (15, ERIK, confirm()),
        (10, JONAS, start()),
    ]),
    (("r-outage-sms", CARE, "Proactive SMS during network outages",
      "Customers in an outage area hear from us before they call", "interview", "must", ERIK,
      1.0), [
        (0.9, SOFIE, criterion("An SMS within 15 minutes of a confirmed outage")),
    ]),
    (("r-clearance", BACKLOG, "Clear installation complaints older than 30 days",
      "Work the legacy backlog down to nothing older than 30 days", "ticket", "must", ERIK,
      55.5), [
        (55.4, KARIN, criterion("No installation complaint older than 30 days remains open")),
        (55.4, KARIN, criterion("Each closure has the customer's confirmation or three attempts")),
        (53, ERIK, confirm()),
        (52, AISHA, start()),
        (7, AISHA, deliver("Backlog report: 412 closed, none older than 30 days open")),
        (5.6, ERIK, accept()),  # after the first attempt to close the engagement, on day 6
    ]),
    (("r-root-cause", BACKLOG, "Root-cause report on installation delays",
      "Why installation complaints piled up, and what stops it happening again", "interview",
      "should", KARIN, 54), [
        (53.8, KARIN, criterion("The top five causes with their share of the backlog")),
        (52, ERIK, confirm()),
        (40, JONAS, start()),
        (8.5, JONAS, deliver("Root-cause report v1.2")),
        (7.5, ERIK, accept()),
    ]),
    (("r-returns-script", STORES, "Service-desk script for in-store returns",
      "Store staff get one answer for every returns question", "workshop", "must", CLAIRE, 35), [
        (34.5, JULIEN, criterion("Covers returns with and without a receipt")),
        (31, CLAIRE, confirm()),
    ]),
    (("r-click-collect", STORES, "Click-and-collect order lookup",
      "Agents look up a click-and-collect order for a store", "workshop", "should", JULIEN, 28), [
        (27.5, JULIEN, criterion("Agents find an order by its number or the customer's phone")),
        (24, CLAIRE, confirm()),
        (14, CLAIRE, change("Stores also want to see stock in nearby stores",
                            "Agents look up click-and-collect orders and the stock nearby")),
    ]),
]  # fmt: skip


def add_requirements(t: Timeline) -> None:
    for capture, acts in REQUIREMENTS:
        key, _, title, _, _, priority, requested_by, days_ago = capture
        label = f"Captured {priority} requirement {title!r}"
        t.add(days_ago, requested_by, _capture(capture), key=key, label=label)
        t.follow(key, acts)


def _capture(row: Capture) -> Build:
    _, engagement, title, description, source, priority, requested_by, _ = row
    return lambda r: CaptureRequirement(
        engagement_id=r[engagement],
        title=title,
        description=description,
        source=RequirementSource(source),
        priority=RequirementPriority(priority),
        requested_by=requested_by,
    )
