"""The demo's complaints: every severity, and every state a complaint can be in now.

A complaint is received some days before now; its later steps are given in hours
after receipt, as a service desk thinks of them. The SLA watchdog's breaches are
recorded just after a clock's due time (default targets: critical 1 h / 8 h,
high 4 h / 24 h, medium 8 h / 72 h, low 24 h / 120 h).

Where they end: received ("c-ivr"), acknowledged ("c-refund"), in progress and
past due ("c-outage", critical), waiting on the client ("c-contract-date"),
resolved after a reopen ("c-porting"), reopened ("c-credit-note"), and closed
with a CSAT score (the rest, one after a reopen).
"""

from __future__ import annotations

from application.commands.complaint import (
    AcknowledgeComplaint,
    AddComplaintNote,
    AssignComplaint,
    CloseComplaint,
    EscalateComplaint,
    IdentifyRootCause,
    ReceiveComplaint,
    RecordClientReply,
    RecordSlaBreach,
    ReopenComplaint,
    ResolveComplaint,
    WaitOnClient,
)
from domain.complaint import ComplaintChannel, NoteVisibility
from domain.sla import Severity, SlaClock
from interfaces.cli.demo.cast import AISHA, HANNA, JONAS, MARCO, TOMAS, WATCHDOG
from interfaces.cli.demo.engagement_data import BACKLOG, CARE, STORES
from interfaces.cli.demo.timeline import Act, Build, Timeline


def ack(message: str) -> Act:
    return lambda r, key, actor: AcknowledgeComplaint(
        complaint_id=r[key], agent=actor, message=message
    )


def assign(agent: str) -> Act:
    return lambda r, key, actor: AssignComplaint(complaint_id=r[key], agent=agent)


def escalate(level: int, reason: str) -> Act:
    return lambda r, key, actor: EscalateComplaint(complaint_id=r[key], level=level, reason=reason)


def note(visibility: str, text: str) -> Act:
    return lambda r, key, actor: AddComplaintNote(
        complaint_id=r[key], visibility=NoteVisibility(visibility), text=text
    )


def wait(reason: str) -> Act:
    return lambda r, key, actor: WaitOnClient(complaint_id=r[key], reason=reason)


def reply(message: str) -> Act:
    return lambda r, key, actor: RecordClientReply(complaint_id=r[key], message=message)


def cause(category: str, analysis: str) -> Act:
    return lambda r, key, actor: IdentifyRootCause(
        complaint_id=r[key], category=category, analysis=analysis
    )


def resolve(resolution: str, corrective_action: str = "") -> Act:
    return lambda r, key, actor: ResolveComplaint(
        complaint_id=r[key], resolution=resolution, corrective_action=corrective_action
    )


def reopen(reason: str) -> Act:
    return lambda r, key, actor: ReopenComplaint(complaint_id=r[key], reason=reason)


def close(csat: int | None) -> Act:
    """Closed once the client confirmed the resolution, with the CSAT score they gave."""
    return lambda r, key, actor: CloseComplaint(
        complaint_id=r[key], client_confirmed=True, csat=csat
    )


def breach(clock: str) -> Act:
    return lambda r, key, actor: RecordSlaBreach(complaint_id=r[key], clock=SlaClock(clock))


# (key, engagement, channel, severity, category, description, received days ago)
Receipt = tuple[str, str, str, str, str, str, float]

