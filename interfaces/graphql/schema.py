"""The schema: every area's queries, mutations and subscriptions merged into one."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import strawberry
from graphql import ASTValidationRule, ExecutionResult, GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaskErrors,
    MaxTokensLimiter,
    SchemaExtension,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext
from strawberry.types import ExecutionResult as StrawberryExecutionResult
from strawberry.types.graphql import OperationType

from interfaces.graphql.areas import AREAS, Area
from interfaces.graphql.errors import ERROR_TYPES, should_mask
from interfaces.graphql.preparation import PreparedDocuments, PrepareOffTheLoop
from interfaces.graphql.query_size import QueryLimits, query_size_rule
from interfaces.graphql.response_cache import QueriesOnlyKept
from interfaces.graphql.scalars import SCALARS
from interfaces.settings import Environment, Settings

_ROOT_DESCRIPTIONS = {
    "Query": "What Rapport answers: engagements and their figures (now, or as of any moment), "
    "their requirements, complaints and risks, the audit trail, and the team's calendars, "
    "SLA policies, workload and operations, and who you are.",
    "Mutation": "Every command, one mutation each: it is recorded as an event, or refused with "
    "a typed error that says why, changing nothing.",
    "Subscription": "Events as they are recorded, over WebSocket.",
}


@dataclass(frozen=True)
class Roots:
    query: type
    mutation: type
    subscription: type


def roots(areas: tuple[Area, ...]) -> Roots:
    """The root types, each with the fields of every area that adds to it."""

    def root(name: str, parts: list[type | None]) -> type:
        bases = tuple(part for part in parts if part is not None)
        return strawberry.type(type(name, bases, {}), description=_ROOT_DESCRIPTIONS[name])

    return Roots(
        root("Query", [area.queries for area in areas]),
        root("Mutation", [area.mutations for area in areas]),
        root("Subscription", [area.subscriptions for area in areas]),
    )


ROOTS = roots(AREAS)
Query, Mutation, Subscription = ROOTS.query, ROOTS.mutation, ROOTS.subscription


class HideSuggestions(SchemaExtension):
    """graphql-core suggests names ("Did you mean 'first'?") for arguments, types,
    enum values and input fields, beyond the field names the schema's setting
    covers; in production nobody learns the API's names that way."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if isinstance(result, ExecutionResult | StrawberryExecutionResult) and result.errors:
            result.errors = [_without_suggestion(error) for error in result.errors]


def _without_suggestion(error: GraphQLError) -> GraphQLError:
    message = _SUGGESTION.sub("", error.message)
    if message == error.message:
        return error
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=error.original_error,
        extensions=error.extensions,
    )


_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?", re.DOTALL)


class RapportSchema(strawberry.Schema):
    async def execute(  # noqa: PLR0917
        self,
        query: str | None,
        variable_values: dict[str, Any] | None = None,
        context_value: Any | None = None,
        root_value: Any | None = None,
        operation_name: str | None = None,
        allowed_operation_types: Iterable[OperationType] | None = None,
        operation_extensions: dict[str, Any] | None = None,
    ) -> StrawberryExecutionResult:
        """Queries and mutations, for HTTP; a subscription is refused (400), since
        it streams over WebSocket only, where strawberry calls `stream` instead."""
        allowed = {OperationType.QUERY, OperationType.MUTATION}
        if allowed_operation_types is not None:
            allowed &= set(allowed_operation_types)
        return await super().execute(
            query,
            variable_values,
            context_value,
            root_value,
            operation_name,
            allowed,
            operation_extensions,
        )

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Log only what went wrong in the server; a refused request is the
        caller's business and already in its answer."""
        super().process_errors([e for e in errors if should_mask(e)], execution_context)


def build_schema(
    settings: Settings | None = None, areas: tuple[Area, ...] = AREAS
) -> strawberry.Schema:
    """The schema of `areas` with the limits of `settings`; production hides
    introspection and field suggestions, which would map the API for a stranger."""
    settings = settings or Settings()
    production = settings.env is Environment.PRODUCTION
    limits = QueryLimits(
        max_depth=settings.max_query_depth,
        max_aliases=settings.max_query_aliases,
        max_cost=settings.max_query_cost,
        max_page_size=settings.max_page_size,
    )
    # The rule is made once: prepared documents are remembered by their text and
    # the rules they were validated with, so rules made afresh would never match.
    size_rule: list[type[ASTValidationRule]] = [query_size_rule(limits)]
    documents = PreparedDocuments(maxsize=256)
    # Factories: each request gets extensions of its own.
    extensions: list[Any] = [
        lambda: MaxTokensLimiter(max_token_count=settings.max_query_tokens),
        lambda: AddValidationRules(size_rule),
        lambda: PrepareOffTheLoop(documents),
        lambda: MaskErrors(should_mask_error=should_mask),
        QueriesOnlyKept,
    ]
    if production:
        extensions += [DisableIntrospection, HideSuggestions]
    root = ROOTS if areas is AREAS else roots(areas)
    return RapportSchema(
        query=root.query,
        mutation=root.mutation,
        subscription=root.subscription,
        types=ERROR_TYPES,
        extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=production, scalar_map=SCALARS),
    )
