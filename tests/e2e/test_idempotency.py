"""Idempotency keys over HTTP: ten copies of one request sent at once record
once and all get the same answer, whenever each arrives; the key sent again
with another input is refused on the key and records nothing.

Starlette's TestClient is safe to call from threads once its `with` block has
started the app: every request goes through one thread-safe anyio portal into
the app's single event loop, and the app runs each command in its worker
thread pool, so ten copies really are decided at the same time."""

from __future__ import annotations

import itertools
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from typing import Any

import pytest

from tests.e2e.conftest import CLIENT_ID, OTHER_CLIENT_ID, Api, audit_trail, event_types

COPIES = 10
ROUNDS = 16
KEY = "invoice-42"


def complaint_input(engagement_id: str, **overrides: Any) -> dict[str, Any]:
    return {
        "engagementId": engagement_id,
        "channel": "PHONE",
        "severity": "CRITICAL",
        "category": "outage",
        "description": "Line down",
        "idempotencyKey": KEY,
        **overrides,
    }


def cost_input(engagement_id: str, amount: str = "420.00", **overrides: Any) -> dict[str, Any]:
    return {
        "engagementId": engagement_id,
        "amount": amount,
        "category": "TRAVEL",
        "incurredOn": "2026-03-01",
        "idempotencyKey": KEY,
        **overrides,
    }