COMPLAINTS: list[tuple[Receipt, list[tuple[float, str, Act]]]] = [
    (("c-outage", CARE, "phone", "critical", "network",
      "Mobile data down for business customers around Gothenburg; the support line is jammed",
      1.5), [
        (0.6, TOMAS, ack("We know about the outage and work with network operations; "
                         "next update within the hour")),
        (0.7, JONAS, assign(AISHA)),
        (2, AISHA, note("internal", "Network operations: a core router failed; no ETA yet")),
        (3, JONAS, escalate(1, "No ETA from network operations after three hours")),
        (6.5, HANNA, escalate(2, "Resolution SLA at risk; 60 corporate accounts affected")),
        (7, AISHA, note("public", "Engineers are on site; we update you every two hours")),
        (8.25, WATCHDOG, breach("resolution")),
        (20, AISHA, cause("network", "A router firmware upgrade failed and the standby did "
                                     "not take over")),
    ]),
    (("c-roaming", CARE, "email", "high", "billing",
      "Roaming charges billed twice on the March corporate invoice", 45), [
        (2, AISHA, ack("Thank you; we are checking the invoice with billing")),
        (2.5, JONAS, assign(AISHA)),
        (5, AISHA, wait("Asked for the invoice numbers and the affected SIM cards")),
        (30, AISHA, reply("Invoice numbers and 14 affected SIM cards received")),
        (34, AISHA, cause("billing", "The roaming rating job ran twice after a retry and "
                                     "nothing caught the duplicate")),
        (40, AISHA, resolve("Duplicate roaming charges credited on the next invoice",
                            "Billing added a duplicate check to the rating job")),
        (60, AISHA, close(4)),
    ]),
    (("c-appointment", BACKLOG, "web", "medium", "installation",
      "The technician did not come to the installation appointment", 50), [
        (3, AISHA, ack("Sorry; we are rebooking the appointment with field operations")),
        (3.5, JONAS, assign(AISHA)),
        (48, AISHA, resolve("New appointment booked for the next morning")),
        (96, AISHA, reopen("The technician missed the rebooked slot too")),
        (97, JONAS, assign(AISHA)),
        (98, JONAS, escalate(1, "Second missed appointment for the same customer")),
        (100, AISHA, cause("scheduling", "The subcontractor's crew calendar was not synced "
                                         "with our booking tool")),
        (120, AISHA, resolve("Installed; the customer got a goodwill credit",
                             "Crew calendars now sync with the booking tool every hour")),
        (144, AISHA, close(3)),
    ]),
    (("c-cabinet", BACKLOG, "onsite", "critical", "installation",
      "The installation crew damaged the building's fibre cabinet; 40 flats are offline", 40), [
        (0.5, AISHA, ack("A repair crew is on its way")),
        (0.6, JONAS, assign(AISHA)),
        (1, HANNA, escalate(2, "Damage caused by our subcontractor; 40 households offline")),
        (3, AISHA, cause("subcontractor", "The crew opened the cabinet without the building's "
                                          "technician present")),
        (6, AISHA, resolve("Cabinet repaired; all 40 flats back online",
                           "Crews open cabinets only with the building's technician present")),
        (48, AISHA, close(2)),
    ]),
    (("c-hold-music", CARE, "chat", "low", "service quality",
      "The hold music on the support line is far too loud", 30), [
        (20, TOMAS, ack("Thanks for telling us; the telephony team will look at it")),
        (20.5, TOMAS, assign(TOMAS)),
        (70, TOMAS, resolve("Hold music lowered by 6 dB")),
        (96, TOMAS, close(5)),
    ]),
    (("c-porting", CARE, "phone", "high", "number porting",
      "Porting the number from another operator failed; the customer has no service", 20), [
        (4.25, WATCHDOG, breach("first_response")),
        (5, TOMAS, ack("Sorry for the wait; we are re-running the port with the donor operator")),
        (5.5, JONAS, assign(TOMAS)),
        (6, JONAS, escalate(1, "Customer without service and the first response was late")),
        (12, TOMAS, cause("process", "The port request carried an outdated customer id")),
        (20, TOMAS, resolve("Port completed; service restored",
                            "Port requests are now checked against the donor's register")),
        (48, TOMAS, reopen("Incoming calls still reach the old operator")),
        (49, JONAS, assign(TOMAS)),
        (70, TOMAS, resolve("Routing updated at both operators; incoming calls arrive")),
    ]),
    (("c-desk-phone", STORES, "phone", "low", "equipment",
      "The service-desk phone in the Part-Dieu store has no dial tone", 18), [
        (3, MARCO, ack("We are sending a replacement handset")),
        (3.2, MARCO, assign(MARCO)),
        (26, MARCO, resolve("Handset replaced; the store tested a call to the desk")),
        (30, MARCO, close(4)),
    ]),
    (("c-credit-note", CARE, "email", "high", "billing",
      "A promised credit note was not applied to the invoice", 12), [
        (1, AISHA, ack("We are checking the credit note with billing")),
        (1.5, JONAS, assign(AISHA)),
        (26, AISHA, resolve("Credit note issued")),
        (216, AISHA, reopen("The credit note is missing from the new invoice too")),
        (240.5, WATCHDOG, breach("resolution")),  # the reopened cycle's 24 h ran out
    ]),
    (("c-confirmations", BACKLOG, "email", "medium", "communication",
      "Installation appointment confirmations were never sent", 9), [
        (2, AISHA, ack("We are looking into the confirmation e-mails")),
        (2.5, JONAS, assign(AISHA)),
        (72.25, WATCHDOG, breach("resolution")),
        (77, AISHA, resolve("Confirmations re-sent; the mail template had a broken sender",
                            "The template is now checked every day")),
        (79, AISHA, close(4)),
    ]),
    (("c-contract-date", CARE, "email", "medium", "contract",
      "An agent quoted the wrong contract end date", 6), [
        (2, AISHA, ack("We are checking your contract")),
        (3, JONAS, assign(AISHA)),
        (26, AISHA, wait("Asked the customer for the signed contract to compare the dates")),
    ]),
    (("c-refund", CARE, "chat", "medium", "billing",
      "A refund does not show in the app", 2), [
        (1, TOMAS, ack("Refunds take up to three working days to show; we are checking yours")),
    ]),
    (("c-ivr", CARE, "web", "low", "service quality",
      "The phone menu has too many levels before reaching a person", 0.1), []),
]  # fmt: skip


# Who logs a new complaint, per engagement: its first-line agent.
RECEIVED_BY = {CARE: TOMAS, BACKLOG: AISHA, STORES: MARCO}


def add_complaints(t: Timeline) -> None:
    for receipt, acts in COMPLAINTS:
        key, _, _, severity, category, _, days_ago = receipt
        label = f"Received {severity} {category} complaint"
        t.add(days_ago, RECEIVED_BY[receipt[1]], _receive(receipt), key=key, label=label)
        t.follow(key, [(days_ago - hours / 24, actor, act) for hours, actor, act in acts])


def _receive(row: Receipt) -> Build:
    _, engagement, channel, severity, category, description, _ = row
    return lambda r: ReceiveComplaint(
        engagement_id=r[engagement],
        channel=ComplaintChannel(channel),
        severity=Severity(severity),
        category=category,
        description=description,
    )
