"""The container files, checked without Docker: docker/compose.yaml and docker/Dockerfile
describe the deployment of DESIGN.md §6, and every `rapport` command line they run is one
the command line accepts. Nothing is built or run; command lines are parsed by Typer (its
click), the way `rapport` would parse them, and never invoked."""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml
from typer.core import TyperGroup
from typer.exceptions import TyperException

from interfaces.cli.main import app

DOCKER = Path(__file__).resolve().parents[2] / "docker"
COMPOSE_FILE = DOCKER / "compose.yaml"
DOCKERFILE = DOCKER / "Dockerfile"
PROJECT_DOCKERFILE = "docker/Dockerfile"


def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE_FILE.read_text())


def services() -> dict[str, dict[str, Any]]:
    return compose()["services"]


def project_services() -> dict[str, dict[str, Any]]:
    """The services that run Rapport's image, built from docker/Dockerfile."""
    found = {
        name: service
        for name, service in services().items()
        if service.get("build", {}).get("dockerfile") == PROJECT_DOCKERFILE
    }
    images = {service.get("image") for service in found.values()} - {None}
    found.update({n: s for n, s in services().items() if s.get("image") in images})
    return found


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments dropped."""
    lines = [
        line for line in DOCKERFILE.read_text().splitlines() if not line.lstrip().startswith("#")
    ]
    joined = re.sub(r"\\\n\s*", " ", "\n".join(lines))
    return [
        (keyword.upper(), rest.strip())
        for keyword, _, rest in (line.strip().partition(" ") for line in joined.splitlines())
        if keyword
    ]


def dockerfile_last(instruction: str) -> str:
    values = [rest for keyword, rest in dockerfile_instructions() if keyword == instruction]
    assert values, f"the Dockerfile has no {instruction}"
    return values[-1]


def exec_form(instruction: str) -> list[str]:
    """An ENTRYPOINT or CMD in exec form (a JSON array), the form that gets signals."""
    value = dockerfile_last(instruction)
    assert value.startswith("["), f"{instruction} is not in exec form: {value}"
    return json.loads(value)


def as_arguments(command: str | Sequence[str]) -> list[str]:
    """A compose `command`: a list as is, a string split the way compose splits it."""
    return shlex.split(command) if isinstance(command, str) else list(command)


def parse_rapport(arguments: Sequence[str]) -> list[str]:
    """Parse `rapport ARGUMENTS` as the command line would, down to the command's own
    options, without running it. Returns the command's path; raises a usage error for
    an unknown command or option, a missing argument or a malformed value.

    Groups are entered without parsing options of their own: Rapport's take none."""
    command = typer.main.get_command(app)
    name, parent, rest, path = "rapport", None, list(arguments), []
    while isinstance(command, TyperGroup):
        group_context = typer.Context(command, info_name=name, parent=parent)
        if not rest:
            raise typer.BadParameter("a command is missing", group_context)
        found_name, found, rest = command.resolve_command(group_context, rest)
        assert found_name is not None and found is not None  # or resolve_command raised
        name, command, parent = found_name, found, group_context
        path.append(name)
    command.make_context(name, rest, parent=parent)
    return path


def assert_rapport_accepts(where: str, arguments: Sequence[str]) -> None:
    try:
        parse_rapport(arguments)
    except TyperException as error:
        pytest.fail(f"{where}: `rapport {shlex.join(arguments)}` fails: {error.format_message()}")


def healthcheck_arguments(service: dict[str, Any]) -> list[str]:
    """The healthcheck's command line, without the CMD / CMD-SHELL marker."""
    test = service["healthcheck"]["test"]
    if isinstance(test, str):
        return shlex.split(test)
    marker, *rest = test
    return shlex.split(rest[0]) if marker == "CMD-SHELL" else rest


# The parser itself, on commands that exist today, so these pass whatever is being added.


def test_parsing_accepts_an_existing_command_with_its_options() -> None:
    assert parse_rapport(["project", "--view", "a", "--view", "b"]) == ["project"]


@pytest.mark.parametrize(
    "arguments",
    [
        ["project", "--no-such-option"],
        ["no-such-command"],
        ["history"],  # its required id is missing
        ["show", "some-id", "--version", "three"],  # not an int
        ["--no-such-option"],
        [],
    ],
    ids=[
        "unknown option",
        "unknown command",
        "missing argument",
        "bad value",
        "unknown option before the command",
        "empty",
    ],
)
def test_parsing_rejects_what_the_command_line_would_reject(arguments: list[str]) -> None:
    with pytest.raises(TyperException):
        parse_rapport(arguments)


# docker/compose.yaml


WORKERS = {"projector": ["project"], "sla-watch": ["sla-watch"], "webhooks": ["webhook", "deliver"]}


def test_compose_runs_postgres_the_api_and_a_process_per_job() -> None:
    assert {"postgres", "api", *WORKERS} <= set(services())
    assert set(project_services()) >= {"api", *WORKERS}


def test_compose_runs_three_api_replicas_that_only_serve_and_one_of_each_worker() -> None:
    # The topology tests/integration/test_fleet.py runs and proves.
    api = services()["api"]
    assert api["deploy"]["replicas"] == 3
    assert {"--no-projectors", "--no-sla-watch", "--no-webhooks"} <= set(
        as_arguments(api["command"])
    )
    for name, command in WORKERS.items():
        assert services()[name].get("deploy", {}).get("replicas", 1) == 1
        assert as_arguments(services()[name]["command"]) == command


