"""Live views, as-of views and rebuilt views agree, on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import update

from application.commands.engagement import RecordCost
from application.ports import TimeAxis
from application.service import Rapport
from application.views.as_of import views_as_of
from application.views.base import EngagementView
from application.views.log import read_log
from domain.engagement import Engagement
from infrastructure.views.codec import encode_state
from infrastructure.views.maintenance import rebuild, rebuild_outdated, statuses, verify
from interfaces.bootstrap import ViewRuntime
from interfaces.cli.demo import load_demo
from tests.builders import open_engagement, run
from tests.conftest import FakeClock


@pytest.fixture
def demo(app: Rapport, runtime: ViewRuntime) -> list[Engagement]:
    load_demo(app, progress=lambda _: None)
    runtime.projector().catch_up()
    return [app.get(child_id, Engagement) for child_id in engagement_ids(app)]


def engagement_ids(app: Rapport) -> list[Any]:
    events, _ = read_log(app, 0, 100_000)
    return [e.aggregate_id for e in events if e.name == "Engagement.Opened"]


def live_states(runtime: ViewRuntime, view_name: str) -> dict[str, bytes]:
    (view,) = runtime.select([view_name])
    live = runtime.store.live(view)
    return {k: encode_state(s) for k, s in runtime.store.states(view, live.number).items()}


def test_live_views_equal_the_as_of_fold_at_now_for_every_engagement(
    app: Rapport, runtime: ViewRuntime, demo: list[Engagement], clock: FakeClock
) -> None:
    now = clock.now()
    for engagement in demo:
        as_of = views_as_of(app, runtime.views, engagement.id, now, TimeAxis.RECORDED)
        for view in runtime.views:
            live = runtime.store.live(view)
            expected = as_of[view.name]
            stored = {
                key: view.report(state, now)
                for key, state in runtime.store.states(view, live.number).items()
                if key in expected
            }
            assert stored == expected, view.name
            if isinstance(view, EngagementView):
                assert str(engagement.id) in expected or not expected


def test_a_rebuild_reproduces_the_live_tables_and_switches_generation(
    app: Rapport, runtime: ViewRuntime, demo: list[Engagement]
) -> None:
    before = {view.name: live_states(runtime, view.name) for view in runtime.views}
    generations = {s.view: s.generation for s in statuses(app, runtime.store, runtime.views)}

    rebuild(app, runtime.store, runtime.views)

    after = {view.name: live_states(runtime, view.name) for view in runtime.views}
    assert after == before
    for status in statuses(app, runtime.store, runtime.views):
        assert status.generation == generations[status.view] + 1
        assert status.lag == 0


def test_verify_finds_nothing_on_a_faithful_view_and_names_a_tampered_row(
    app: Rapport, runtime: ViewRuntime, demo: list[Engagement]
) -> None:
    assert verify(app, runtime.store, runtime.views) == []

    (budget,) = runtime.select(["budget"])
    table = runtime.store.table(budget, runtime.store.live(budget).number)
    key = str(demo[0].id)
    with runtime.store.engine.begin() as conn:
        conn.execute(update(table).where(table.c.row_key == key).values(row_state=b"{}"))

    differences = verify(app, runtime.store, [budget])

    assert [(d.view, d.key, d.problem) for d in differences] == [("budget", key, "differs")]


def test_as_of_a_past_time_shows_the_figures_known_then(
    app: Rapport, runtime: ViewRuntime, clock: FakeClock
) -> None:
    engagement_id = open_engagement(app)
    cost = RecordCost(
        engagement_id=engagement_id,
        amount=Decimal("500"),
        category="labour",
        incurred_on=clock.now().date(),
    )
    run(app, cost)
    known_then = clock.advance(hours=1)
    clock.advance(days=1)
    run(app, cost)

    then = views_as_of(app, runtime.views, engagement_id, known_then)
    now = views_as_of(app, runtime.views, engagement_id, clock.now())

    key = str(engagement_id)
    assert then["budget"][key].actual_cost == Decimal("500")
    assert now["budget"][key].actual_cost == Decimal("1000")


def test_a_command_can_wait_until_the_views_show_it(
    app: Rapport, runtime: ViewRuntime, clock: FakeClock
) -> None:
    engagement_id = open_engagement(app)
    result = run(
        app,
        RecordCost(
            engagement_id=engagement_id,
            amount=Decimal("5"),
            category="travel",
            incurred_on=clock.now().date(),
        ),
    )
    assert not app.wait_for_views(result, ["budget"])  # nothing projects yet: times out

    runtime.projector(["budget"]).catch_up()

    assert app.wait_for_views(result, ["budget"])


def test_a_view_whose_columns_changed_is_rebuilt_not_migrated(
    app: Rapport, runtime: ViewRuntime, demo: list[Engagement]
) -> None:
    (budget,) = runtime.select(["budget"])
    old_generation = runtime.store.live(budget).number

    class BudgetWithCurrency(type(budget)):  # type: ignore[misc]
        columns = {**type(budget).columns, "currency": str}

        def column_values(self, state: Any) -> dict[str, Any]:
            return {**super().column_values(state), "currency": state.currency}

    widened = BudgetWithCurrency()
    assert rebuild_outdated(app, runtime.store, [widened]) == ["budget"]

    live = runtime.store.live(widened)
    assert live.number == old_generation + 1
    assert runtime.store.states(widened, live.number, {"currency": "EUR"})
    assert rebuild_outdated(app, runtime.store, [widened]) == []


def test_the_projector_resumes_where_it_stopped(
    app: Rapport, runtime: ViewRuntime, clock: FakeClock
) -> None:
    engagement_id = open_engagement(app)
    runtime.projector().catch_up()
    clock.advance(minutes=5)
    run(
        app,
        RecordCost(
            engagement_id=engagement_id,
            amount=Decimal("7"),
            category="other",
            incurred_on=clock.now().date(),
        ),
    )

    assert runtime.projector().catch_up() == 1
    assert all(s.lag == 0 for s in statuses(app, runtime.store, runtime.views))
