"""`rapport demo`: load a realistic sample through the application's own commands.

Two clients, three engagements and about ten weeks of their life: requirements
from capture to acceptance (and change, rejection, withdrawal), complaints of
every severity in every state with their SLA breaches, a risk register, costs,
status reports, meetings and surveys. Every change is a command run by
`Rapport.execute`, never a hand-written event, so the domain's rules check the
sample as they would check anyone's input.

Business times are spread over the ten weeks before the application's clock
reads now, so `rapport show ID --as-of T --occurred` has a past to show. The
content depends only on that clock; ids come from the application's id factory.
The sample is data, in `demo.yaml`; `loader` reads it and `timeline` runs it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time
from uuid import UUID

from application.service import Rapport
from domain.engagement import Engagement
from interfaces.cli.demo.loader import demo_clients, read_steps
from interfaces.cli.demo.timeline import Timeline

KINDS = ("engagement", "requirement", "complaint", "risk")
# The keys of the engagements the summary lists, as the data names them.
ENGAGEMENTS = ("e-care", "e-backlog", "e-stores")


def load_demo(rapport: Rapport, progress: Callable[[str], None]) -> str:
    """Run the demo's commands and return a short summary with ids worth exploring."""
    timeline = Timeline(rapport, progress, read_steps())
    first_position = rapport.head()
    progress(f"Running {len(timeline.steps)} commands, oldest business time first")
    timeline.run()
    return summary(rapport, timeline, events=rapport.head() - first_position)


def demo_loaded(rapport: Rapport) -> bool:
    """Whether the demo is in the store: an engagement opened for one of the
    demo's clients, whose ids no one else uses. Other data does not count."""
    clients = demo_clients()
    return any(
        rapport.get(engagement_id, Engagement, version=1).client_id in clients
        for engagement_id in rapport.index.aggregates_of("engagement")
    )


def summary(rapport: Rapport, timeline: Timeline, *, events: int) -> str:
    """Counts, the engagements, and a few commands worth trying.

    Lines stay within 80 columns, so a terminal or a pipe never breaks a command in two."""
    ids = timeline.refs.ids
    counts = ", ".join(f"{timeline.created[kind]} {kind}s" for kind in KINDS)
    lines = [f"Demo loaded: {counts}, {events} events.", "", "Engagements:"]
    for key in ENGAGEMENTS:
        engagement = rapport.get(ids[key], Engagement)
        lines.append(f"{engagement.id}  {engagement.state.value}")
        lines.append(f"  {engagement.title}, {engagement.client_name}")
    appointment = ids["c-appointment"]
    before_reopen = just_before(rapport, appointment, "Reopened")
    lines += ["", "Worth a look:"]
    for command, what in [
        (f"history {ids['c-outage']}", "a critical complaint, still open and past its SLA"),
        (f"history {appointment}", "a complaint resolved, reopened, resolved again and closed"),
        (
            f"show {appointment} --as-of {before_reopen} --occurred",
            "the same complaint as it was before it was reopened",
        ),
        (f"show {ids['r-callback']} --version 3", "a requirement before its change request"),
        (f"history {ids['k-outage']}", "a risk that occurred, linked to the outage complaint"),
    ]:
        lines += [f"rapport {command}", f"  {what}"]
    return "\n".join(lines)


def just_before(rapport: Rapport, aggregate_id: UUID, event_name: str) -> str:
    """A time for `--as-of T --occurred` after the event before `event_name` and before it.

    A bare date (midnight UTC) when one falls in between, which keeps the command short."""
    events = rapport.history(aggregate_id)
    at = next(i for i, e in enumerate(events) if type(e).__name__ == event_name)
    after: datetime = events[at - 1].occurred_at
    until: datetime = events[at].occurred_at
    midnight = datetime.combine(until.astimezone(UTC).date(), time(), UTC)
    if after <= midnight < until:
        return midnight.date().isoformat()
    return after.astimezone(UTC).isoformat(timespec="seconds")
