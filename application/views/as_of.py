"""Any view of one engagement as it stood at a past moment, folded from the log.

"As known at T" folds the events Rapport had recorded by T; "as it was at T"
folds those that had happened in the business by T. Either way it is the same
fold the live tables are built with, over a prefix of the engagement's log,
reported for the moment T. The live tables are not touched.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from application.ports import TimeAxis
from application.views.base import View, fold
from application.views.log import engagement_log

if TYPE_CHECKING:
    from application.service import Rapport


def views_as_of(
    rapport: Rapport,
    views: list[View[Any, Any]],
    engagement_id: UUID,
    at: datetime,
    axis: TimeAxis = TimeAxis.RECORDED,
) -> dict[str, dict[str, Any]]:
    """For each view, the report of every key the engagement's events touched by `at`."""
    wanted = [view.event_types() for view in views]
    event_types = None if None in wanted else frozenset().union(*wanted)  # type: ignore[arg-type]
    events = engagement_log(rapport, engagement_id, at, axis, event_types)
    return {
        view.name: {key: view.report(state, at) for key, state in fold(view, events).items()}
        for view in views
    }