def line_up(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hold each copy after its first look for the key until all have looked,
    so all ten decide before any saves: the race the key must win, rather than
    nine copies arriving after the first is saved. A copy that waits in vain
    (the application no longer looks first) simply goes on."""
    recorder = api.services.rapport.index
    look_up = recorder.idempotency_record
    barrier, calls = threading.Barrier(COPIES), itertools.count()

    def lined_up(key: str) -> Any:
        found = look_up(key)
        if next(calls) < COPIES:
            with suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=5)
        return found

    monkeypatch.setattr(recorder, "idempotency_record", lined_up)


def send_at_once(
    api: Api, mutation: str, inputs: list[dict[str, Any]], spacing: float = 0
) -> list[dict[str, Any]]:
    """The answers to `mutation` with each input, all sent at the same moment,
    or each `spacing` seconds after the one before."""
    token = api.token("admin")  # minted before the threads: the helper caches it unlocked
    start = threading.Barrier(len(inputs))

    def send(n: int) -> dict[str, Any]:
        start.wait(timeout=10)
        time.sleep(n * spacing)
        return api.mutate(mutation, inputs[n], token=token)

    with ThreadPoolExecutor(len(inputs)) as pool:
        return list(pool.map(send, range(len(inputs))))


def send_in_rounds(
    api: Api, mutation: str, requests: list[dict[str, Any]]
) -> list[list[dict[str, Any]]]:
    """Each request sent as ten copies with a key of its own, one round after
    another. From round to round the copies leave 0 to 3 ms apart, so that they
    meet the first copy at every stage: before it decides, while it decides and
    saves, and after its events are in."""
    return [
        send_at_once(
            api,
            mutation,
            [{**request, "idempotencyKey": f"{mutation}-{round}"}] * COPIES,
            spacing=(round % 4) / 1000,
        )
        for round, request in enumerate(requests)
    ]


def assert_one_answer(answers: list[dict[str, Any]], id_field: str) -> None:
    assert {answer["__typename"] for answer in answers} == {id_field[:-2].title() + "Payload"}
    same = {(a[id_field], a["version"], tuple(a["createdIds"]), a["viewsCurrent"]) for a in answers}
    assert len(same) == 1
    assert sorted(answer["replayed"] for answer in answers) == [False] + [True] * (COPIES - 1)


def assert_one_answer_a_round(rounds: list[list[dict[str, Any]]], id_field: str) -> None:
    payload = id_field[:-2].title() + "Payload"
    refused = [
        answer for answers in rounds for answer in answers if answer["__typename"] != payload
    ]
    assert refused == []
    for answers in rounds:
        assert_one_answer(answers, id_field)


def test_ten_concurrent_complaints_with_one_key_receive_one_complaint(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    engagement_id = api.open_engagement()
    head = api.services.rapport.head()
    line_up(api, monkeypatch)

    answers = send_at_once(api, "receiveComplaint", [complaint_input(engagement_id)] * COPIES)

    assert_one_answer(answers, "complaintId")
    complaint_id = answers[0]["complaintId"]
    assert answers[0]["createdIds"] == [complaint_id]
    assert event_types(audit_trail(api, engagement_id, after=head)) == ["Complaint.Received"]
    query = "query($id: UUID!) { complaints(filter: {engagementId: $id}) { nodes { id } } }"
    listed = api.data(query, {"id": engagement_id})["complaints"]["nodes"]
    assert listed == [{"id": complaint_id}]


def test_ten_concurrent_costs_with_one_key_record_one_cost(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    engagement_id = api.open_engagement()
    head = api.services.rapport.head()
    line_up(api, monkeypatch)

    answers = send_at_once(api, "recordCost", [cost_input(engagement_id)] * COPIES)

    assert_one_answer(answers, "engagementId")
    assert answers[0]["version"] == 3  # opened, started, one cost
    assert len(answers[0]["createdIds"]) == 1
    assert event_types(audit_trail(api, engagement_id, after=head)) == ["Engagement.CostRecorded"]
    query = "query($id: UUID!) { engagement(id: $id) { budget { actualCost } } }"
    budget = api.data(query, {"id": engagement_id})["engagement"]["budget"]
    assert budget == {"actualCost": "420.00"}


def test_a_key_sent_again_with_another_input_is_refused_on_the_key(api: Api) -> None:
    engagement_id = api.open_engagement()
    first = api.mutate("recordCost", cost_input(engagement_id))
    head = api.services.rapport.head()

    other_amount = api.mutate("recordCost", cost_input(engagement_id, amount="421.00"))
    other_mutation = api.mutate("receiveComplaint", complaint_input(engagement_id))
    same = api.mutate("recordCost", cost_input(engagement_id))

    for refused in (other_amount, other_mutation):
        assert (refused["__typename"], refused["field"]) == (
            "ValidationError",
            ["input", "idempotencyKey"],
        )
    assert api.services.rapport.head() == head
    assert same == {**first, "replayed": True}


def test_ten_concurrent_different_inputs_with_one_key_record_one_and_refuse_nine(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    engagement_id = api.open_engagement()
    head = api.services.rapport.head()
    line_up(api, monkeypatch)
    inputs = [cost_input(engagement_id, amount=f"{100 + n}.00") for n in range(COPIES)]

    answers = send_at_once(api, "recordCost", inputs)

    kinds = sorted(answer["__typename"] for answer in answers)
    assert kinds == ["EngagementPayload"] + ["ValidationError"] * (COPIES - 1)
    refused = [answer["field"] for answer in answers if "field" in answer]
    assert refused == [["input", "idempotencyKey"]] * (COPIES - 1)
    assert event_types(audit_trail(api, engagement_id, after=head)) == ["Engagement.CostRecorded"]


def test_a_client_repeating_another_clients_request_and_key_learns_nothing(api: Api) -> None:
    engagement_id = api.open_engagement(CLIENT_ID)
    request = complaint_input(engagement_id, idempotencyKey="ticket-1")
    first = api.mutate("receiveComplaint", request, token=api.token("client", CLIENT_ID))
    assert first["__typename"] == "ComplaintPayload"

    theirs = api.mutate("receiveComplaint", request, token=api.token("client", OTHER_CLIENT_ID))

    assert (theirs["__typename"], theirs.get("kind")) == ("NotFound", "engagement")


def waiting_on_client(api: Api, engagement_id: str) -> str:
    """A new complaint, acknowledged, assigned and waiting on the client."""
    complaint_id = api.receive_complaint(engagement_id)
    for mutation, input in (
        ("acknowledgeComplaint", {"complaintId": complaint_id, "agent": "li", "message": "Hi"}),
        ("assignComplaint", {"complaintId": complaint_id, "agent": "li"}),
        ("waitOnClient", {"complaintId": complaint_id, "reason": "Which invoice?"}),
    ):
        answer = api.mutate(mutation, input)
        assert answer["__typename"] == "ComplaintPayload", answer
    return complaint_id


def test_every_copy_of_a_received_complaint_gets_the_first_answer_round_after_round(
    api: Api,
) -> None:
    engagement_id = api.open_engagement()
    head = api.services.rapport.head()

    rounds = send_in_rounds(api, "receiveComplaint", [complaint_input(engagement_id)] * ROUNDS)

    assert_one_answer_a_round(rounds, "complaintId")
    received = event_types(audit_trail(api, engagement_id, after=head))
    assert received == ["Complaint.Received"] * ROUNDS


def test_every_copy_of_an_acknowledgement_gets_the_first_answer_round_after_round(
    api: Api,
) -> None:
    engagement_id = api.open_engagement()
    complaint_ids = [api.receive_complaint(engagement_id) for _ in range(ROUNDS)]
    head = api.services.rapport.head()
    requests = [{"complaintId": c, "agent": "li", "message": "On it"} for c in complaint_ids]

    rounds = send_in_rounds(api, "acknowledgeComplaint", requests)

    assert_one_answer_a_round(rounds, "complaintId")
    assert [(r[0]["complaintId"], r[0]["version"]) for r in rounds] == [
        (c, 2) for c in complaint_ids
    ]
    acknowledged = event_types(audit_trail(api, engagement_id, after=head))
    assert acknowledged == ["Complaint.Acknowledged"] * ROUNDS


def test_every_copy_of_a_client_reply_gets_the_first_answer_round_after_round(api: Api) -> None:
    engagement_id = api.open_engagement()
    complaint_ids = [waiting_on_client(api, engagement_id) for _ in range(ROUNDS)]
    head = api.services.rapport.head()
    requests = [{"complaintId": c, "message": "INV-7"} for c in complaint_ids]

    rounds = send_in_rounds(api, "recordClientReply", requests)

    assert_one_answer_a_round(rounds, "complaintId")
    replied = event_types(audit_trail(api, engagement_id, after=head))
    assert replied == ["Complaint.ClientReplied"] * ROUNDS
