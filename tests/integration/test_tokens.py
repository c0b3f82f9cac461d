"""API tokens: issued once, stored only as a hash, revocable, and handed out
only by an admin. The store runs on SQLite and PostgreSQL (the `database_url`
fixture gives both); the `rapport token` commands run on SQLite.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from uuid import UUID, uuid4

import pytest
from sqlalchemy import select
from typer.testing import Result

from application.access import Principal, Role
from application.errors import Forbidden, InvalidValue, NotFound
from application.tokens import Tokens, hash_secret
from infrastructure.auth.token_store import SqlTokenStore
from interfaces.bootstrap import ViewRuntime, bootstrap, build_tokens, build_views
from tests.conftest import FakeClock, make_settings
from tests.integration.conftest import Cli, assert_one_line_error

CLIENT = UUID("0b7c3e1a-5a43-4c2e-9f0e-6f1d2a3b4c5d")
SECRET = re.compile(r"^rpt_\S+$", re.MULTILINE)
TOKEN_ID = re.compile(r"Created token ([0-9a-f-]{36})")
only_sqlite = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture
def runtime(database_url: str, clock: FakeClock) -> Iterator[ViewRuntime]:
    rapport = bootstrap(make_settings(database_url), clock=clock)
    views = build_views(rapport, make_settings(database_url))
    try:
        yield views
    finally:
        views.close()
        rapport.close()


@pytest.fixture
def tokens(runtime: ViewRuntime, clock: FakeClock) -> Tokens:
    return build_tokens(runtime, clock)


def stored_rows(runtime: ViewRuntime) -> list[dict[str, object]]:
    """The token table as the database holds it, read past the store's own queries."""
    table = SqlTokenStore(runtime.store.engine, runtime.store.metadata.schema).table
    with runtime.store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(select(table))]


# Issuing and authenticating


@pytest.mark.parametrize(
    ("role", "client_id"),
    [(Role.ADMIN, None), (Role.VIEWER, None), (Role.CLIENT, CLIENT)],
)
def test_a_created_token_authenticates_as_its_name_role_and_client(
    tokens: Tokens, role: Role, client_id: UUID | None
) -> None:
    secret, record = tokens.create(role.value, "  Ada  ", client_id)

    assert tokens.authenticate(secret) == Principal("Ada", role, client_id, record.token_id)
    assert (record.name, record.role, record.client_id) == ("Ada", role.value, client_id)


def test_only_the_hash_of_a_secret_is_stored(tokens: Tokens, runtime: ViewRuntime) -> None:
    secret, record = tokens.create("admin", "Ada")

    [row] = stored_rows(runtime)
    assert row["token_id"] == record.token_id
    assert row["secret_hash"] == hash_secret(secret)
    assert not any(secret in str(value) for value in row.values())


def test_a_token_keeps_its_creation_time_with_its_offset(tokens: Tokens, clock: FakeClock) -> None:
    tokens.create("admin", "first")
    clock.advance(minutes=5)
    tokens.create("viewer", "second")

    listed = tokens.all()
    assert [t.name for t in listed] == ["first", "second"]
    assert listed[1].created_at == clock.now()
    assert listed[1].created_at.utcoffset() is not None


def test_an_unknown_secret_authenticates_as_nobody(tokens: Tokens) -> None:
    tokens.create("admin", "Ada")

    assert tokens.authenticate("rpt_not-a-token") is None


def test_tokens_survive_the_store_being_opened_again(
    tokens: Tokens, runtime: ViewRuntime, clock: FakeClock
) -> None:
    secret, record = tokens.create("manager", "Max")

    again = build_tokens(runtime, clock)

    assert again.authenticate(secret) == Principal("Max", Role.MANAGER, token_id=record.token_id)


# Refusals


@pytest.mark.parametrize(
    ("role", "name", "client_id", "field"),
    [
        ("client", "Acme", None, "client_id"),
        ("agent", "Ann", CLIENT, "client_id"),
        ("superuser", "Ann", None, "role"),
        ("viewer", "   ", None, "name"),
    ],
    ids=["client-without-client", "non-client-with-client", "unknown-role", "blank-name"],
)
def test_an_invalid_token_is_refused_and_nothing_stored(
    tokens: Tokens, role: str, name: str, client_id: UUID | None, field: str
) -> None:
    with pytest.raises(InvalidValue) as refused:
        tokens.create(role, name, client_id)

    assert refused.value.field == field
    assert tokens.all() == []


NON_ADMINS = [
    Principal("Max", Role.MANAGER),
    Principal("Ann", Role.AGENT),
    Principal("Vic", Role.VIEWER),
    Principal("Acme", Role.CLIENT, CLIENT),
]


@pytest.mark.parametrize("principal", NON_ADMINS, ids=lambda p: p.role.value)
def test_only_an_admin_may_create_list_or_revoke_tokens(
    tokens: Tokens, principal: Principal
) -> None:
    secret, record = tokens.create("viewer", "Vic", by=Principal("Root", Role.ADMIN))

    with pytest.raises(Forbidden):
        tokens.create("admin", "Mallory", by=principal)
    with pytest.raises(Forbidden):
        tokens.all(by=principal)
    with pytest.raises(Forbidden):
        tokens.revoke(record.token_id, by=principal)

    assert [t.token_id for t in tokens.all()] == [record.token_id]
    assert tokens.authenticate(secret) is not None


# Revoking


def test_a_revoked_token_no_longer_authenticates(tokens: Tokens, clock: FakeClock) -> None:
    secret, record = tokens.create("agent", "Ann")
    clock.advance(hours=1)

    revoked = tokens.revoke(record.token_id)

    assert revoked.revoked_at == clock.now()
    assert tokens.authenticate(secret) is None
    assert tokens.all() == [revoked]


