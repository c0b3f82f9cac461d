"""GraphQL execution benchmark on PostgreSQL: what executing the engagement
dashboard costs in strawberry against graphql-core executing the same parsed
document on the same resolvers, with every view read answered from memory so
that only execution is measured; and graphql-core's own floor, the same
document over the answer precomputed as nested dicts. In-process, one request
at a time, no HTTP. Run with `make bench`."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from inspect import isawaitable
from typing import Any, TypeVar

import pytest
import strawberry
from graphql import (
    ASTValidationRule,
    ExecutionResult,
    MiddlewareManager,
    build_schema,
    execute,
    parse,
    specified_rules,
)
from strawberry.execution.is_awaitable import optimized_is_awaitable
from strawberry.extensions import AddValidationRules
from strawberry.schema.schema import validate_document

from application.access import Principal
from application.permissions import Role
from application.service import Rapport
from infrastructure.views.engine import EventWaiter
from interfaces.bootstrap import ViewRuntime, build_tokens, build_webhooks
from interfaces.graphql.audit.follower import LogFollower
from interfaces.graphql.context import Context, Services
from interfaces.graphql.schema import build_schema as build_rapport_schema
from interfaces.settings import Environment, Settings
from tests.benchmarks.http_load import load_average_row
from tests.benchmarks.measure import ROUNDS, Spread, interleaved, report
from tests.benchmarks.workloads import DASHBOARD, realistic_engagement

pytestmark = pytest.mark.postgres

EXECUTIONS = 200  # per variant and round, one after another
# Each figure is the process's CPU time per request (worker threads' included),
# not the wall clock's: the machine is shared, and a neighbour's burst would
# otherwise land in whichever variant happened to be running.

T = TypeVar("T")


class FromMemory(Context):
    """A request's context whose reads (the dashboard's reports and its page of
    complaints) are answered from memory: each is read from the views the first
    time it is asked, then recalled. The resolvers, the request's DataLoader and
    its batching are the ones every request runs; only the database is gone,
    and with it, unless `hop`, the trip to a worker thread."""

    def __init__(
        self,
        services: Services,
        principal: Principal,
        answers: dict[str, Any],
        *,
        may_read: bool = False,
        hop: bool = False,
    ) -> None:
        super().__init__(services, principal)
        self.answers = answers
        self.may_read = may_read
        self.hop = hop

    async def _in_thread(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        # Every read of a request passes here. The question's text is its key:
        # the same reader method, caller and arguments (view names, keys,
        # filters, page size) as when it was read; not the request's own record
        # of what it read, which is new for every request.
        asked = {name: value for name, value in kwargs.items() if name != "reads"}
        key = f"{function.__qualname__}{args!r}{asked!r}"
        if key not in self.answers:
            assert self.may_read, f"a read not answered beforehand: {key}"
            self.answers[key] = await super()._in_thread(function, *args, **kwargs)
        elif self.hop:
            # As production reads: the answer comes back from a worker thread.
            return await super()._in_thread(self.answers.__getitem__, key)
        return self.answers[key]  # type: ignore[no-any-return]


def leaves(value: Any) -> int:
    """Scalar values (nulls included) in an answer: the fields resolved to a value."""
    if isinstance(value, dict):
        return sum(leaves(v) for v in value.values())
    if isinstance(value, list):
        return sum(leaves(v) for v in value)
    return 1


def fields(value: Any) -> int:
    """Every field in an answer, objects' and lists' included, once per list item."""
    if isinstance(value, dict):
        return len(value) + sum(fields(v) for v in value.values())
    if isinstance(value, list):
        return sum(fields(v) for v in value)
    return 0


async def settled(result: Any) -> ExecutionResult:
    return await result if isawaitable(result) else result  # type: ignore[no-any-return]


def served(app: Rapport, runtime: ViewRuntime, waiter: EventWaiter) -> Services:
    """The services as the server builds them (interfaces.http.app)."""
    return Services(
        rapport=app,
        runtime=runtime,
        reader=runtime.reader(),
        tokens=build_tokens(runtime),
        webhooks=build_webhooks(runtime),
        follower=LogFollower(app, waiter),
    )


def validation_rules(schema: strawberry.Schema) -> tuple[type[ASTValidationRule], ...]:
    """The rules a request is validated with: graphql-core's, the size limits' and
    production's refusal of introspection."""
    added = [e for e in schema.get_extensions() if isinstance(e, AddValidationRules)]
    rules = (*specified_rules, *(rule for e in added for rule in e.validation_rules))
    assert len(rules) == len(specified_rules) + 2
    return rules


