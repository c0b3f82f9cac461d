"""The token bucket behind both rate limits, on a clock the tests move."""

from __future__ import annotations

from interfaces.http.limits import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_allow_spends_the_burst_then_says_how_long_until_the_next_one() -> None:
    clock = Clock()
    limiter = RateLimiter(3, clock)

    assert [limiter.allow("a") for _ in range(3)] == [None, None, None]
    assert limiter.allow("a") == 20.0  # one comes back every 60 / 3 s
    clock.now += 20
    assert limiter.allow("a") is None


def test_wait_spends_nothing_and_charge_spends_even_below_zero() -> None:
    clock = Clock()
    limiter = RateLimiter(2, clock)

    assert [limiter.wait("a") for _ in range(5)] == [None] * 5
    for _ in range(3):
        limiter.charge("a")
    assert limiter.wait("a") == 60.0  # two refills to climb back from -1 to 1
    assert limiter.wait("b") is None


def test_zero_per_minute_limits_nothing() -> None:
    limiter = RateLimiter(0, Clock())
    for _ in range(100):
        limiter.charge("a")
    assert limiter.allow("a") is None and limiter.wait("a") is None


def test_past_many_keys_the_full_buckets_are_forgotten_and_the_spent_ones_kept() -> None:
    class Small(RateLimiter):
        KEPT = 2

    clock = Clock()
    limiter = Small(1, clock)
    limiter.charge("a")
    limiter.charge("b")
    clock.now += 60  # both full again: the same as never seen

    limiter.charge("spent")

    assert list(limiter._buckets) == ["spent"]
    assert limiter.wait("spent") == 60.0
    assert limiter.wait("a") is None
