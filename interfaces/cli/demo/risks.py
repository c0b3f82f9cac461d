"""The demo's risk register: times are days before now, review dates too (negative: ahead).

Where they end: responding after a re-assessment and several reviews ("k-peak"),
occurred and linked to the critical outage complaint ("k-outage"), occurred then
closed ("k-crews"), assessed ("k-licence"), responding ("k-refit"), and just
identified ("k-turnover").
"""

from __future__ import annotations

from application.commands.risk import (
    AssessRisk,
    CloseRisk,
    IdentifyRisk,
    PlanRiskResponse,
    RecordRiskOccurrence,
    ReviewRisk,
)
from domain.risk import ResponseStrategy, RiskCategory
from interfaces.cli.demo.cast import HANNA, JONAS, KARIN, LI, PIERRE
from interfaces.cli.demo.engagement_data import BACKLOG, CARE, STORES
from interfaces.cli.demo.timeline import Act, Build, Timeline


def assess(probability: int, impact: int) -> Act:
    return lambda r, key, actor: AssessRisk(risk_id=r[key], probability=probability, impact=impact)


def plan(
    strategy: str, actions: tuple[str, ...], contingency: str, trigger: str, review: float
) -> Act:
    return lambda r, key, actor: PlanRiskResponse(
        risk_id=r[key],
        strategy=ResponseStrategy(strategy),
        actions=actions,
        contingency_plan=contingency,
        trigger=trigger,
        next_review_on=r.day(review),
    )


def review(notes: str, next_review: float) -> Act:
    return lambda r, key, actor: ReviewRisk(
        risk_id=r[key], notes=notes, next_review_on=r.day(next_review)
    )


def occur(what_happened: str, complaint: str) -> Act:
    """Record the occurrence, linked to the complaint the demo keys as `complaint`."""
    return lambda r, key, actor: RecordRiskOccurrence(
        risk_id=r[key], what_happened=what_happened, linked_complaint_id=r[complaint]
    )


def close(reason: str) -> Act:
    return lambda r, key, actor: CloseRisk(risk_id=r[key], reason=reason)


# (key, engagement, title, category, description, owner, identified days ago)
Identification = tuple[str, str, str, str, str, str, float]

RISKS: list[tuple[Identification, list[tuple[float, str, Act]]]] = [
    (("k-peak", CARE, "Peak call volume exceeds the staffed capacity", "resource",
      "Autumn tariff changes usually double after-sales calls for three weeks", JONAS, 66), [
        (65, JONAS, assess(3, 4)),
        (64, HANNA, plan("mitigate",
                         ("Cross-train back-office staff as overflow agents",
                          "Agree overflow hours with the QA partner"),
                         "Open the partner call centre for overflow",
                         "Queue wait above five minutes two days running", 50)),
        (50, JONAS, review("Cross-training on track; volumes as forecast", 36)),
        (36, JONAS, assess(4, 4)),
        (36, JONAS, review("Weekend coverage raises the load; probability up", 22)),
        (22, JONAS, review("Weekend team hired; volumes stable", 8)),
        (8, JONAS, review("Stable; overflow not needed so far", -6)),
    ]),
    (("k-outage", CARE, "A regional network outage floods the support line", "external",
      "Outages bring hundreds of calls within minutes", HANNA, 60), [
        (59, HANNA, assess(2, 5)),
        (58, HANNA, plan("transfer",
                         ("Overflow agreement with the partner call centre",
                          "Pre-recorded outage messages for the phone menu"),
                         "Switch the phone menu to the outage message and open overflow",
                         "Network operations declare a major incident", 30)),
        (30, HANNA, review("Overflow agreement signed; outage messages recorded", 2)),
        (1.45, HANNA, occur("Gothenburg data outage; queue wait reached 40 minutes", "c-outage")),
    ]),
    (("k-crews", BACKLOG, "Subcontracted crews miss appointments or damage sites", "resource",
      "Field work depends on one subcontractor's crews", KARIN, 54), [
        (53.5, HANNA, assess(3, 3)),
        (53, HANNA, plan("mitigate",
                         ("Book crews two weeks ahead", "Brief crews on building rules"),
                         "Use Nordlys's own field team", "Two missed appointments in a week",
                         39)),
        (39.9, KARIN, occur("A crew damaged a building's fibre cabinet; 40 flats offline",
                            "c-cabinet")),
        (39, HANNA, assess(2, 3)),
        (6.2, HANNA, close("Field work finished; the subcontract has ended")),
    ]),
    (("k-licence", CARE, "CRM licence price rise at renewal", "cost",
      "The vendor announced new prices for add-on modules", LI, 35), [
        (34, LI, assess(2, 2)),
    ]),
    (("k-refit", STORES, "The client's refit freeze delays the pilot", "schedule",
      "No store refits, so no desk phones, until the Q3 budget is approved", PIERRE, 13), [
        (13, PIERRE, assess(4, 4)),
        (12.8, PIERRE, plan("accept",
                            ("Keep one standby agent", "Re-plan the milestones after Q3"),
                            "", "Q3 budget not approved by the end of the quarter", -20)),
    ]),
    (("k-turnover", STORES, "Store staff turnover undoes desk training", "customer",
      "Seasonal staff change every quarter in most stores", PIERRE, 9), []),
]  # fmt: skip


def add_risks(t: Timeline) -> None:
    for identification, acts in RISKS:
        key, _, title, _, _, owner, days_ago = identification
        t.add(
            days_ago, owner, _identify(identification), key=key, label=f"Identified risk {title!r}"
        )
        t.follow(key, acts)


def _identify(row: Identification) -> Build:
    _, engagement, title, category, description, owner, _ = row
    return lambda r: IdentifyRisk(
        engagement_id=r[engagement],
        title=title,
        category=RiskCategory(category),
        description=description,
        owner=owner,
    )
