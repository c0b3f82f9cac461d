"""A command's fingerprint tells a retry from another command under the same
idempotency key, across releases: it is made of the values, not of how Python
spells them, so a key stored by one version still matches its retry on the next."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from uuid import UUID

from application.commands.complaint import ReceiveComplaint
from application.commands.engagement import RecordCost
from domain.complaint import ComplaintChannel
from domain.sla import Severity


def complaint(description: str = "Refund late") -> ReceiveComplaint:
    return ReceiveComplaint(
        engagement_id=UUID(int=7),
        channel=ComplaintChannel.EMAIL,
        severity=Severity.HIGH,
        category="billing",
        description=description,
    )


def test_equal_commands_share_a_fingerprint_and_different_ones_do_not() -> None:
    assert complaint().fingerprint() == complaint().fingerprint()
    assert complaint().fingerprint() != complaint("Refund later").fingerprint()


def test_the_fingerprint_is_the_digest_of_the_values_as_canonical_json() -> None:
    canonical = (
        '{"command":"ReceiveComplaint","fields":{"category":"billing","channel":"email",'
        '"description":"Refund late","engagement_id":"00000000-0000-0000-0000-000000000007",'
        '"severity":"high"}}'
    )
    assert complaint().fingerprint() == hashlib.sha256(canonical.encode()).hexdigest()


def test_decimals_and_dates_are_written_as_integrators_send_them() -> None:
    cost = RecordCost(
        engagement_id=UUID(int=1),
        amount=Decimal("12.50"),
        category="travel",
        incurred_on=date(2026, 3, 1),
    )
    canonical = (
        '{"command":"RecordCost","fields":{"amount":"12.50","category":"travel",'
        '"engagement_id":"00000000-0000-0000-0000-000000000001","incurred_on":"2026-03-01",'
        '"note":""}}'
    )
    assert cost.fingerprint() == hashlib.sha256(canonical.encode()).hexdigest()