def test_revoking_again_keeps_the_first_revocation_time(tokens: Tokens, clock: FakeClock) -> None:
    _, record = tokens.create("agent", "Ann")
    first = tokens.revoke(record.token_id)
    clock.advance(hours=1)

    again = tokens.revoke(record.token_id)

    assert again == first
    assert again.revoked_at is not None
    assert again.revoked_at < clock.now()


def test_a_token_revoked_here_is_refused_at_once_though_it_was_just_checked(
    tokens: Tokens,
) -> None:
    secret, record = tokens.create("agent", "Ann")
    assert tokens.authenticate(secret) is not None  # now remembered

    tokens.revoke(record.token_id)

    assert tokens.authenticate(secret) is None


def test_a_token_revoked_elsewhere_is_refused_once_the_cache_time_has_passed(
    runtime: ViewRuntime, clock: FakeClock
) -> None:
    server, command_line = build_tokens(runtime, clock), build_tokens(runtime, clock)
    secret, record = server.create("agent", "Ann")
    assert server.authenticate(secret) is not None

    command_line.revoke(record.token_id)

    assert server.authenticate(secret) is not None  # trusted for a second more
    clock.advance(seconds=runtime.settings.token_cache_seconds)
    assert server.authenticate(secret) is None


def test_a_check_made_before_since_is_not_trusted_so_a_revocation_elsewhere_shows_at_once(
    runtime: ViewRuntime, clock: FakeClock
) -> None:
    server, command_line = build_tokens(runtime, clock), build_tokens(runtime, clock)
    secret, record = server.create("agent", "Ann")
    assert server.authenticate(secret) is not None
    checked_at = clock.now()
    clock.advance(seconds=0.1)

    command_line.revoke(record.token_id)

    assert server.authenticate(secret, since=checked_at) is not None  # that check counts
    assert server.remembered(secret, since=clock.now()) is None
    assert server.authenticate(secret, since=clock.now()) is None


def test_revoking_an_unknown_token_is_not_found(tokens: Tokens) -> None:
    with pytest.raises(NotFound):
        tokens.revoke(uuid4())


# `rapport token`


def created(result: Result) -> tuple[str, str]:
    """The id and the secret `rapport token create` printed."""
    assert result.exit_code == 0, result.output
    secret = SECRET.search(result.stdout)
    token_id = TOKEN_ID.search(result.stdout)
    assert secret is not None and token_id is not None, result.stdout
    return token_id.group(1), secret.group(0)


@only_sqlite
def test_cli_create_prints_the_secret_once_and_list_never_shows_it(
    cli: Cli, tokens: Tokens
) -> None:
    token_id, secret = created(cli("token", "create", "--role", "admin", "--name", "Ada"))
    made = cli("token", "create", "--role", "client", "--client", str(CLIENT), "--name", "Acme")
    client_token_id, client_secret = created(made)

    assert "will not be shown again" in made.stdout
    assert tokens.authenticate(secret) == Principal("Ada", Role.ADMIN, token_id=UUID(token_id))
    assert tokens.authenticate(client_secret) == Principal(
        "Acme", Role.CLIENT, CLIENT, UUID(client_token_id)
    )
    listed = cli("token", "list")
    assert listed.exit_code == 0, listed.output
    assert token_id in listed.stdout and str(CLIENT) in listed.stdout
    assert "Ada" in listed.stdout and "Acme" in listed.stdout
    for hidden in (secret, client_secret, hash_secret(secret), hash_secret(client_secret)):
        assert hidden not in listed.stdout
    assert "rpt_" not in listed.stdout


@only_sqlite
def test_cli_revoke_stops_the_token_and_list_shows_when(cli: Cli, tokens: Tokens) -> None:
    token_id, secret = created(cli("token", "create", "--role", "agent", "--name", "Ann"))

    result = cli("token", "revoke", token_id)

    assert result.exit_code == 0, result.output
    assert f"Token {token_id} (Ann) revoked at" in result.stdout
    assert tokens.authenticate(secret) is None
    [record] = tokens.all()
    assert record.revoked_at is not None
    assert record.revoked_at.isoformat(timespec="seconds") in cli("token", "list").stdout


@only_sqlite
@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--role", "boss", "--name", "Ann"], "'boss' is not one of admin"),
        (["--role", "client", "--name", "Acme"], "client"),
        (["--role", "viewer", "--client", str(CLIENT), "--name", "Vic"], "client"),
        (["--role", "viewer", "--name", "  "], "name: must not be blank"),
        (["--role", "client", "--client", "acme", "--name", "Acme"], "'acme' is not an id"),
    ],
    ids=["unknown-role", "client-without-client", "extra-client", "blank-name", "bad-client-id"],
)
def test_cli_create_refuses_bad_input_in_one_line_and_stores_nothing(
    cli: Cli, tokens: Tokens, args: list[str], fragment: str
) -> None:
    assert_one_line_error(cli("token", "create", *args), fragment)
    assert tokens.all() == []


@only_sqlite
@pytest.mark.parametrize(
    ("token_id", "fragment"),
    [(str(CLIENT), f"no token with id {CLIENT}"), ("nope", "'nope' is not an id")],
    ids=["unknown-id", "not-an-id"],
)
def test_cli_revoke_refuses_an_unknown_token_in_one_line(
    cli: Cli, token_id: str, fragment: str
) -> None:
    assert_one_line_error(cli("token", "revoke", token_id), fragment)
