"""Who a request acts as, from `Authorization: Bearer <token>`."""

from __future__ import annotations

import secrets
from datetime import datetime
from uuid import uuid4

from application.access import Principal, Role
from application.tokens import TOKEN_PREFIX, Tokens, hash_secret


class Authenticator:
    """Tokens from the store; in development also one admin token that lives
    only as long as the process and is printed at start-up."""

    def __init__(self, tokens: Tokens, *, development: bool) -> None:
        self.tokens = tokens
        self.local_admin_secret = TOKEN_PREFIX + secrets.token_urlsafe(32) if development else None
        self._local_admin_hash = hash_secret(self.local_admin_secret or "")
        # An id of its own, like every token, so its rate is counted apart.
        self._local_admin_principal = Principal("local-admin", Role.ADMIN, token_id=uuid4())

    def principal(
        self, authorization: str | None, since: datetime | None = None
    ) -> Principal | None:
        """The principal of a live token in an Authorization header value; None
        when the header is missing, malformed, unknown or revoked. With `since`,
        the token is looked up again unless it was checked at or after then."""
        secret = _bearer(authorization)
        if secret is None:
            return None
        return self._local_admin(secret) or self.tokens.authenticate(secret, since=since)

    def remembered(
        self, authorization: str | None, since: datetime | None = None
    ) -> Principal | None:
        """`principal` when it is known without a query (a token checked a moment
        ago, and not before `since`); None when it must be looked up."""
        secret = _bearer(authorization)
        if secret is None:
            return None
        return self._local_admin(secret) or self.tokens.remembered(secret, since=since)

    def _local_admin(self, secret: str) -> Principal | None:
        if self.local_admin_secret and secrets.compare_digest(
            hash_secret(secret), self._local_admin_hash
        ):
            return self._local_admin_principal
        return None


def _bearer(authorization: str | None) -> str | None:
    """The secret of a `Bearer <secret>` header value; None for anything else."""
    if not authorization:
        return None
    scheme, _, secret = authorization.strip().partition(" ")
    secret = secret.strip()
    if scheme.lower() != "bearer" or not secret:
        return None
    return secret
