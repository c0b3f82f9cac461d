"""`me` over HTTP: who the calling token is, for every role."""

from __future__ import annotations

import pytest

from tests.e2e.access_cases import CLIENT_MUTATIONS, ROLES
from tests.e2e.conftest import CLIENT_ID, Api

ME = "{ me { tokenId name role clientId mutations seesOperations } }"


@pytest.mark.parametrize("role", ROLES)
def test_me_names_the_token_its_role_and_client_and_whether_it_sees_operations(
    shared_api: Api, role: str
) -> None:
    client_id = CLIENT_ID if role == "client" else None
    secret, record = shared_api.services.tokens.create(role, f"me-{role}", client_id)

    me = shared_api.data(ME, token=secret)["me"]

    assert {key: me[key] for key in ("tokenId", "name", "role", "clientId", "seesOperations")} == {
        "tokenId": str(record.token_id),
        "name": f"me-{role}",
        "role": role.upper(),
        "clientId": None if client_id is None else str(client_id),
        "seesOperations": role != "client",
    }


def test_a_client_may_run_only_what_a_client_does_and_a_viewer_nothing(shared_api: Api) -> None:
    def mutations(role: str) -> set[str]:
        token = shared_api.token(role, CLIENT_ID if role == "client" else None)
        return set(shared_api.data(ME, token=token)["me"]["mutations"])

    assert mutations("client") == CLIENT_MUTATIONS
    assert mutations("viewer") == set()
    assert {"createToken", "registerWebhook", "replayViews"} <= mutations("admin")
    assert "createToken" not in mutations("manager")
