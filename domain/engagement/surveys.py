"""The client's satisfaction: survey responses with a CSAT score, an NPS score or both."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.base import EventSourcedAggregate, Stamp, optional_line, optional_text, require_range
from domain.engagement.part import EngagementPart
from domain.errors import InvalidValue


class SurveysPart(EngagementPart):
    survey_response_count: int

    class SurveyResponseRecorded(EventSourcedAggregate.Event):
        response_id: UUID
        csat: int | None
        nps: int | None
        respondent: str
        channel: str
        comment: str

        def apply(self, engagement: Any) -> None:
            engagement.survey_response_count += 1

    def record_survey_response(
        self,
        *,
        response_id: UUID,
        csat: int | None,
        nps: int | None,
        respondent: str,
        channel: str,
        comment: str,
        stamp: Stamp,
    ) -> None:
        """Record a CSAT score (1-5), an NPS score (0-10), or both; one is required."""
        self._require_editable("record a survey response")
        if csat is None and nps is None:
            raise InvalidValue("csat", "give a CSAT score, an NPS score, or both")
        self._record(
            self.SurveyResponseRecorded,
            stamp,
            response_id=response_id,
            csat=None if csat is None else require_range("csat", csat, 1, 5),
            nps=None if nps is None else require_range("nps", nps, 0, 10),
            respondent=optional_line("respondent", respondent),
            channel=optional_line("channel", channel),
            comment=optional_text("comment", comment),
        )
