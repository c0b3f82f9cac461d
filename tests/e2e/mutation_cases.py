"""The mutation case runner, and the steps that build the state a test starts from.

Each area's table of cases lives in `test_mutations_<area>.py`; a case names the
state a mutation starts from, a valid input, what the changed object then shows,
a value the input refuses, and the rule a second attempt breaks. Inputs are
templates: "$engagement", "$complaint"... stand for ids a step created.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from typing import Any

from graphql import (
    GraphQLInputObjectType,
    get_named_type,
    get_nullable_type,
    is_list_type,
)
from graphql import build_schema as parse_sdl

from interfaces.graphql.schema import build_schema
from tests.e2e.conftest import HISTORY, Api, engagement_input, event_types, mutation_noun

Ids = dict[str, str]
Given = Callable[[Api], Ids]
Then = Callable[[Api, Ids], None]


@dataclass(frozen=True)
class Case:
    """One mutation: from the state `given` builds, `input` succeeds and the
    changed object shows `shows` with `event` last in its history."""

    mutation: str
    given: Given
    input: dict[str, Any]  # "$engagement", "$complaint"... stand for ids `given` made
    shows: dict[str, Any]  # fields of the changed object, as GraphQL answers them
    event: str
    invalid: tuple[str, Any] | None = None  # an input field and a value it refuses
    rule: str | None = None  # the rule the same input breaks once `then` has run...
    then: Then | None = None  # ...(None: right after the success)
    creates: bool = False  # the command gives an id to something inside the object

    def __str__(self) -> str:
        return self.mutation

    @property
    def noun(self) -> str:
        return mutation_noun(self.mutation)

    @property
    def key(self) -> str:
        """The object's name in answers and ids: `slaPolicy`, `complaint`."""
        return self.noun[:1].lower() + self.noun[1:]

    @property
    def creates_object(self) -> bool:
        """Whether the command makes a new object (its input names none of its kind)."""
        return f"${self.key}" not in self.input.values()

    @property
    def names(self) -> list[str]:
        """The ids its input names ("$engagement" -> "engagement"), in order."""
        values = [v for v in self.input.values() if isinstance(v, str)]
        return [value[1:] for value in values if value.startswith("$")]


# Templates and steps.


def resolve(template: Any, ids: Ids) -> Any:
    """The template with each "$name" replaced by ids[name]."""
    if isinstance(template, str) and template.startswith("$"):
        return ids[template[1:]]
    if isinstance(template, dict):
        return {key: resolve(value, ids) for key, value in template.items()}
    if isinstance(template, list):
        return [resolve(item, ids) for item in template]
    return template


def step(mutation: str, template: dict[str, Any], name: str | None = None) -> Then:
    """A mutation that must succeed; `name` keeps the id it creates."""

    def apply(api: Api, ids: Ids) -> None:
        result = api.mutate(mutation, resolve(template, ids))
        assert result["__typename"].endswith("Payload"), (mutation, result)
        if name:
            ids[name] = result["createdIds"][0]

    return apply


def steps(*each: Then) -> Then:
    def apply(api: Api, ids: Ids) -> None:
        for one in each:
            one(api, ids)

    return apply


def run_steps(api: Api, ids: Ids, *each: tuple[str, dict[str, Any], str | None]) -> Ids:
    """Run (mutation, input, name of the id it creates) steps on `ids`."""
    steps(*(step(*one) for one in each))(api, ids)
    return ids


def given(base: Given, *each: Then) -> Given:
    def build(api: Api) -> Ids:
        ids = base(api)
        steps(*each)(api, ids)
        return ids

    return build


def nothing(api: Api) -> Ids:
    return {}


def active(api: Api) -> Ids:
    return {"engagement": api.open_engagement()}


def two_engagements(api: Api) -> tuple[Ids, Ids]:
    return active(api), active(api)


E = {"engagementId": "$engagement"}
planned = given(nothing, step("openEngagement", engagement_input(), "engagement"))
CAPTURE = {**E, "title": "Export to CSV", "source": "WORKSHOP", "priority": "MUST",
           "requestedBy": "Ann"}  # fmt: skip
RECEIVE = {**E, "channel": "PHONE", "severity": "HIGH", "category": "billing",
           "description": "Charged twice"}  # fmt: skip
