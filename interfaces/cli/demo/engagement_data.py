"""The demo's three engagements, as data tables: times are days before now.

- "e-care": Nordlys Telecom's after-sales care programme, active, the busiest.
- "e-backlog": Nordlys's installation-complaint backlog recovery, on hold for a
  while, then closed once its last complaint and must requirement are settled.
- "e-stores": Maison Verte's store service-desk rollout, put on hold by the client.
"""

from __future__ import annotations

from interfaces.cli.demo import engagements as e
from interfaces.cli.demo.cast import (
    AISHA,
    CLAIRE,
    ERIK,
    HANNA,
    JONAS,
    JULIEN,
    KARIN,
    LI,
    MAISON_VERTE,
    MAISON_VERTE_NAME,
    MARCO,
    NORDLYS,
    NORDLYS_NAME,
    PIERRE,
    SOFIE,
    TOMAS,
)
from interfaces.cli.demo.timeline import Timeline

CARE = "e-care"
BACKLOG = "e-backlog"
STORES = "e-stores"

FCR, CSAT, AHT = "first-contact resolution %", "CSAT mean", "average handle time (s)"


def add_care_programme(t: Timeline) -> None:
    e.open_engagement(
        t,
        70,
        e.Opening(
            CARE, NORDLYS, NORDLYS_NAME, "After-sales care programme",
            ("Resolve most contacts at the first touch", "Raise satisfaction with after-sales care",
             "Keep every complaint within its SLA"),
            63, -60, "180000.00", "EUR", HANNA,
        ),
    )  # fmt: skip
    e.set_objectives(t, CARE, HANNA, [
        (69.9, "Raise first-contact resolution of after-sales calls from 62 % to 75 %",
         FCR, "75", -60),
        (69.9, "Lift post-contact CSAT from 3.8 to 4.3, measured monthly", CSAT, "4.3", -60),
        (69.9, "Cut average handle time from 430 s to 360 s without lowering FCR", AHT, "360", -30),
    ])  # fmt: skip
    e.record_results(t, CARE, SOFIE, [(14, FCR, "71"), (14, CSAT, "4.1"), (14, AHT, "372"),
                                      (7, FCR, "73.5")])  # fmt: skip
    e.plan_milestones(t, CARE, HANNA, [
        (69.8, "Discovery and process mapping", 56, "10"),
        (69.8, "Agents onboarded and trained", 42, "20"),
        (69.8, "Ticket triage live in the CRM", 28, "25"),
        (69.8, "Knowledge base v1 published", 14, "15"),
        (69.8, "Stabilisation and handover", -55, "20"),
        (29, "Weekend coverage live", -10, "10"),
    ])  # fmt: skip
    e.change_milestones(t, CARE, HANNA, [
        (57, "Discovery and process mapping", None, ""),
        (40, "Agents onboarded and trained", None, ""),
        (31, "Ticket triage live in the CRM", 21, "The CRM vendor's triage patch slipped a week"),
        (20, "Ticket triage live in the CRM", None, ""),
        (16, "Knowledge base v1 published", None, ""),
    ])  # fmt: skip
    e.staff(t, CARE, [
        (69.5, HANNA, HANNA, "accountable", "delivery", "assign"),
        (69.5, HANNA, JONAS, "accountable", "support operations", "assign"),
        (69.5, HANNA, TOMAS, "responsible", "support operations", "assign"),
        (69.5, HANNA, AISHA, "responsible", "support operations", "assign"),
        (69.5, HANNA, MARCO, "responsible", "knowledge base", "assign"),
        (69.5, HANNA, LI, "accountable", "budget", "assign"),
        (69.5, HANNA, ERIK, "consulted", "delivery", "assign"),
        (69.5, HANNA, SOFIE, "informed", "reporting", "assign"),
        (35, HANNA, MARCO, "responsible", "knowledge base", "release"),
        (35, HANNA, AISHA, "accountable", "knowledge base", "assign"),
    ])  # fmt: skip
    e.communication_plan(t, CARE, HANNA, (
        69.5, "Weekly status report on Fridays; steering committee every two weeks",
        ("email", "Microsoft Teams", "steering committee"), (ERIK, SOFIE, HANNA, JONAS),
    ))  # fmt: skip
    e.transitions(t, CARE, [(63, HANNA, "start", "")])
    e.log_meetings(t, CARE, HANNA, [
        (63, (HANNA, JONAS, ERIK, SOFIE), "Kick-off: scope, team and reporting",
         "Objectives agreed against the baseline: FCR 62 %, CSAT 3.8, AHT 430 s.",
         (("Share the call-reason taxonomy", SOFIE, 5),
          ("Open CRM sandbox access for agents", JONAS, 7))),
        (49, (HANNA, ERIK, JONAS), "Steering: discovery findings",
         "Discovery closed a week late; 40 % of repeat calls are billing questions.",
         (("Draft top-20 contact reasons for the knowledge base", AISHA, 14),)),
        (35, (HANNA, ERIK, LI), "Steering: weekend coverage and budget",
         "Client asked for weekend coverage (CR-2); a budget revision will follow.",
         (("Prepare the budget revision for weekend coverage", LI, 5),)),
        (21, (HANNA, ERIK, JONAS, SOFIE), "Steering: triage go-live",
         "Triage live one week late; first-week routing accuracy 91 %.",
         (("Tune the routing rules for roaming tickets", JONAS, 10),)),
        (4, (HANNA, ERIK, JONAS), "Steering: handover plan",
         "Handover to Nordlys's own team planned; knowledge base needs a client review cycle.",
         (("Name the Nordlys team leads for the handover", ERIK, 14),)),
    ])  # fmt: skip
    e.publish_reports(t, CARE, HANNA, [
        (56, "green", "Discovery interviews done with 14 agents.", "Close discovery."),
        (49, "green", "Discovery closed; training plan agreed.", "Onboard the first agent cohort."),
        (42, "amber", "Training two days late: sandbox access came late.", "Finish cohort 2."),
        (35, "amber", "Client asked for weekend coverage; budget pressure.", "Revise the budget."),
        (28, "red", "Triage go-live slipped a week on the CRM vendor's patch.", "Go live."),
        (21, "amber", "Triage is live; routing accuracy 91 %.", "Tune roaming routing rules."),
        (14, "green", "Knowledge base v1 published; FCR at 71 %.", "Weekend coverage staffing."),
        (7, "green", "FCR 73.5 %; CSAT 4.1 and rising.", "Plan the handover."),
        (0.5, "red", "Regional data outage: a critical complaint is past its SLA.",
         "Resolve the outage complaint; review the overflow plan."),
    ])  # fmt: skip
    e.record_costs(t, CARE, LI, [
        *[(days, "labour", amount, "Support agents and team lead, weekly timesheets")
          for days, amount in [(63, "9800.00"), (56, "11200.00"), (49, "12400.00"),
                               (42, "12650.00"), (35, "12650.00"), (28, "13100.00"),
                               (21, "14800.00"), (14, "14800.00"), (7, "14950.00")]],
        (62, "travel", "1840.00", "Kick-off on site in Gothenburg: flights and hotel for two"),
        (60, "material", "3150.00", "Fourteen noise-cancelling headsets"),
        (45, "subcontract", "7800.00", "Call-scoring QA partner, first month"),
        (30, "other", "1450.00", "CRM triage add-on licences for the quarter"),
        (17, "subcontract", "7800.00", "Call-scoring QA partner, second month"),
        (4, "travel", "920.00", "Steering committee on site"),
    ])  # fmt: skip
    e.revise_budget(t, CARE, LI, (
        29.5, "205000.00", "Weekend coverage added at the client's request (CR-2), approved "
        "by the steering committee",
    ))  # fmt: skip
    e.record_surveys(t, CARE, JONAS, [
        (49, 3, 6, "Corporate account 1187", "email", "Took two calls to fix my roaming bill."),
        (45, 4, 8, "Consumer 40213", "sms", "Friendly agent, quick answer."),
        (40, 3, None, "Consumer 51877", "sms", ""),
        (35, 4, 7, "Corporate account 0932", "email", "Better than last quarter."),
        (28, 5, 9, "Consumer 38820", "sms", "Solved in one call."),
        (24, 4, 9, "Consumer 61204", "web", ""),
        (21, None, 10, "Corporate account 1187", "email", "Triage sends me straight to billing."),
        (14, 5, 9, "Consumer 70115", "sms", "Clear explanation of my contract."),
        (10, 4, 8, "Consumer 44490", "web", ""),
        (3, 5, 10, "Consumer 81236", "sms", "Weekend support is a great addition."),
        (1, 2, 2, "Corporate account 2290", "phone", "No updates at all during the data outage."),
    ])  # fmt: skip


