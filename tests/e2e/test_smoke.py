"""The path every user takes first: open an engagement, work a complaint, read the views."""

from __future__ import annotations

from tests.e2e.conftest import Api


def test_open_work_a_complaint_and_read_the_engagement_views(api: Api) -> None:
    engagement_id = api.open_engagement()
    complaint_id = api.receive_complaint(engagement_id)
    acknowledged = api.mutate(
        "acknowledgeComplaint",
        {"complaintId": complaint_id, "agent": "sam", "message": "On it"},
        "... on ComplaintPayload { complaint { state acknowledgedBy } }",
    )
    assert acknowledged["complaint"] == {"state": "ACKNOWLEDGED", "acknowledgedBy": "sam"}
    data = api.data(
        """query($id: UUID!) { engagement(id: $id) {
            title state health
            progress { milestonesTotal }
            budget { budget currency }
            satisfaction { complaintsReceived openBySeverity { key count } }
            riskRegister { risksTotal }
            complaints { nodes { id state } }
        } }""",
        {"id": engagement_id},
    )
    engagement = data["engagement"]
    assert engagement["state"] == "ACTIVE"
    assert engagement["budget"] == {"budget": "120000.00", "currency": "EUR"}
    assert engagement["satisfaction"]["complaintsReceived"] == 1
    assert engagement["complaints"]["nodes"] == [{"id": complaint_id, "state": "ACKNOWLEDGED"}]
