"""Connection filters: each field names a column of the view it filters."""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any


def where_of(given: Any | None) -> dict[str, Any]:
    """The filter's given fields as column equalities; unset fields filter nothing."""
    if given is None:
        return {}
    values = {field.name: getattr(given, field.name) for field in dataclasses.fields(given)}
    return {
        name: value.value if isinstance(value, Enum) else value
        for name, value in values.items()
        if value is not None
    }