def host_ports(port: str | int | dict[str, Any]) -> int | None:
    """How many host ports a `ports` entry publishes; None when Docker picks them."""
    if isinstance(port, dict):
        published = str(port.get("published", ""))
    else:
        parts = str(port).split("/")[0].split(":")  # [ip:][host:]container
        published = parts[-2] if len(parts) > 1 else ""
    if not published:
        return None
    low, _, high = published.partition("-")
    return int(high or low) - int(low) + 1


def test_replicated_services_publish_a_host_port_per_replica() -> None:
    for name, service in services().items():
        replicas = service.get("deploy", {}).get("replicas", 1)
        for port in service.get("ports", []):
            count = host_ports(port)
            assert count is None or count >= replicas, f"{name}: {replicas} replicas on {port}"


def test_every_service_has_a_healthcheck() -> None:
    for name, service in services().items():
        check = service.get("healthcheck")
        assert check and check.get("test") and not check.get("disable"), name


def test_api_healthcheck_asks_for_readiness() -> None:
    assert "/readyz" in " ".join(healthcheck_arguments(services()["api"]))


def test_project_services_wait_for_a_healthy_postgres() -> None:
    for name, service in project_services().items():
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy", name


def test_project_services_use_the_postgres_service() -> None:
    for name, service in project_services().items():
        url = service["environment"]["RAPPORT_DATABASE_URL"]
        assert re.match(r"postgresql://[^@]+@postgres:5432/\w+$", url), f"{name}: {url}"


def test_postgres_keeps_its_data_in_a_named_volume() -> None:
    for name in ("postgres", "postgres-replica"):
        data = [v for v in services()[name]["volumes"] if v.endswith(":/var/lib/postgresql/data")]
        assert [v.split(":")[0] for v in data] == [f"{name}-data"], name
        assert f"{name}-data" in compose()["volumes"]


def test_the_primary_lets_the_replica_stream_its_wal() -> None:
    (script,) = [v for v in services()["postgres"]["volumes"] if "docker-entrypoint-initdb.d" in v]
    text = (DOCKER / script.split(":")[0]).read_text()
    assert "host replication $POSTGRES_USER all scram-sha-256" in text
    assert "pg_hba.conf" in text


def test_the_api_reads_from_a_streaming_replica_of_postgres() -> None:
    # As tests/integration/test_fleet.py runs its API processes.
    api = services()["api"]
    read_url = api["environment"]["RAPPORT_READ_DATABASE_URL"]
    host = re.match(r"postgresql://[^@]+@([\w-]+):5432/rapport$", read_url)
    assert host, read_url
    replica = services()[host.group(1)]
    assert api["depends_on"][host.group(1)]["condition"] == "service_healthy"
    script = replica["command"][0]
    assert "pg_basebackup --host postgres" in script
    assert "--write-recovery-conf" in script and "--wal-method stream" in script
    assert replica["depends_on"]["postgres"]["condition"] == "service_healthy"
    # A hot standby refuses to start with fewer connections than its primary.
    assert max_connections(script) >= max_connections(" ".join(services()["postgres"]["command"]))


def max_connections(command: str) -> int:
    (value,) = re.findall(r"max_connections=(\d+)", command)
    return int(value)


def test_workers_run_on_small_pools() -> None:
    # A job needs few connections; the fleet test runs its workers the same way.
    for name in WORKERS:
        environment = services()[name]["environment"]
        assert environment["RAPPORT_POOL_SIZE"] == "3", name


@pytest.mark.parametrize("name", sorted(project_services()))
def test_compose_command_is_a_rapport_command_with_valid_options(name: str) -> None:
    service = project_services()[name]
    assert "command" in service, f"{name} runs the image's default command"
    assert_rapport_accepts(f"compose service {name}", as_arguments(service["command"]))


def test_every_rapport_healthcheck_is_a_valid_rapport_command() -> None:
    for name, service in project_services().items():
        program, *arguments = healthcheck_arguments(service)
        if program == "rapport":
            assert_rapport_accepts(f"healthcheck of {name}", arguments)


def test_the_compose_files_documented_commands_are_valid() -> None:
    documented = re.findall(r"^#.* run --rm api (.+)$", COMPOSE_FILE.read_text(), re.MULTILINE)
    assert documented, "the header says how to create a first token"
    for line in documented:
        assert_rapport_accepts("compose.yaml's header", shlex.split(line))


# docker/Dockerfile


def test_dockerfile_builds_on_a_slim_base() -> None:
    bases = [rest.split()[0] for keyword, rest in dockerfile_instructions() if keyword == "FROM"]
    assert len(bases) >= 2, "a build stage and a final stage"
    assert all(base.endswith("-slim") for base in bases), bases


def test_dockerfile_runs_as_a_non_root_user() -> None:
    user = dockerfile_last("USER").split(":")[0]
    assert user not in ("root", "0"), user


def test_dockerfile_has_a_healthcheck() -> None:
    check = dockerfile_last("HEALTHCHECK")
    assert "/healthz" in check and "NONE" not in check.split()


def test_dockerfile_default_command_is_a_valid_rapport_command() -> None:
    assert exec_form("ENTRYPOINT") == ["rapport"]
    assert_rapport_accepts("Dockerfile CMD", exec_form("CMD"))
