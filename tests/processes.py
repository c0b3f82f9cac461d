"""For tests of workers running beside each other, in threads or processes:
starting `rapport` as a process and stopping it, waiting for what they do,
seeing which of them holds its lock, and clients that write through one API
process and read back through another."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any
from uuid import UUID

import httpx
from sqlalchemy import text

from application.service import Rapport
from application.views.log import read_log
from interfaces.bootstrap import ViewRuntime, bootstrap, build_tokens, build_views
from interfaces.settings import Settings
from tests.builders import open_engagement

ROOT = Path(__file__).resolve().parents[1]


def start_rapport(
    database_url: str,
    *args: str,
    stdout: IO[Any] | int = subprocess.DEVNULL,
    stderr: IO[Any] | int = subprocess.DEVNULL,
    cwd: Path = ROOT,
    **settings: str,
) -> subprocess.Popen[bytes]:
    """`rapport ARGS...` as its own process on `database_url`, as a shell runs
    it; `settings` are more environment variables (`RAPPORT_...`, `PGAPPNAME`)."""
    return subprocess.Popen(
        [sys.executable, "-c", "from interfaces.cli.main import app; app()", *args],
        cwd=cwd,
        env={
            **os.environ,
            "RAPPORT_DATABASE_URL": database_url,
            "PYTHONUNBUFFERED": "1",
            **settings,
        },
        stdout=stdout,
        stderr=stderr,
    )


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM, and SIGKILL if it has not stopped within 15 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def free_port() -> int:
    """A port nothing listens on at the moment."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until(condition: Callable[[], bool], timeout: float = 60.0, poll: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(poll)


def advisory_lock_holders(runtime: ViewRuntime, name_prefix: str) -> set[str]:
    """Names (`PGAPPNAME`) starting with `name_prefix` of the database sessions
    that hold advisory locks."""
    query = text(
        "SELECT DISTINCT a.application_name FROM pg_locks l "
        "JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE :pattern"
    )
    with runtime.store.engine.connect() as conn:
        return {row.application_name for row in conn.execute(query, {"pattern": f"{name_prefix}%"})}


def engagement_and_token(database_url: str, role: str = "agent") -> tuple[UUID, str]:
    """An open engagement of the test client and a token of `role`, recorded
    on `database_url` through the application, which is then closed: what a
    test of `rapport` processes starts them on."""
    settings = Settings(database_url=database_url)
    app = bootstrap(settings)
    runtime = build_views(app, settings)
    try:
        token, _ = build_tokens(runtime).create(role, f"{role}-of-the-test")
        return open_engagement(app), token
    finally:
        runtime.close()
        app.close()


@contextmanager
def serving(database_url: str, log: Path, *options: str, **settings: str) -> Iterator[str]:
    """`rapport serve OPTIONS...` on a free port, its output in `log`, with
    more `RAPPORT_...` settings; yields its base URL once `/readyz` says ready,
    and stops it on leaving."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with log.open("wb") as output:
        server = start_rapport(
            database_url,
            *("serve", "--port", str(port), *options),
            stdout=output,
            stderr=output,
            **settings,
        )
    try:
        wait_until(lambda: _ready(base, server, log), timeout=60)
        yield base
    finally:
        stop(server)


def _ready(base: str, server: subprocess.Popen[bytes], log: Path) -> bool:
    assert server.poll() is None, f"the server exited:\n{log.read_text()}"
    try:
        return httpx.get(f"{base}/readyz", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def received_complaints(app: Rapport) -> list[str]:
    """The id of every complaint the log says was received, once per event."""
    found: list[str] = []
    after: int | None = 0
    while after is not None:
        logged, after = read_log(app, after, 2_000)
        found += [
            str(e.aggregate_id)
            for e in logged
            if type(e.event).__qualname__ == "Complaint.Received"
        ]
    return found


RECEIVE = """mutation($input: ReceiveComplaintInput!) { receiveComplaint(input: $input) {
    __typename ... on ComplaintPayload { complaintId viewsCurrent } ... on Error { message } } }"""
READ_BACK = "query($id: UUID!) { complaint(id: $id) { id state } }"


def graphql_data(http: httpx.Client, base: str, query: str, variables: dict[str, Any]) -> Any:
    """The `data` of a GraphQL request to the API at `base`, which must have no errors."""
    response = http.post(f"{base}/graphql", json={"query": query, "variables": variables})
    body = response.json()
    assert response.status_code == 200 and "errors" not in body, (base, body)
    return body["data"]


def complaint_input(engagement_id: UUID, key: str) -> dict[str, str]:
    """`receiveComplaint`'s input, sent with `key` as its idempotency key."""
    return {
        "engagementId": str(engagement_id),
        "channel": "EMAIL",
        "severity": "HIGH",
        "category": "billing",
        "description": f"Complaint {key}",
        "idempotencyKey": key,
    }


class ReadBackClients:
    """Clients each sending receiveComplaint through one API process and reading
    the complaint back through the next one: every mutation must be answered
    with current views, and shown by the other process at once. Keeps what
    each was acknowledged and any problem seen."""

    def __init__(self, apis: list[str], token: str, engagements: list[UUID], name: str) -> None:
        self.apis, self.token, self.engagements, self.name = apis, token, engagements, name
        self.acknowledged: list[str] = []
        self.problems: list[str] = []
        self.lock = threading.Lock()

    def all(self, clients: int, count: int) -> None:
        threads = [threading.Thread(target=self.run, args=(c, count)) for c in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def run(self, client: int, count: int) -> None:
        headers = {"Authorization": f"Bearer {self.token}"}
        with httpx.Client(headers=headers, timeout=30) as http:
            for i in range(count):
                writer = self.apis[(client + i) % len(self.apis)]
                reader = self.apis[(client + i + 1) % len(self.apis)]
                engagement_id = self.engagements[i % len(self.engagements)]
                key = f"{self.name}-{client}-{i}"
                try:
                    self.one(http, writer, reader, complaint_input(engagement_id, key))
                except (AssertionError, httpx.HTTPError) as error:
                    self.problem(f"{writer}, {key}: {error}")

    def one(self, http: httpx.Client, writer: str, reader: str, complaint: dict[str, str]) -> None:
        answer = graphql_data(http, writer, RECEIVE, {"input": complaint})["receiveComplaint"]
        if answer["__typename"] != "ComplaintPayload" or not answer["viewsCurrent"]:
            self.problem(f"{writer}: {answer}")
            return
        with self.lock:
            self.acknowledged.append(answer["complaintId"])
        # Read-your-writes on another process: its views are the same tables.
        seen = graphql_data(http, reader, READ_BACK, {"id": answer["complaintId"]})["complaint"]
        if seen is None or seen["state"] != "RECEIVED":
            self.problem(f"{reader} did not show {answer['complaintId']}: {seen}")

    def problem(self, text: str) -> None:
        with self.lock:
            self.problems.append(text)
