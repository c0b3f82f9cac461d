"""The demo's loader: a step of data becomes its command, or a clear error."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, cast
from uuid import uuid4

import pytest

from application.commands.engagement import LogMeeting, RecordCost
from application.service import Rapport
from domain.engagement import ActionItem, CostCategory
from interfaces.cli.demo.loader import read_steps, step_from
from interfaces.cli.demo.timeline import Refs

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def refs_with(**ids: Any) -> Refs:
    refs = Refs(cast(Rapport, None), NOW)  # these steps look nothing up in the application
    refs.ids.update(ids)
    return refs


def test_a_step_becomes_its_command_with_arguments_of_the_declared_types() -> None:
    engagement = uuid4()
    step = step_from(
        {
            "days_ago": 2,
            "hours_later": 12,
            "actor": "li",
            "command": "RecordCost",
            "engagement_id": {"ref": "e-care"},
            "amount": "920.00",
            "category": "travel",
            "incurred_on": {"day": 4},
        }
    )
    assert step.days_ago == 1.5
    assert step.build(refs_with(**{"e-care": engagement})) == RecordCost(
        engagement_id=engagement,
        amount=Decimal("920.00"),
        category=CostCategory.TRAVEL,
        incurred_on=date(2026, 2, 26),
    )


def test_nested_records_and_tuples_are_built_from_mappings_and_lists() -> None:
    engagement = uuid4()
    step = step_from(
        {
            "days_ago": 4,
            "actor": "hanna",
            "command": "LogMeeting",
            "engagement_id": {"ref": "e-care"},
            "held_on": {"day": 4},
            "attendees": ["hanna", "erik"],
            "agenda": "Handover",
            "minutes": "Planned",
            "action_items": [{"description": "Name leads", "owner": "erik", "due_on": {"day": 0}}],
        }
    )
    command = step.build(refs_with(**{"e-care": engagement}))
    assert command == LogMeeting(
        engagement_id=engagement,
        held_on=date(2026, 2, 26),
        attendees=("hanna", "erik"),
        agenda="Handover",
        minutes="Planned",
        action_items=(ActionItem(description="Name leads", owner="erik", due_on=date(2026, 3, 2)),),
    )


def test_an_unknown_command_or_argument_is_refused_when_the_data_is_read() -> None:
    with pytest.raises(ValueError, match="no known command: 'OpenProject'"):
        step_from({"days_ago": 1, "actor": "a", "command": "OpenProject"})
    with pytest.raises(ValueError, match="RecordCost has no argument colour"):
        step_from({"days_ago": 1, "actor": "a", "command": "RecordCost", "colour": "red"})


def test_a_reference_to_a_key_no_earlier_step_created_names_the_key() -> None:
    step = step_from(
        {"days_ago": 1, "actor": "a", "command": "StartEngagement", "engagement_id": {"ref": "x"}}
    )
    with pytest.raises(LookupError, match="'x' before it was created"):
        step.build(refs_with())


def test_the_demo_data_reads_as_steps_none_in_the_future() -> None:
    steps = read_steps()
    assert steps
    assert all(step.days_ago >= 0 for step in steps)
