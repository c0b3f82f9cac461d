"""Errors raised when a command is refused. A refused command records nothing."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every refusal decided by the domain."""


class InvalidValue(DomainError):
    """A command argument is out of its allowed range or shape."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class RuleViolation(DomainError):
    """A business rule forbids the command in the aggregate's current state.

    `rule` is a stable dotted name callers can match on (for example
    `complaint.acknowledge_once`); `subjects` lists what blocks the command,
    such as the ids of open complaints that prevent closing an engagement.
    """

    def __init__(self, rule: str, message: str, subjects: tuple[str, ...] = ()) -> None:
        super().__init__(f"{message} [{rule}]")
        self.rule = rule
        self.message = message
        self.subjects = subjects