def add_backlog_recovery(t: Timeline) -> None:
    e.open_engagement(
        t,
        56,
        e.Opening(
            BACKLOG, NORDLYS, NORDLYS_NAME, "Fibre installation complaint backlog recovery",
            ("Clear every installation complaint older than 30 days",
             "Find out why installation complaints pile up"),
            55, 8, "60000.00", "EUR", HANNA,
        ),
    )  # fmt: skip
    old = "installation complaints older than 30 days"
    e.set_objectives(t, BACKLOG, HANNA, [(55.9, f"Bring {old} from 412 to 0", old, "0", 8)])
    e.record_results(t, BACKLOG, KARIN, [(6.5, old, "0")])
    e.plan_milestones(t, BACKLOG, HANNA, [
        (55.9, "Backlog triaged", 48, "30"),
        (55.9, "Complaints over 30 days cleared", 14, "50"),
        (55.9, "Root-cause report delivered", 10, "20"),
    ])  # fmt: skip
    e.change_milestones(t, BACKLOG, HANNA, [
        (47, "Backlog triaged", None, ""),
        (24, "Complaints over 30 days cleared", 8, "Two weeks on hold for building access permits"),
        (8.5, "Root-cause report delivered", None, ""),
        (7, "Complaints over 30 days cleared", None, ""),
    ])  # fmt: skip
    e.staff(t, BACKLOG, [
        (55.8, HANNA, HANNA, "accountable", "delivery", "assign"),
        (55.8, HANNA, JONAS, "accountable", "complaint handling", "assign"),
        (55.8, HANNA, AISHA, "responsible", "complaint handling", "assign"),
        (55.8, HANNA, LI, "accountable", "budget", "assign"),
        (55.8, HANNA, KARIN, "consulted", "field operations", "assign"),
        (55.8, HANNA, ERIK, "informed", "reporting", "assign"),
    ])  # fmt: skip
    e.communication_plan(t, BACKLOG, HANNA, (
        55.8, "Burn-down by email on Mondays and Thursdays; call every two weeks",
        ("email", "phone"), (ERIK, KARIN),
    ))  # fmt: skip
    e.transitions(t, BACKLOG, [
        (55, HANNA, "start", ""),
        (30, HANNA, "hold", "Waiting for building owners' access permits to fibre cabinets"),
        (25, HANNA, "resume", ""),
    ])  # fmt: skip
    e.log_meetings(t, BACKLOG, HANNA, [
        (55, (HANNA, AISHA, KARIN), "Kick-off: backlog rules",
         "412 complaints older than 30 days; triage by root cause agreed.",
         (("Export the backlog from the legacy ticket tool", KARIN, 2),)),
        (39, (HANNA, KARIN, ERIK), "Review of the cabinet damage incident",
         "Subcontractor crew damaged a building cabinet; repairs paid by the subcontractor.",
         (("Brief all crews on cabinet handling", KARIN, 3),
          ("Send the incident report", HANNA, 2))),
        (12, (HANNA, ERIK, KARIN), "Closure readiness",
         "Backlog at 9; root-cause report in review.",
         (("Confirm acceptance of the backlog clearance", ERIK, 5),)),
    ])  # fmt: skip
    e.publish_reports(t, BACKLOG, HANNA, [
        (49, "green", "Backlog triaged by root cause.", "Start clearing the oldest first."),
        (42, "amber", "Crew damaged a building cabinet; client upset.", "Incident review."),
        (35, "amber", "Clearance slowed: 9 buildings need access permits.", "Chase the permits."),
        (28, "amber", "On hold since day 30 for access permits.", "Resume when permits arrive."),
        (21, "green", "Permits arrived; clearance resumed.", "Clear the rest."),
        (14, "green", "Backlog down to 41.", "Write the root-cause report."),
        (7, "green", "Backlog cleared; root-cause report delivered.", "Client acceptance; close."),
    ])  # fmt: skip
    e.record_costs(t, BACKLOG, LI, [
        *[(days, "labour", amount, "Complaint handlers, weekly timesheets")
          for days, amount in [(55, "5200.00"), (48, "5600.00"), (41, "5600.00"),
                               (34, "3100.00"), (20, "5400.00"), (13, "5400.00"), (6, "2800.00")]],
        (45, "subcontract", "12500.00", "FiberWorks field crew, three weeks"),
        (41, "travel", "640.00", "Site visit to the damaged cabinet"),
        (20, "other", "380.00", "Courier for replacement cabinet parts"),
    ])  # fmt: skip
    e.record_surveys(t, BACKLOG, AISHA, [
        (40, 2, 1, "Housing association Björkgården", "phone", "The crew damaged our cabinet."),
        (20, 4, 7, "Consumer 39001", "email", "Finally connected after two months."),
        (8, 5, 9, "Housing association Björkgården", "email", "Repair and follow-up: excellent."),
    ])  # fmt: skip
    outcome = (
        "All 412 installation complaints older than 30 days closed; new ones triaged in 2 days"
    )
    evaluation = "Three days late after a two-week hold for access permits; within budget."
    lessons = (
        "Ask for building access permits before scheduling field work",
        "Triage a backlog by root cause, not by age",
    )
    # The first attempt finds a complaint still open and a must requirement not yet accepted.
    e.close(t, BACKLOG, HANNA, e.Closing(6, True, outcome, evaluation, lessons))
    e.close(t, BACKLOG, HANNA, e.Closing(5, False, outcome, evaluation, lessons))


