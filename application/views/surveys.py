"""Survey responses as the satisfaction view counts them, overall and per week.

- CSAT mean of the 1-5 scores; CSAT % = responses scoring 4-5 / CSAT responses * 100;
- NPS = % promoters (9-10) - % detractors (0-6) of the NPS responses, from -100 to 100;
- a response counts in the ISO week of its occurred time (in its own offset); one
  with both scores is one response.
The state keeps each week's count of every score, so a week's figures and the
overall ones are worked out the same way, the overall ones from every week's.
Scores and percentages are rounded to 2 places (see `figures`); None when nothing
counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from application.views.figures import iso_week, percent, rounded, week_start


@dataclass
class ScoreCounts:
    """How many responses gave each score; [i] of CSAT is score i + 1, of NPS score i."""

    responses: int = 0
    csat: list[int] = field(default_factory=lambda: [0] * 5)
    nps: list[int] = field(default_factory=lambda: [0] * 11)

    def add(self, csat: int | None, nps: int | None) -> None:
        self.responses += 1
        if csat is not None:
            self.csat[csat - 1] += 1
        if nps is not None:
            self.nps[nps] += 1


def count_response(
    weeks: dict[str, ScoreCounts], occurred_on: date, csat: int | None, nps: int | None
) -> None:
    """Count a response in its week's scores, keyed by the week's Monday ("2026-03-02")."""
    key = week_start(occurred_on).isoformat()
    weeks.setdefault(key, ScoreCounts()).add(csat, nps)


@dataclass(frozen=True)
class SurveyWeek:
    week: date  # its Monday
    csat_responses: int
    csat_mean: Decimal | None
    nps_responses: int
    nps: Decimal | None


@dataclass(frozen=True)
class SurveyFigures:
    csat_responses: int
    csat_mean: Decimal | None
    csat_percent: Decimal | None
    nps_responses: int
    promoters: int
    detractors: int
    nps: Decimal | None
    responses_per_week: dict[str, int]  # by ISO week, in week order
    weekly: tuple[SurveyWeek, ...]  # the weeks with a response, in week order


def survey_figures(weeks: dict[str, ScoreCounts]) -> SurveyFigures:
    in_order = sorted(weeks.items())
    total = _added(counts for _, counts in in_order)
    csat, nps = total.csat, total.nps
    return SurveyFigures(
        csat_responses=sum(csat),
        csat_mean=_mean_score(csat, first_score=1),
        csat_percent=percent(csat[3] + csat[4], sum(csat)),
        nps_responses=sum(nps),
        promoters=sum(nps[9:]),
        detractors=sum(nps[:7]),
        nps=_nps(nps),
        responses_per_week={
            iso_week(date.fromisoformat(key)): counts.responses for key, counts in in_order
        },
        weekly=tuple(_week(date.fromisoformat(key), counts) for key, counts in in_order),
    )


def _added(weeks: Iterable[ScoreCounts]) -> ScoreCounts:
    total = ScoreCounts()
    for counts in weeks:
        total.responses += counts.responses
        total.csat = [a + b for a, b in zip(total.csat, counts.csat, strict=True)]
        total.nps = [a + b for a, b in zip(total.nps, counts.nps, strict=True)]
    return total


def _week(monday: date, counts: ScoreCounts) -> SurveyWeek:
    return SurveyWeek(
        week=monday,
        csat_responses=sum(counts.csat),
        csat_mean=_mean_score(counts.csat, first_score=1),
        nps_responses=sum(counts.nps),
        nps=_nps(counts.nps),
    )


def _nps(counts: list[int]) -> Decimal | None:
    # Computed from the counts and rounded once, not from two rounded percentages.
    return percent(sum(counts[9:]) - sum(counts[:7]), sum(counts))


def _mean_score(counts: list[int], first_score: int) -> Decimal | None:
    responses = sum(counts)
    if not responses:
        return None
    total = sum((first_score + i) * n for i, n in enumerate(counts))
    return rounded(Decimal(total) / responses)
