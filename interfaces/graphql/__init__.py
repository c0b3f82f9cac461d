"""The GraphQL API: one folder per area, merged in `schema.py`."""