def test_dashboard_execution_in_strawberry_against_graphql_core(
    pg: tuple[Rapport, ViewRuntime, str],
) -> None:
    """Per request, in interleaved rounds of EXECUTIONS each:
    A. `schema.execute`: strawberry's whole path, its extensions included;
    A+. the same with each read answered from a worker thread, as in production;
    B. the parsed document through the graphql-core call strawberry makes
       (its executor class, `is_awaitable` and middleware), no extensions;
    C. the parsed document through plain `graphql.execute` on strawberry's
       GraphQLSchema: the same resolvers, none of strawberry's wrapper;
    D. `graphql.execute` of the document on the same schema's SDL, default
       resolvers, over A's answer as nested dicts: graphql-core's own floor;
    and parsing plus validating the document, which the schema's
    PrepareOffTheLoop extension does once per document text."""
    app, runtime, _ = pg
    engagement_id = realistic_engagement(app)
    runtime.projector().catch_up()

    # The server's schema: production settings, as the HTTP benchmarks serve.
    schema = build_rapport_schema(
        Settings(database_url=runtime.settings.database_url, env=Environment.PRODUCTION)
    )
    waiter = runtime.event_waiter()
    services = served(app, runtime, waiter)
    principal = Principal("bench-viewer", Role.VIEWER)
    answers: dict[str, Any] = {}
    variables = {"id": str(engagement_id)}
    document = parse(DASHBOARD)
    rules = validation_rules(schema)
    assert validate_document(schema._schema, document, rules) == []
    floor_schema = build_schema(schema.as_str())

    def context(*, hop: bool = False) -> FromMemory:
        return FromMemory(services, principal, answers, hop=hop)

    async def strawberry_full(ctx: Context) -> ExecutionResult:
        result = await schema.execute(DASHBOARD, variable_values=variables, context_value=ctx)
        return ExecutionResult(result.data, result.errors)

    async def strawberry_execution(ctx: Context) -> ExecutionResult:
        return await settled(
            execute(
                schema._schema,
                document,
                context_value=ctx,
                variable_values=variables,
                middleware=MiddlewareManager(),
                executor_class=schema.execution_context_class,
                is_awaitable=optimized_is_awaitable,  # type: ignore[arg-type]
            )
        )

    async def graphql_core(ctx: Context) -> ExecutionResult:
        return await settled(
            execute(schema._schema, document, context_value=ctx, variable_values=variables)
        )

    loop = asyncio.new_event_loop()
    try:
        # One request reads every answer from the views; every later one recalls them.
        first = FromMemory(services, principal, answers, may_read=True)
        expected = loop.run_until_complete(strawberry_full(first))
        assert expected.errors is None, expected.errors
        data = expected.data
        assert data is not None and len(data["engagement"]["complaints"]["nodes"]) == 20
        assert len(answers) == 3, list(answers)  # portfolio; the other reports; complaints

        async def floor(_: Context) -> ExecutionResult:
            return await settled(
                execute(floor_schema, document, root_value=data, variable_values=variables)
            )

        variants: dict[str, Callable[[Context], Awaitable[ExecutionResult]]] = {
            "A": strawberry_full,
            "B": strawberry_execution,
            "C": graphql_core,
            "D": floor,
        }
        for name, variant in {**variants, "A+": strawberry_full}.items():
            result = loop.run_until_complete(variant(context(hop=name == "A+")))
            assert result.errors is None, (name, result.errors)
            assert result.data == data, name

        def per_request(
            variant: Callable[[Context], Awaitable[ExecutionResult]], *, hop: bool = False
        ) -> Callable[[], float]:
            async def requests() -> None:
                for _ in range(EXECUTIONS):
                    await variant(context(hop=hop))

            def timed() -> float:
                started = time.process_time()
                loop.run_until_complete(requests())
                return (time.process_time() - started) * 1000 / EXECUTIONS

            return timed

        def preparing() -> float:
            started = time.process_time()
            for _ in range(EXECUTIONS):
                validate_document(schema._schema, parse(DASHBOARD), rules)
            return (time.process_time() - started) * 1000 / EXECUTIONS

        works = {name: per_request(variant) for name, variant in variants.items()}
        works["A+"] = per_request(strawberry_full, hop=True)
        works["parse+validate"] = preparing
        ms = interleaved(works)
    finally:
        loop.close()
        waiter.close()
    report_execution(ms, leaves(data), fields(data))


def report_execution(ms: dict[str, list[float]], leaf_count: int, field_count: int) -> None:
    def ratio(a: str, b: str) -> str:
        return Spread.ratio(ms[a], ms[b]).shown()

    per_leaf = [(c - d) * 1000 / leaf_count for c, d in zip(ms["C"], ms["D"], strict=True)]
    report(
        f"Engagement dashboard, executed in-process, reads from memory ({leaf_count} leaf "
        f"values, {field_count} fields): CPU per request, {ROUNDS} rounds x {EXECUTIONS} "
        "(median, lowest-highest)",
        [
            (
                "A. strawberry schema.execute (extensions included)",
                Spread.of(ms["A"]).shown(3, " ms"),
            ),
            (
                "A+. the same, reads answered from worker threads",
                Spread.of(ms["A+"]).shown(3, " ms"),
            ),
            (
                "B. strawberry's graphql-core call alone, parsed document",
                Spread.of(ms["B"]).shown(3, " ms"),
            ),
            ("C. graphql.execute, same schema and resolvers", Spread.of(ms["C"]).shown(3, " ms")),
            (
                "D. graphql.execute, default resolvers over dicts",
                Spread.of(ms["D"]).shown(3, " ms"),
            ),
            (
                "parse + validate DASHBOARD (once per text in A)",
                Spread.of(ms["parse+validate"]).shown(3, " ms"),
            ),
            ("ratio A / C", ratio("A", "C")),
            ("ratio B / C", ratio("B", "C")),
            ("ratio C / D", ratio("C", "D")),
            ("ratio A+ / A", ratio("A+", "A")),
            ("ratio A / B", ratio("A", "B")),
            ("(C - D) per leaf value", Spread.of(per_leaf).shown(2, " us")),
            load_average_row(),
        ],
    )
