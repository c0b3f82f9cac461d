"""PostgreSQL URLs as the event store, the views and the listeners read them:
one host or libpq's list of hosts (a primary and its standbys), with the
options that go with them."""

from __future__ import annotations

import os

import pytest

from infrastructure.event_store.environment import (
    PostgresUrl,
    apply_session_attributes,
    event_store_env,
)
from infrastructure.views.engine import view_engine

FAILOVER = (
    "postgresql://app:p%40ss@db-a:5432,db-b:5433/rapport?target_session_attrs=read-write&schema=ops"
)


def test_a_url_with_one_host_and_no_port_takes_the_default_port() -> None:
    url = PostgresUrl.parse("postgresql://postgres@127.0.0.1/test")
    assert url.hosts == (("127.0.0.1", 5432),)
    assert (url.user, url.password, url.dbname) == ("postgres", "", "test")


def test_a_url_with_several_hosts_keeps_each_hosts_port_and_the_options() -> None:
    url = PostgresUrl.parse(FAILOVER)
    assert url.hosts == (("db-a", 5432), ("db-b", 5433))
    assert (url.user, url.password) == ("app", "p@ss")
    assert url.option("schema") == "ops"
    assert url.option("target_session_attrs") == "read-write"


def test_ipv6_hosts_are_read_inside_their_brackets() -> None:
    assert PostgresUrl.parse("postgresql://u@[::1]:6543,[fe80::2]/d").hosts == (
        ("::1", 6543),
        ("fe80::2", 5432),
    )


def test_the_event_store_gets_libpqs_lists_of_hosts_and_ports() -> None:
    env = event_store_env(FAILOVER, snapshots=True)
    assert (env["POSTGRES_HOST"], env["POSTGRES_PORT"]) == ("db-a,db-b", "5432,5433")
    assert (env["POSTGRES_USER"], env["POSTGRES_PASSWORD"]) == ("app", "p@ss")
    assert (env["POSTGRES_DBNAME"], env["POSTGRES_SCHEMA"]) == ("rapport", "ops")


def test_the_views_engine_connects_to_every_host_with_the_urls_options() -> None:
    engine, schema = view_engine(FAILOVER)
    _, connect = engine.dialect.create_connect_args(engine.url)
    assert schema == "ops"
    assert (connect["host"], connect["port"]) == ("db-a,db-b", "5432,5433")
    assert (connect["user"], connect["password"], connect["dbname"]) == ("app", "p@ss", "rapport")
    assert connect["target_session_attrs"] == "read-write"


def test_a_replicas_engine_takes_any_session_unless_its_url_says() -> None:
    engine, _ = view_engine("postgresql://u@replica/db", session_attrs="any")
    assert engine.dialect.create_connect_args(engine.url)[1]["target_session_attrs"] == "any"
    engine, _ = view_engine("postgresql://u@r/db?target_session_attrs=standby", session_attrs="any")
    assert engine.dialect.create_connect_args(engine.url)[1]["target_session_attrs"] == "standby"


def test_the_urls_session_attributes_become_the_process_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PGTARGETSESSIONATTRS", "any")  # undone after the test
    apply_session_attributes("postgresql://u@h/db")
    assert os.environ["PGTARGETSESSIONATTRS"] == "any"  # a URL that says nothing changes nothing
    apply_session_attributes(FAILOVER)
    assert os.environ["PGTARGETSESSIONATTRS"] == "read-write"
