"""What `rapport` prints when its output goes through a pipe, and a second
`rapport serve` on a port already taken: real processes, as a shell runs them."""

from __future__ import annotations

import re
import socket
import subprocess
from pathlib import Path

import pytest

from tests.processes import start_rapport

CLIENT = "6f1c8a52-4a1e-4d5e-9d7e-0c1f2b3a4d5e"
ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'rapport.db'}"


def piped(database_url: str, *args: str) -> tuple[int, str, str]:
    """`rapport ARGS... | ...`: the exit code and what went down the pipes."""
    process = start_rapport(
        database_url, *args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        COLUMNS="",  # as in a script: nothing says how wide a line may be
    )  # fmt: skip
    out, err = process.communicate(timeout=120)
    return process.returncode, out.decode(), err.decode()


def test_piped_output_keeps_each_line_whole_however_long(database_url: str) -> None:
    name = "Customer-care integration of Nordlys Telecom AB, Stockholm office"
    code, created, _ = piped(database_url, "token", "create", "--role", "client",
                             "--client", CLIENT, "--name", name)  # fmt: skip
    assert code == 0
    url = "https://hooks.example.com/rapport/" + "segment/" * 12 + "events"
    code, added, _ = piped(database_url, "webhook", "add", url, "--event", "Complaint.*")
    assert code == 0
    code, listed, _ = piped(database_url, "token", "list")
    assert code == 0

    header, secret, _ = created.splitlines()
    token_id, client = ID.findall(header)
    assert header == f"Created token {token_id} for {name} (client of {CLIENT}):"
    assert len(header) > 80 and client == CLIENT
    assert re.fullmatch(r"rpt_[\w-]{43}", secret), secret
    endpoint_id, *_ = ID.findall(added)
    assert added.splitlines()[0] == f"Registered webhook {endpoint_id} for {url}:"
    (row,) = [line for line in listed.splitlines() if token_id in line]
    assert name in row and CLIENT in row


def test_a_second_server_on_a_taken_port_says_so_in_one_line_and_starts_nothing(
    database_url: str,
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]

        code, out, err = piped(database_url, "serve", "--port", str(port))

    assert code == 2
    assert out == ""
    assert (
        err
        == f"error: port {port} on 127.0.0.1 is in use; stop what listens there or give --port\n"
    )
    assert not Path(database_url.removeprefix("sqlite:///")).exists()  # nothing was opened
