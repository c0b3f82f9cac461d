"""Answers given again from the response cache are exactly what the query would
answer now: a write, a rebuild, a clock falling due or another caller's scope
makes the query worked out again; answers about the caller, with figures that
move at every instant, with errors, or of mutations are never given again."""

from __future__ import annotations

import threading
from datetime import datetime
from typing import TYPE_CHECKING, Any

import pytest

from interfaces.graphql.response_cache import ResponseCache
from tests.e2e.conftest import CLIENT_ID, OTHER_CLIENT_ID, Api
from tests.processes import wait_until

if TYPE_CHECKING:
    from tests.e2e.live_server import Server
    from tests.e2e.writer import Writer

DASHBOARD = """query($id: UUID!) { engagement(id: $id) {
    title health
    satisfaction { complaintsReceived slaCompliance { clock unansweredPastDue } }
    complaints(first: 20) { nodes { id pastDue firstResponseDue } }
} }"""


def cache_of(api: Api) -> ResponseCache:
    cache: ResponseCache = api.client.app.state.responses  # type: ignore[attr-defined]
    return cache


def asked(api: Api, query: str, variables: dict[str, Any], token: str | None = None) -> Any:
    """The answer's data and whether the cache gave it."""
    cache = cache_of(api)
    hits = cache.hits
    data = api.data(query, variables, token=token)
    return data, cache.hits == hits + 1


def test_an_answer_is_given_again_until_a_write_changes_what_it_read(api: Api) -> None:
    engagement_id = api.open_engagement()
    api.receive_complaint(engagement_id)
    first, from_cache = asked(api, DASHBOARD, {"id": engagement_id})
    assert not from_cache
    again, from_cache = asked(api, DASHBOARD, {"id": engagement_id})
    assert from_cache and again == first

    api.receive_complaint(engagement_id)  # answered once the views show it
    after, from_cache = asked(api, DASHBOARD, {"id": engagement_id})
    assert not from_cache
    assert after["engagement"]["satisfaction"]["complaintsReceived"] == 2
    assert asked(api, DASHBOARD, {"id": engagement_id}) == (after, True)


def test_an_answer_is_not_given_again_once_a_clock_in_it_falls_due(api: Api) -> None:
    engagement_id = api.open_engagement()
    api.receive_complaint(engagement_id)
    data, _ = asked(api, DASHBOARD, {"id": engagement_id})
    (complaint,) = data["engagement"]["complaints"]["nodes"]
    assert complaint["pastDue"] is False
    due = datetime.fromisoformat(complaint["firstResponseDue"])

    api.clock.current = due  # due, not yet past it
    at_due, from_cache = asked(api, DASHBOARD, {"id": engagement_id})
    assert from_cache and at_due == data

    api.clock.advance(microseconds=1)
    past, from_cache = asked(api, DASHBOARD, {"id": engagement_id})
    assert not from_cache
    (complaint,) = past["engagement"]["complaints"]["nodes"]
    assert complaint["pastDue"] is True
    compliance = past["engagement"]["satisfaction"]["slaCompliance"]
    assert {c["clock"]: c["unansweredPastDue"] for c in compliance}["FIRST_RESPONSE"] == 1


def test_callers_of_another_scope_never_get_an_answer_kept_for_someone_else(api: Api) -> None:
    engagement_id = api.open_engagement(CLIENT_ID)
    staff, _ = asked(api, DASHBOARD, {"id": engagement_id})
    assert staff["engagement"]["title"]
    other_client = api.token("client", OTHER_CLIENT_ID)
    hidden, from_cache = asked(api, DASHBOARD, {"id": engagement_id}, other_client)
    assert not from_cache and hidden == {"engagement": None}
    own_client = api.token("client", CLIENT_ID)
    own, from_cache = asked(api, DASHBOARD, {"id": engagement_id}, own_client)
    assert not from_cache and own["engagement"]["title"] == staff["engagement"]["title"]
    assert asked(api, DASHBOARD, {"id": engagement_id}, own_client) == (own, True)


@pytest.mark.parametrize(
    "query",
    [
        "{ me { name role } }",
        """query($id: UUID!) { engagement(id: $id) { complaints(first: 5) {
            nodes { secondsInState } } } }""",
        """query($id: UUID!) { engagement(id: $id) { complaints(first: 500) {
            nodes { id } } } }""",
        """query($id: UUID!) { engagement(id: $id, asOf: "2026-03-02T10:00:00Z") {
            satisfaction { complaintsReceived } } }""",
    ],
    ids=["about the caller", "seconds in a state", "an error", "read from the log"],
)
def test_answers_that_are_not_only_the_views_are_never_given_again(api: Api, query: str) -> None:
    engagement_id = api.open_engagement()
    api.receive_complaint(engagement_id)
    variables = {"id": engagement_id} if "$id" in query else {}
    for _ in range(2):
        body = api.gql(query, variables)
        assert cache_of(api).hits == 0, body


def test_a_mutation_is_never_given_again(api: Api) -> None:
    mutation = 'mutation { replayViews(views: ["no_such_view"]) { __typename } }'
    for _ in range(2):
        assert api.data(mutation) == {"replayViews": {"__typename": "ValidationError"}}
    assert cache_of(api).hits == 0


def test_a_rebuild_of_the_views_is_not_hidden_by_an_answer_kept_before_it(api: Api) -> None:
    engagement_id = api.open_engagement()
    api.receive_complaint(engagement_id)
    before, _ = asked(api, DASHBOARD, {"id": engagement_id})
    replayed = api.data("mutation { replayViews { __typename } }")
    assert replayed == {"replayViews": {"__typename": "ViewsReplayed"}}
    after, from_cache = asked(api, DASHBOARD, {"id": engagement_id})
    assert not from_cache and after == before


def test_readers_never_see_an_answer_older_than_one_they_saw_before(
    server: Server, writer: Writer
) -> None:
    """Readers ask over and over while another process writes: each reader's
    count of complaints never goes back, and once the writes are projected,
    every reader gets all of them."""
    engagement_id = server.open_engagement()
    token = server.token()
    query = "query($id: UUID!) { engagement(id: $id) { satisfaction { complaintsReceived } } }"
    writing = threading.Event()
    seen: list[list[int]] = [[] for _ in range(4)]

    def read(counts: list[int]) -> None:
        while writing.is_set():
            data = server.data(query, {"id": engagement_id}, token)
            counts.append(data["engagement"]["satisfaction"]["complaintsReceived"])

    def each_reader_reads_twice_more() -> None:
        # Reads and writes interleave however fast the writer is.
        before = [len(counts) for counts in seen]
        wait_until(lambda: all(len(c) >= n + 2 for c, n in zip(seen, before, strict=True)))

    writing.set()
    readers = [threading.Thread(target=read, args=(counts,)) for counts in seen]
    for reader in readers:
        reader.start()
    try:
        for _ in range(5):
            writer.write(engagement_id, 4)
            each_reader_reads_twice_more()
    finally:
        writing.clear()
        for reader in readers:
            reader.join()
    server.settle()
    final = server.data(query, {"id": engagement_id}, token)
    assert final["engagement"]["satisfaction"]["complaintsReceived"] == 20
    for counts in seen:
        assert counts == sorted(counts)
    assert sum(len(counts) for counts in seen) > 20
