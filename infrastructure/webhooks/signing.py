"""How a webhook request is signed, and how a receiver checks it.

`Rapport-Signature: t=<unix seconds>,v1=<hex>`, where the hex is the
HMAC-SHA256, keyed by the endpoint's secret, of `<t>.` followed by the body.
Signing the time with the body lets a receiver refuse a replayed request.
"""

from __future__ import annotations

import hashlib
import hmac
import time

SIGNATURE = "Rapport-Signature"
EVENT_ID = "Rapport-Event-Id"
EVENT_TYPE = "Rapport-Event-Type"
ATTEMPT = "Rapport-Delivery-Attempt"


def signature(secret: str, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


def verify(secret: str, header: str, body: bytes, *, tolerance: float = 300.0) -> bool:
    """Whether `header` signs `body` with `secret`, made within `tolerance` seconds."""
    try:
        fields = dict(part.split("=", 1) for part in header.split(","))
        timestamp = int(fields["t"])
    except (KeyError, ValueError):
        return False
    if abs(time.time() - timestamp) > tolerance:
        return False
    expected = signature(secret, timestamp, body)
    return hmac.compare_digest(expected, f"t={timestamp},v1={fields.get('v1', '')}")
