"""Typed errors a mutation returns, and the one kind of error a query raises.

A mutation's result is a union of its success payload and these types, so a
client handles refusals as data. Queries answer bad input with a GraphQL error
carrying `extensions.code`; anything unexpected is masked before it leaves.
"""

from __future__ import annotations

import re
from typing import Any

import strawberry
from graphql import GraphQLError

from application.errors import (
    ConcurrencyConflict as ConflictError,
)
from application.errors import (
    DomainError,
    IdempotencyKeyReused,
    InvalidValue,
)
from application.errors import (
    Forbidden as ForbiddenError,
)
from application.errors import (
    NotFound as NotFoundError,
)
from application.errors import (
    RuleViolation as RuleError,
)


@strawberry.interface(description="Why a mutation changed nothing.")
class Error:
    message: str


@strawberry.type(description="An input value is out of its allowed range or shape.")
class ValidationError(Error):
    field: list[str] = strawberry.field(
        description='Path to the input value, e.g. ["input", "severity"]'
    )


@strawberry.type(description="Nothing the caller may see has this id.")
class NotFound(Error):
    kind: str
    id: str


@strawberry.type(description="The object changed since the version the caller expected.")
class ConcurrencyConflict(Error):
    aggregate_id: str
    expected_version: int | None
    actual_version: int | None


@strawberry.type(description="The caller's role may not do this.")
class Forbidden(Error):
    pass


@strawberry.type(description="A business rule forbids the change; `rule` is a stable name.")
class RuleViolation(Error):
    rule: str
    subjects: list[str]


ERROR_TYPES = (ValidationError, NotFound, ConcurrencyConflict, Forbidden, RuleViolation)


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(word.capitalize() for word in rest)


def input_path(field: str) -> list[str]:
    """The path of a refused value inside a mutation's input: the domain's
    `actionItems[0].description` is ["input", "actionItems", "0", "description"]."""
    return ["input", *(camel(part) for part in re.findall(r"[^.\[\]]+", field))]


def error_result(error: Exception) -> Error | None:
    """The typed error for a refusal; None for anything that is not one."""
    match error:
        case InvalidValue():
            return ValidationError(message=error.message, field=input_path(error.field))
        case IdempotencyKeyReused():
            return ValidationError(message=str(error), field=["input", "idempotencyKey"])
        case NotFoundError():
            return NotFound(message=str(error), kind=error.kind, id=error.aggregate_id)
        case ConflictError():
            return ConcurrencyConflict(
                message=str(error),
                aggregate_id=error.aggregate_id,
                expected_version=error.expected,
                actual_version=error.actual,
            )
        case ForbiddenError():
            return Forbidden(message=error.message)
        case RuleError():
            return RuleViolation(
                message=error.message, rule=error.rule, subjects=list(error.subjects)
            )
        case DomainError():
            return RuleViolation(message=str(error), rule="domain", subjects=[])
    return None


# What a mutation outside the commands (tokens, webhooks, views) can be refused with.
Refusal = ValidationError | NotFound | Forbidden


def refusal_result(error: Exception) -> Refusal:
    """The typed error for a refusal; anything else is raised again, to be masked."""
    refusal = error_result(error)
    if not isinstance(refusal, ValidationError | NotFound | Forbidden):
        raise error
    return refusal


UNAVAILABLE = (
    "The database cannot serve this just now; try again shortly. A command sent again "
    "with the same idempotency key is recorded once at most."
)


class PublicError(GraphQLError):
    """An error a query raises on purpose; shown to the caller as it is."""

    def __init__(self, message: str, code: str, **extensions: Any) -> None:
        super().__init__(message, extensions={"code": code, **extensions})


def query_error(error: Exception) -> PublicError | None:
    """The public error for a refused query; None for anything unexpected."""
    match error:
        case InvalidValue():
            return PublicError(error.message, "BAD_USER_INPUT", field=camel(error.field))
        case ForbiddenError():
            return PublicError(error.message, "FORBIDDEN")
        case NotFoundError():
            return PublicError(str(error), "NOT_FOUND")
    return None


def should_mask(error: GraphQLError) -> bool:
    """Mask errors raised by code, unless raised on purpose: a caller never sees
    an unexpected exception's message. Errors graphql-core reports about the
    request itself (syntax, validation) carry no original error and pass."""
    original = error.original_error
    if original is None or isinstance(original, PublicError):
        return False
    # graphql-core wraps bad variable values and scalars as plain GraphQLErrors.
    return not (isinstance(original, GraphQLError | ValueError | TypeError) and not error.path)
