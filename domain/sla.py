"""Service-level targets: how soon a complaint must get a first response and a resolution."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from domain.errors import InvalidValue


@dataclass(frozen=True)
class SlaTargets:
    first_response: timedelta
    resolution: timedelta

    def __post_init__(self) -> None:
        if self.first_response <= timedelta(0) or self.resolution <= timedelta(0):
            raise InvalidValue("sla", "targets must be positive durations")
        if self.resolution < self.first_response:
            raise InvalidValue("sla", "resolution target must not be shorter than first response")


def _hours(first_response: float, resolution: float) -> SlaTargets:
    return SlaTargets(timedelta(hours=first_response), timedelta(hours=resolution))


DEFAULT_TARGETS: dict[str, SlaTargets] = {
    "critical": _hours(1, 8),
    "high": _hours(4, 24),
    "medium": _hours(8, 72),
    "low": _hours(24, 120),
}


@dataclass(frozen=True)
class SlaPolicy:
    """Targets per severity, in wall-clock time."""

    targets: dict[str, SlaTargets] = field(default_factory=lambda: dict(DEFAULT_TARGETS))

    def due_times(self, severity: str, received_at: datetime) -> tuple[datetime, datetime]:
        """First-response and resolution due times for a complaint received at `received_at`."""
        try:
            targets = self.targets[str(severity)]
        except KeyError:
            raise InvalidValue("severity", f"no SLA target for severity {severity!r}") from None
        return received_at + targets.first_response, received_at + targets.resolution
