"""The demo's timeline: commands placed in business time, run through the application
in that order.

Each step says how many days ago it happened. The timeline runs them oldest
first, so the log reads in business order and no aggregate ever gets an event
that claims to be older than its previous one. A step builds its command only
when it runs, from `Refs`: the ids that earlier steps created, looked up by the
short keys the data uses ("e-care", "c-outage"), and the ids the domain
generated inside an aggregate (milestones, objectives, acceptance criteria),
read back through the application.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from uuid import UUID

from application.commands.base import Command, CommandMeta
from application.errors import RuleViolation
from application.service import Rapport
from domain.engagement import Engagement
from domain.requirement import Requirement

Build = Callable[["Refs"], Command]


@dataclass(frozen=True)
class Step:
    days_ago: float
    actor: str
    build: Build
    key: str | None = None  # names the aggregate this step creates
    label: str = ""  # reported through `progress` once the step has run
    refused: bool = False  # the domain is expected to refuse it (a rule shown at work)


class Refs:
    """What a step may look up while its command is being built."""

    def __init__(self, rapport: Rapport, now: datetime) -> None:
        self.rapport = rapport
        self.now = now
        self.ids: dict[str, UUID] = {}

    def __getitem__(self, key: str) -> UUID:
        try:
            return self.ids[key]
        except KeyError:
            raise LookupError(f"demo step refers to {key!r} before it was created") from None

    def at(self, days_ago: float) -> datetime:
        return self.now - timedelta(days=days_ago)

    def day(self, days_ago: float) -> date:
        """The calendar day `days_ago` days before now; negative values are in the future."""
        return self.at(days_ago).date()

    def milestone(self, engagement: str, name: str) -> UUID:
        milestones = self.rapport.get(self[engagement], Engagement).milestones
        return next(i for i, m in milestones.items() if m.name == name)

    def objective(self, engagement: str, metric: str) -> UUID:
        objectives = self.rapport.get(self[engagement], Engagement).objectives_set
        return next(i for i, o in objectives.items() if o.metric == metric)

    def criteria(self, requirement: str) -> tuple[UUID, ...]:
        return self.rapport.get(self[requirement], Requirement).criterion_ids

    def criterion(self, requirement: str, text: str) -> UUID:
        criteria = self.rapport.get(self[requirement], Requirement).criteria
        return next(c.id for c in criteria if c.text.startswith(text))


class Timeline:
    def __init__(
        self, rapport: Rapport, progress: Callable[[str], None], steps: list[Step]
    ) -> None:
        self.rapport = rapport
        self.progress = progress
        # Whole seconds, so the business times read cleanly; still not after now.
        self.refs = Refs(rapport, rapport.clock.now().replace(microsecond=0))
        for step in steps:
            if step.days_ago < 0:
                raise ValueError(f"demo step {step.label or step.key} would happen in the future")
        self.steps = steps
        self.created: Counter[str] = Counter()

    @property
    def now(self) -> datetime:
        return self.refs.now

    def run(self) -> None:
        # Oldest first; a stable sort keeps each aggregate's steps in the order given.
        for step in sorted(self.steps, key=lambda s: -s.days_ago):
            self._run(step)

    def _run(self, step: Step) -> None:
        command = step.build(self.refs)
        meta = CommandMeta(actor=step.actor, occurred_at=self.refs.at(step.days_ago))
        if step.refused:
            try:
                self.rapport.execute(command, meta)
            except RuleViolation as refusal:
                self.progress(f"{step.label}: refused as expected ({refusal.rule})")
                return
            raise RuntimeError(f"demo step {step.label!r} was expected to be refused")
        result = self.rapport.execute(command, meta)
        if step.key is not None:
            self.refs.ids[step.key] = result.aggregate_id
            self.created[self.rapport.kind(result.aggregate_id)] += 1
        if step.label:
            self.progress(step.label)
