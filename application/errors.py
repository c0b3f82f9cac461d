"""Errors the application raises, beside the domain's own refusals.

Library errors never cross this layer: a missing aggregate becomes `NotFound`,
a lost write race becomes `ConcurrencyConflict`.
"""

from __future__ import annotations

from uuid import UUID

from domain.errors import DomainError, InvalidValue, RuleViolation

__all__ = [
    "ApplicationError",
    "ConcurrencyConflict",
    "DomainError",
    "Forbidden",
    "IdempotencyKeyReused",
    "InvalidValue",
    "NotFound",
    "RuleViolation",
]


class ApplicationError(Exception):
    """Base of errors decided by the application layer."""


class NotFound(ApplicationError):
    """No aggregate of the expected kind has this id."""

    def __init__(self, kind: str, aggregate_id: UUID | str) -> None:
        super().__init__(f"no {kind} with id {aggregate_id}")
        self.kind = kind
        self.aggregate_id = str(aggregate_id)


class ConcurrencyConflict(ApplicationError):
    """The aggregate changed since the version the caller expected, or kept
    changing underneath the command through every retry."""

    def __init__(self, aggregate_id: UUID, expected: int | None, actual: int | None) -> None:
        if expected is None:
            message = f"{aggregate_id} kept changing underneath the command; try again"
        else:
            message = f"{aggregate_id} is at version {actual}, not the expected {expected}"
        super().__init__(message)
        self.aggregate_id = str(aggregate_id)
        self.expected = expected
        self.actual = actual


class IdempotencyKeyReused(ApplicationError):
    """The idempotency key was already used for a different command."""

    def __init__(self, key: str) -> None:
        super().__init__(f"idempotency key {key!r} was already used for a different command")
        self.key = key


class Forbidden(ApplicationError):
    """The caller's role does not allow the operation."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
