"""The audit trail: every event, as a connection and as a live stream."""
