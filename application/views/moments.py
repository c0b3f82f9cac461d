"""When a report's figures next move with time alone.

A live report is worked out for a moment (`View.report(state, at)`), and most of
its figures stay the same from one moment to the next: they move when a clock
falls due, when the day turns, when a breach leaves a trailing window. These
helpers name those moments, so a view can say until when its report stands
(`View.unchanged_until`) and an answer can be given again until then.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time, timedelta

# The smallest step of a `datetime`: a figure that turns strictly after a
# moment (`at > due`) has turned one instant later.
ONE_INSTANT = timedelta(microseconds=1)


def earliest(*moments: datetime | None) -> datetime | None:
    """The first of the moments given; None when none is."""
    return min((m for m in moments if m is not None), default=None)


def next_day(at: datetime) -> datetime:
    """The first moment of the day after `at`'s, in `at`'s own offset: figures
    of `at.date()` stand until then."""
    return datetime.combine(at.date() + timedelta(days=1), time(), at.tzinfo)


def window_turns(moments: Iterable[datetime], at: datetime, window: timedelta) -> datetime | None:
    """When the count of `moments` in the trailing window `(t - window, t]` next
    changes for some t after `at`: a moment enters the window when `t` reaches it
    and leaves it when `t` reaches it plus the window. None when never."""
    turns = []
    for moment in moments:
        if moment > at:
            turns.append(moment)
        elif moment + window > at:
            turns.append(moment + window)
    return min(turns, default=None)
