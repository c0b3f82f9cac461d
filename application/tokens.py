"""API tokens: issued once, stored only as a hash, revocable.

A token is 32 random bytes, so a plain SHA-256 of it is as good as any slow
password hash: there is nothing to guess. The secret is shown to whoever
creates it and never again.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime, timedelta
from uuid import UUID

from application.access import Permission, Principal, Role
from application.errors import InvalidValue, NotFound
from application.ports import Clock, TokenRecord, TokenStore
from domain.base import require_line

TOKEN_PREFIX = "rpt_"


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


# Live tokens remembered at most; unknown secrets are never remembered.
_REMEMBERED = 10_000


class Tokens:
    """Issues, checks and revokes API tokens.

    A live token, once checked, is taken on trust for `cache_seconds`, so a
    request costs no query for it. A revocation through this object forgets
    every remembered token at once; one made elsewhere (the command line,
    another server process) takes effect within `cache_seconds`. A caller
    that must know the token was live at some moment (a stream about to send
    an event recorded then) passes it as `since`: a check made before that
    moment does not count."""

    def __init__(
        self,
        store: TokenStore,
        clock: Clock,
        new_id: Callable[[], UUID],
        *,
        cache_seconds: float = 0.0,
    ) -> None:
        self.store = store
        self.clock = clock
        self.new_id = new_id
        self.cache_for = timedelta(seconds=cache_seconds)
        self._checked: OrderedDict[str, tuple[Principal, datetime]] = OrderedDict()
        self._lock = threading.Lock()

    def create(
        self,
        role: str,
        name: str,
        client_id: UUID | None = None,
        *,
        by: Principal | None = None,
    ) -> tuple[str, TokenRecord]:
        """A new token's secret (shown once) and its record. `by` is the
        principal asking; None for the command line, which owns the machine."""
        _require_token_admin(by)
        try:
            parsed_role = Role(role)
        except ValueError:
            roles = ", ".join(r.value for r in Role)
            raise InvalidValue("role", f"{role!r} is not one of {roles}") from None
        name = require_line("name", name)
        if (parsed_role is Role.CLIENT) != (client_id is not None):
            raise InvalidValue("client_id", "a client token needs a client, and only it")
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        record = TokenRecord(self.new_id(), name, parsed_role.value, client_id, self.clock.now())
        self.store.add(record, hash_secret(secret))
        return secret, record

    def remembered(self, secret: str, *, since: datetime | None = None) -> Principal | None:
        """The principal of a token checked within the cache time (and not before
        `since`), without a query; None when it must be looked up (`authenticate`)."""
        return self._remembered(hash_secret(secret), self.clock.now(), since)

    def _remembered(
        self, secret_hash: str, now: datetime, since: datetime | None
    ) -> Principal | None:
        with self._lock:
            checked = self._checked.get(secret_hash)
        if checked is None or now - checked[1] >= self.cache_for:
            return None
        if since is not None and checked[1] < since:
            return None
        return checked[0]

    def authenticate(self, secret: str, *, since: datetime | None = None) -> Principal | None:
        """The principal a live token acts as; None for an unknown or revoked one.
        With `since`, only a check made at or after that moment is taken on trust."""
        secret_hash = hash_secret(secret)
        now = self.clock.now()
        remembered = self._remembered(secret_hash, now, since)
        if remembered is not None:
            return remembered
        record = self.store.find(secret_hash)
        if record is None or record.revoked_at is not None:
            with self._lock:
                self._checked.pop(secret_hash, None)
            return None
        principal = Principal(record.name, Role(record.role), record.client_id, record.token_id)
        if self.cache_for:
            with self._lock:
                self._checked[secret_hash] = (principal, now)
                self._checked.move_to_end(secret_hash)
                if len(self._checked) > _REMEMBERED:
                    self._checked.popitem(last=False)
        return principal

    def all(self, *, by: Principal | None = None) -> list[TokenRecord]:
        _require_token_admin(by)
        return self.store.all()

    def revoke(self, token_id: UUID, *, by: Principal | None = None) -> TokenRecord:
        _require_token_admin(by)
        record = self.store.revoke(token_id, self.clock.now())
        if record is None:
            raise NotFound("token", token_id)
        with self._lock:
            self._checked.clear()  # the revoked one among them
        return record


def _require_token_admin(principal: Principal | None) -> None:
    if principal is not None:
        principal.require(Permission.MANAGE_TOKENS)
