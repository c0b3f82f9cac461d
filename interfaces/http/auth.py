"""Who a request acts as, from `Authorization: Bearer <token>`."""

from __future__ import annotations

import secrets

from application.access import Principal, Role
from application.tokens import TOKEN_PREFIX, Tokens, hash_secret


class Authenticator:
    """Tokens from the store; in development also one admin token that lives
    only as long as the process and is printed at start-up."""

    def __init__(self, tokens: Tokens, *, development: bool) -> None:
        self.tokens = tokens
        self.local_admin_secret = TOKEN_PREFIX + secrets.token_urlsafe(32) if development else None
        self._local_admin_hash = hash_secret(self.local_admin_secret or "")

    def principal(self, authorization: str | None) -> Principal | None:
        """The principal of a live token in an Authorization header value; None
        when the header is missing, malformed, unknown or revoked."""
        if not authorization:
            return None
        scheme, _, secret = authorization.strip().partition(" ")
        secret = secret.strip()
        if scheme.lower() != "bearer" or not secret:
            return None
        if self.local_admin_secret and secrets.compare_digest(
            hash_secret(secret), self._local_admin_hash
        ):
            return Principal("local-admin", Role.ADMIN)
        return self.tokens.authenticate(secret)
