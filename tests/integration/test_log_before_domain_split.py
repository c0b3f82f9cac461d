"""A log written before the engagement and complaint modules were split by
concern still loads: its events and snapshots name the classes by the topics
they had then (`domain.engagement:Engagement.MilestonePlanned`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.utils import get_topic, resolve_topic

from application.service import Rapport
from domain.complaint import Complaint
from domain.engagement import Engagement

# Captured from `rapport demo` before the split: the events of two engagements
# and three complaints that between them use every event type of both
# aggregates, the engagements' snapshots, and what the code then loaded.
FIXTURE = Path(__file__).parent.parent / "fixtures" / "log_before_domain_split.json"


def stored(rows: list[dict[str, Any]]) -> list[StoredEvent]:
    return [
        StoredEvent(
            UUID(row["originator_id"]),
            row["originator_version"],
            row["topic"],
            row["state"].encode(),
        )
        for row in rows
    ]


def load_fixture() -> dict[str, Any]:
    fixture: dict[str, Any] = json.loads(FIXTURE.read_text())
    return fixture


def test_every_stored_topic_is_still_the_topic_its_class_is_stored_under() -> None:
    """New events keep the old topics, so the views' filters by topic (the
    engagement log) match old and new events alike."""
    fixture = load_fixture()
    topics = {row["topic"] for row in fixture["events"]}
    topics |= {json.loads(row["state"])["topic"] for row in fixture["snapshots"]}

    for topic in topics:
        assert get_topic(resolve_topic(topic)) == topic


def test_engagements_and_complaints_stored_before_the_split_load_as_they_did(
    app: Rapport,
) -> None:
    fixture = load_fixture()
    app.recorder.insert_events(stored(fixture["events"]))
    assert app.snapshots is not None
    app.snapshots.recorder.insert_events(stored(fixture["snapshots"]))

    for aggregate_id, expected in fixture["expected"].items():
        if expected["kind"] == "engagement":
            assert engagement_summary(app.get(UUID(aggregate_id), Engagement)) == expected
        else:
            assert complaint_summary(app.get(UUID(aggregate_id), Complaint)) == expected


def test_an_engagement_stored_before_the_split_loads_at_an_older_version_from_events_alone(
    app: Rapport,
) -> None:
    """Below its first snapshot the engagement is folded from its events only."""
    fixture = load_fixture()
    app.recorder.insert_events(stored(fixture["events"]))
    engagement_id = UUID(fixture["snapshots"][0]["originator_id"])

    engagement = app.get(engagement_id, Engagement, version=20)

    assert engagement.version == 20
    assert engagement.title


def engagement_summary(engagement: Engagement) -> dict[str, Any]:
    return {
        "kind": "engagement",
        "version": engagement.version,
        "state": str(engagement.state),
        "title": engagement.title,
        "milestones": len(engagement.milestones),
        "members": len(engagement.members),
        "objectives_set": len(engagement.objectives_set),
        "meeting_count": engagement.meeting_count,
        "latest_rag": None if engagement.latest_rag is None else str(engagement.latest_rag),
        "total_cost": str(engagement.total_cost),
        "budget": str(engagement.budget),
        "survey_response_count": engagement.survey_response_count,
    }


def complaint_summary(complaint: Complaint) -> dict[str, Any]:
    return {
        "kind": "complaint",
        "version": complaint.version,
        "state": str(complaint.state),
        "resolution_cycle": complaint.resolution_cycle,
        "escalation_level": complaint.escalation_level,
        "breaches": len(complaint.breaches),
        "note_count": complaint.note_count,
    }
