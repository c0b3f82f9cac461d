"""The aggregates split into parts, one module per concern, keep the topics
their events were stored under when each aggregate was one module."""

from __future__ import annotations

import pytest
from eventsourcing.domain import CanMutateAggregate
from eventsourcing.utils import get_topic

from domain.complaint import Complaint
from domain.engagement import Engagement


def part_events(aggregate: type) -> dict[str, type]:
    """The event classes the aggregate's parts (its non-aggregate bases) define."""
    return {
        name: value
        for part in aggregate.__mro__
        if part.__module__.startswith(aggregate.__module__ + ".")
        for name, value in vars(part).items()
        if isinstance(value, type) and issubclass(value, CanMutateAggregate)
    }


@pytest.mark.parametrize("aggregate", [Engagement, Complaint])
def test_every_event_of_a_part_is_stored_under_the_aggregate_module_topic(
    aggregate: type,
) -> None:
    events = part_events(aggregate)
    module, name = aggregate.__module__, aggregate.__qualname__

    assert events
    for event_name in events:
        assert get_topic(getattr(aggregate, event_name)) == f"{module}:{name}.{event_name}"


def test_the_aggregates_keep_their_topics() -> None:
    assert get_topic(Engagement) == "domain.engagement:Engagement"
    assert get_topic(Complaint) == "domain.complaint:Complaint"
