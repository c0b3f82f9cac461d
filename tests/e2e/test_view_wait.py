"""A mutation answers once the views show it, or says that they did not yet.

With the projectors off and a short wait, a mutation still answers its version
and ids, with `viewsCurrent` false and the object as the views show it so far;
once the views catch up, a query shows the object. A replayed answer (the same
idempotency key again) tells the truth about the views as well."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import FakeClock
from tests.e2e.conftest import Api, engagement_input, running_api

ENGAGEMENT = "... on EngagementPayload { engagement { id state } }"
COMPLAINT = "... on ComplaintPayload { complaint { id state } }"


@pytest.fixture
def stalled_api(database_url: str, clock: FakeClock) -> Iterator[Api]:
    """The app with no projector running, waiting at most 0.05 s for the views."""
    with running_api(database_url, clock, projectors=False, view_wait_seconds=0.05) as started:
        yield started


def catch_up(api: Api) -> None:
    api.services.runtime.projector().catch_up()


def complaint_input(engagement_id: str, **extra: Any) -> dict[str, Any]:
    return {
        "engagementId": engagement_id,
        "channel": "EMAIL",
        "severity": "HIGH",
        "category": "billing",
        "description": "Invoice twice",
        **extra,
    }


def test_a_create_the_views_do_not_show_yet_answers_its_ids_saying_so(stalled_api: Api) -> None:
    api = stalled_api
    opened = api.mutate("openEngagement", engagement_input(), ENGAGEMENT)
    engagement_id = opened["engagementId"]

    assert opened["__typename"] == "EngagementPayload"
    assert (opened["version"], opened["createdIds"]) == (1, [engagement_id])
    assert (opened["viewsCurrent"], opened["engagement"]) == (False, None)
    catch_up(api)
    shown = api.data(
        "query($id: UUID!) { engagement(id: $id) { id state } }", {"id": engagement_id}
    )
    assert shown["engagement"] == {"id": engagement_id, "state": "PLANNED"}


def test_a_change_the_views_do_not_show_yet_answers_what_they_show_so_far(
    stalled_api: Api,
) -> None:
    api = stalled_api
    engagement_id = api.mutate("openEngagement", engagement_input())["engagementId"]
    catch_up(api)

    started = api.mutate("startEngagement", {"engagementId": engagement_id}, ENGAGEMENT)

    assert (started["__typename"], started["version"], started["createdIds"]) == (
        "EngagementPayload",
        2,
        [],
    )
    assert started["viewsCurrent"] is False
    assert started["engagement"] == {"id": engagement_id, "state": "PLANNED"}
    catch_up(api)
    shown = api.data("query($id: UUID!) { engagement(id: $id) { state } }", {"id": engagement_id})
    assert shown["engagement"] == {"state": "ACTIVE"}


def test_a_replayed_answer_says_whether_the_views_show_the_first_one_by_now(
    stalled_api: Api,
) -> None:
    api = stalled_api
    engagement_id = api.mutate("openEngagement", engagement_input())["engagementId"]
    api.mutate("startEngagement", {"engagementId": engagement_id})
    catch_up(api)
    request = complaint_input(engagement_id, idempotencyKey="ticket-9")

    first = api.mutate("receiveComplaint", request, COMPLAINT)
    again_while_behind = api.mutate("receiveComplaint", request, COMPLAINT)
    catch_up(api)
    again_caught_up = api.mutate("receiveComplaint", request, COMPLAINT)

    complaint_id = first["complaintId"]
    assert [
        (a["replayed"], a["viewsCurrent"], a["complaint"]) for a in (first, again_while_behind)
    ] == [
        (False, False, None),
        (True, False, None),
    ]
    assert again_caught_up["replayed"] and again_caught_up["viewsCurrent"]
    assert again_caught_up["complaint"] == {"id": complaint_id, "state": "RECEIVED"}
    assert {a["complaintId"] for a in (first, again_while_behind, again_caught_up)} == {
        complaint_id
    }


def test_with_the_projectors_running_a_create_and_a_change_answer_with_the_views_current(
    api: Api,
) -> None:
    engagement_id = api.open_engagement()
    received = api.mutate("receiveComplaint", complaint_input(engagement_id), COMPLAINT)
    complaint_id = received["complaintId"]
    acknowledged = api.mutate(
        "acknowledgeComplaint",
        {"complaintId": complaint_id, "agent": "li", "message": "On it"},
        COMPLAINT,
    )

    assert (received["viewsCurrent"], received["complaint"]) == (
        True,
        {"id": complaint_id, "state": "RECEIVED"},
    )
    assert (acknowledged["viewsCurrent"], acknowledged["complaint"]) == (
        True,
        {"id": complaint_id, "state": "ACKNOWLEDGED"},
    )


VIEWS_REACHED = "query($position: Int!) { viewsReached(position: $position) }"


def test_views_reached_says_whether_the_views_took_the_log_up_to_a_position(
    stalled_api: Api,
) -> None:
    api = stalled_api
    api.mutate("openEngagement", engagement_input())
    head = api.services.rapport.head()
    assert api.data(VIEWS_REACHED, {"position": head})["viewsReached"] is False

    catch_up(api)
    assert api.data(VIEWS_REACHED, {"position": head})["viewsReached"] is True
    assert api.data(VIEWS_REACHED, {"position": 0})["viewsReached"] is True
    (error,) = api.gql(VIEWS_REACHED, {"position": -1})["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "position"}
