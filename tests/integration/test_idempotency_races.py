"""Copies of one command sent with one idempotency key, interleaved on purpose:
whenever a copy arrives, it gets the first copy's answer.

Each test makes one interleaving happen in one thread: a copy is held at a
step of its way (after its key lookup, or between deciding and saving) while
another copy runs to its end, then goes on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from application.commands.base import Command, CommandResult
from application.commands.complaint import AcknowledgeComplaint, ReceiveComplaint
from application.errors import IdempotencyKeyReused, RuleViolation
from application.service import Rapport
from tests.builders import open_engagement, receive_complaint, run

KEY = "retry-7"


def acknowledge(complaint_id: Any, message: str = "On it") -> AcknowledgeComplaint:
    return AcknowledgeComplaint(complaint_id=complaint_id, agent="li", message=message)


def another_copy_after_the_key_lookup(
    app: Rapport, monkeypatch: pytest.MonkeyPatch, copy: Callable[[], CommandResult]
) -> list[CommandResult]:
    """Let `copy` run to its end right after the next command has looked for its
    key and found nothing, before that command loads and decides: the command
    then decides on the state `copy` left. Returns (once run) `copy`'s answer."""
    look_up = app.index.idempotency_record
    answers: list[CommandResult] = []

    def look_up_then_let_the_copy_in(key: str) -> Any:
        found = look_up(key)
        monkeypatch.setattr(app.index, "idempotency_record", look_up)
        answers.append(copy())
        return found

    monkeypatch.setattr(app.index, "idempotency_record", look_up_then_let_the_copy_in)
    return answers


def another_copy_before_the_save(
    app: Rapport, monkeypatch: pytest.MonkeyPatch, copy: Callable[[], CommandResult]
) -> list[CommandResult]:
    """Let `copy` run to its end while the next command has decided and not yet
    saved: `copy` decides on the same state and saves first."""
    save = app.save
    answers: list[CommandResult] = []

    def let_the_copy_in_then_save(*args: Any, **kwargs: Any) -> Any:
        monkeypatch.setattr(app, "save", save)
        answers.append(copy())
        return save(*args, **kwargs)

    monkeypatch.setattr(app, "save", let_the_copy_in_then_save)
    return answers


def same_answer(result: CommandResult) -> tuple[Any, ...]:
    return (result.aggregate_id, result.version, result.created_ids, result.position)


def test_a_copy_refused_by_a_rule_only_because_the_first_got_in_gets_the_first_answer(
    app: Rapport, monkeypatch: pytest.MonkeyPatch
) -> None:
    complaint_id = receive_complaint(app, open_engagement(app))
    command = acknowledge(complaint_id)
    first = another_copy_after_the_key_lookup(
        app, monkeypatch, lambda: run(app, command, idempotency_key=KEY)
    )

    late = run(app, command, idempotency_key=KEY)

    assert [(r.replayed, same_answer(r)) for r in first] == [(False, same_answer(late))]
    assert late.replayed
    assert [type(e).__name__ for e in app.history(complaint_id)] == ["Received", "Acknowledged"]


def test_a_copy_pinned_to_the_version_the_first_changed_gets_the_first_answer(
    app: Rapport, monkeypatch: pytest.MonkeyPatch
) -> None:
    complaint_id = receive_complaint(app, open_engagement(app))
    command = acknowledge(complaint_id)
    first = another_copy_after_the_key_lookup(
        app, monkeypatch, lambda: run(app, command, idempotency_key=KEY, expected_version=1)
    )

    late = run(app, command, idempotency_key=KEY, expected_version=1)

    assert [same_answer(r) for r in first] == [same_answer(late)]
    assert late.replayed and late.version == 2


def test_another_command_under_the_key_the_first_took_is_refused_on_the_key(
    app: Rapport, monkeypatch: pytest.MonkeyPatch
) -> None:
    complaint_id = receive_complaint(app, open_engagement(app))
    another_copy_after_the_key_lookup(
        app, monkeypatch, lambda: run(app, acknowledge(complaint_id), idempotency_key=KEY)
    )

    with pytest.raises(IdempotencyKeyReused):
        run(app, acknowledge(complaint_id, "Hello"), idempotency_key=KEY)


def test_a_command_refused_by_a_rule_under_a_fresh_key_keeps_its_refusal(app: Rapport) -> None:
    complaint_id = receive_complaint(app, open_engagement(app))
    run(app, acknowledge(complaint_id), idempotency_key="the-first-one")
    head = app.head()

    with pytest.raises(RuleViolation) as refused:
        run(app, acknowledge(complaint_id), idempotency_key="another-one")

    assert refused.value.rule == "complaint.acknowledge_once"
    assert app.head() == head
    assert app.index.idempotency_record("another-one") is None


@pytest.mark.parametrize("kind", ["create", "change"])
def test_a_copy_that_decided_before_another_saved_gets_that_ones_answer(
    app: Rapport, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    engagement_id = open_engagement(app)
    command: Command = (
        ReceiveComplaint(
            engagement_id=engagement_id,
            channel="phone",
            severity="high",
            category="billing",
            description="Invoice twice",
        )
        if kind == "create"
        else acknowledge(receive_complaint(app, engagement_id))
    )
    head = app.head()
    saved_first = another_copy_before_the_save(
        app, monkeypatch, lambda: run(app, command, idempotency_key=KEY)
    )

    held = run(app, command, idempotency_key=KEY)

    assert [(r.replayed, same_answer(r)) for r in saved_first] == [(False, same_answer(held))]
    assert held.replayed
    assert app.head() == head + 1
