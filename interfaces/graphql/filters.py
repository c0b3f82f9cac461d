"""Connection filters: each field names a column of the view it filters."""

from __future__ import annotations

import dataclasses
from typing import Any


def where_of(given: Any | None) -> dict[str, Any]:
    """The filter's given fields as column equalities; unset fields filter nothing."""
    if given is None:
        return {}
    return {
        field.name: getattr(given, field.name)
        for field in dataclasses.fields(given)
        if getattr(given, field.name) is not None
    }