def add_store_rollout(t: Timeline) -> None:
    e.open_engagement(
        t,
        40,
        e.Opening(
            STORES, MAISON_VERTE, MAISON_VERTE_NAME, "Store service-desk rollout",
            ("One service desk for all 38 stores", "Answer store staff in minutes, not hours"),
            30, -90, "95000.00", "EUR", PIERRE,
        ),
    )  # fmt: skip
    e.set_objectives(t, STORES, PIERRE, [
        (39.9, "Route every store IT and returns question through the desk",
         "stores live", "38", -90),
        (39.9, "Answer 80 % of store calls within 60 seconds",
         "calls answered in 60 s (%)", "80", -60),
    ])  # fmt: skip
    e.plan_milestones(t, STORES, PIERRE, [
        (39.8, "Pilot in 5 Lyon stores", 10, "30"),
        (39.8, "Regional rollout: 20 stores", -40, "40"),
        (39.8, "National rollout: 38 stores", -85, "30"),
    ])  # fmt: skip
    e.change_milestones(t, STORES, PIERRE, [
        (12.5, "Pilot in 5 Lyon stores", -30, "The client froze store refits; the pilot waits"),
    ])  # fmt: skip
    e.staff(t, STORES, [
        (39.5, PIERRE, PIERRE, "accountable", "delivery", "assign"),
        (34, PIERRE, MARCO, "responsible", "service desk", "assign"),
        (39.5, PIERRE, CLAIRE, "consulted", "delivery", "assign"),
        (39.5, PIERRE, JULIEN, "informed", "stores", "assign"),
    ])  # fmt: skip
    e.communication_plan(t, STORES, PIERRE, (
        39.5, "Weekly status by email; steering every two weeks", ("email", "video call"),
        (CLAIRE, JULIEN),
    ))  # fmt: skip
    e.transitions(t, STORES, [
        (30, PIERRE, "start", ""),
        (12, PIERRE, "hold", "The client froze all store refits until its Q3 budget is approved"),
    ])  # fmt: skip
    e.log_meetings(t, STORES, PIERRE, [
        (30, (PIERRE, MARCO, CLAIRE, JULIEN), "Kick-off in Lyon",
         "Pilot stores to be named; desk hours 8:00-20:00, six days a week.",
         (("Name the five pilot stores", CLAIRE, 7),)),
        (13, (PIERRE, CLAIRE), "Refit freeze",
         "The client announced a refit freeze; the pilot pauses until the Q3 budget.",
         (("Confirm the restart date after the Q3 budget", CLAIRE, 30),)),
    ])  # fmt: skip
    e.publish_reports(t, STORES, PIERRE, [
        (23, "green", "Pilot stores named; desk scripts drafted.", "Install desk phones."),
        (16, "amber", "Phones delivered late to two stores.", "Finish the pilot set-up."),
        (9, "amber", "On hold: store refit freeze.", "Keep a standby agent; restart after Q3."),
    ])  # fmt: skip
    e.record_costs(t, STORES, LI, [
        (30, "travel", "760.00", "Kick-off in Lyon"),
        (29, "labour", "4200.00", "Desk set-up, weekly timesheets"),
        (22, "labour", "4350.00", "Desk set-up, weekly timesheets"),
        (20, "material", "2380.00", "Desk phones and headsets for the pilot stores"),
        (15, "labour", "4350.00", "Desk set-up, weekly timesheets"),
        (8, "labour", "900.00", "Standby agent during the hold"),
    ])  # fmt: skip


def add_engagements(t: Timeline) -> None:
    add_care_programme(t)
    add_backlog_recovery(t)
    add_store_rollout(t)