IDENTIFY = {**E, "title": "Key person leaves", "category": "RESOURCE", "owner": "maria"}
CLOSE_ENGAGEMENT = step("closeEngagement", {**E, "outcome": "Done", "forceReason": "Wrap up"})


# Running a case.


def selection(shape: dict[str, Any]) -> str:
    """The GraphQL selection that answers with `shape`'s keys."""
    parts = []
    for key, value in shape.items():
        inner = value[0] if isinstance(value, list) and value else value
        parts.append(f"{key} {{ {selection(inner)} }}" if isinstance(inner, dict) else key)
    return " ".join(parts)


def version_of(api: Api, noun: str, object_id: str) -> int:
    name = noun[:1].lower() + noun[1:]
    data = api.data(f"query($id: UUID!) {{ {name}(id: $id) {{ version }} }}", {"id": object_id})
    assert data[name] is not None, f"the views do not show {name} {object_id}"
    version: int = data[name]["version"]
    return version


# Characters no text input takes, one of each class: NUL, a C0 control, DEL, a C1 control.
NOT_TEXT = {"NUL": "\x00", "escape": "\x1b", "delete": "\x7f", "C1 control": "\x85"}


@cache
def text_fields(mutation: str) -> dict[str, bool]:
    """The input's text fields, each with whether it is a list of texts."""
    schema = parse_sdl(build_schema().as_str())
    input_type = schema.get_type(mutation[:1].upper() + mutation[1:] + "Input")
    assert isinstance(input_type, GraphQLInputObjectType)
    found = {}
    for name, field in input_type.fields.items():
        named = get_named_type(field.type)
        if named.name == "String" and name != "idempotencyKey":
            found[name] = is_list_type(get_nullable_type(field.type))
    return found


def refusals(api: Api, case: Case, inputs: dict[str, Any]) -> Iterator[tuple[str, Any, list[str]]]:
    """(label, refused input, path of the value the error must name) for each bad value."""
    if case.invalid:
        name, value = case.invalid
        yield f"bad {name}", {**inputs, name: value}, [name]
    for name, is_list in text_fields(case.mutation).items():
        for label, character in NOT_TEXT.items():
            text = f"Ann{character}Lee"
            value, path = ([text], [name, "0"]) if is_list else (text, [name])
            yield f"{label} in {name}", {**inputs, name: value}, path
    future = api.clock.now() + timedelta(minutes=5)
    yield "occurredAt in the future", {**inputs, "occurredAt": future.isoformat()}, ["occurredAt"]
    naive = api.clock.now().replace(tzinfo=None)
    yield "occurredAt without offset", {**inputs, "occurredAt": naive.isoformat()}, ["occurredAt"]


def check_case(api: Api, case: Case) -> None:
    """Refused values change nothing; the input then succeeds and shows; the
    same input again (after `then`) breaks the case's rule."""
    ids = case.given(api)
    noun, key = case.noun, case.key
    inputs = resolve(case.input, ids)
    before = 0 if case.creates_object else version_of(api, noun, ids[key])
    bad_inputs = list(refusals(api, case, inputs))
    answers = {label: api.mutate(case.mutation, bad) for label, bad, _ in bad_inputs}
    assert {label: (a["__typename"], a.get("field")) for label, a in answers.items()} == {
        label: ("ValidationError", ["input", *path]) for label, _, path in bad_inputs
    }
    shown = f"... on {noun}Payload {{ {key} {{ version {selection(case.shows)} {HISTORY} }} }}"
    result = api.mutate(case.mutation, inputs, shown)
    assert result["__typename"] == f"{noun}Payload", result
    check_payload(case, ids, before, result)
    if case.rule is not None:
        ids[key] = result[f"{key}Id"]
        if case.then:
            case.then(api, ids)
        again = api.mutate(case.mutation, resolve(case.input, ids))
        assert (again["__typename"], again.get("rule")) == ("RuleViolation", case.rule), again


def check_payload(case: Case, ids: Ids, before: int, result: dict[str, Any]) -> None:
    key = case.key
    changed = result[key]
    assert result["version"] == before + 1 == changed.pop("version")
    if case.creates_object:
        assert result["createdIds"] == [result[f"{key}Id"]]
    else:
        assert result[f"{key}Id"] == ids[key]
        assert len(result["createdIds"]) == (1 if case.creates else 0), result["createdIds"]
    assert event_types(changed.pop("history"))[-1] == f"{case.noun}.{case.event}"
    assert changed == case.shows
