"""A view's fingerprint changes whenever rows stored in its old shape could no
longer be decoded as the new one, however deep the change: that is what makes
the projector rebuild it instead of failing on its own rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from application.views.base import LoggedEvent, View
from infrastructure.views.store import schema_fingerprint


class Before:
    @dataclass
    class Load:
        open: int = 0

    @dataclass
    class State:
        people: dict[str, Before.Load] = field(default_factory=dict)


class After:
    """The same names, one field more in the nested type only."""

    @dataclass
    class Load:
        open: int = 0
        overdue: int = 0

    @dataclass
    class State:
        people: dict[str, After.Load] = field(default_factory=dict)


State = Before.State


class ViewOf(View[Any, Any]):
    name: ClassVar[str] = "team_load"

    def key(self, logged: LoggedEvent) -> str | None:
        return None

    def initial(self, logged: LoggedEvent) -> Any:
        return self.state_type()

    def apply(self, state: Any, logged: LoggedEvent) -> Any:
        return state

    def report(self, state: Any, now: Any) -> Any:
        return state


def view(state: type, columns: dict[str, type] | None = None) -> View[Any, Any]:
    return type("V", (ViewOf,), {"state_type": state, "columns": columns or {}})()


def test_the_fingerprint_is_stable_for_one_shape() -> None:
    assert schema_fingerprint(view(State)) == schema_fingerprint(view(State))


def test_a_field_added_to_a_nested_type_changes_the_fingerprint() -> None:
    assert schema_fingerprint(view(State)) != schema_fingerprint(view(After.State))


def test_a_new_column_changes_the_fingerprint() -> None:
    assert schema_fingerprint(view(State)) != schema_fingerprint(view(State, {"agent": str}))
