"""View states to JSON bytes and back, exact types restored from the state's annotations."""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from typing import Any

import orjson
from pydantic import TypeAdapter


def _encode_extra(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot store a value of type {type(value).__name__}")


def encode_state(state: object) -> bytes:
    return orjson.dumps(state, default=_encode_extra, option=orjson.OPT_NON_STR_KEYS)


def decode_state(state_type: type, data: bytes) -> Any:
    return _adapter(state_type).validate_json(data)


def state_schema(state_type: type) -> dict[str, Any]:
    """The JSON schema rows of `state_type` are decoded against."""
    return _adapter(state_type).json_schema()


def without_entries(state: Any, entry_fields: Sequence[str]) -> Any:
    """The state as its own row stores it: its entry fields empty (each entry
    has a row of its own)."""
    if not entry_fields:
        return state
    return dataclasses.replace(state, **{name: {} for name in entry_fields})


def decode_entry(state_type: type, field: str, data: bytes) -> Any:
    """One entry of the state's dict field `field`."""
    return _entry_adapter(state_type, field).validate_json(data)


@cache
def _entry_adapter(state_type: type, field: str) -> TypeAdapter[Any]:
    entries = typing.get_type_hints(state_type)[field]  # dict[str, X]
    return TypeAdapter(typing.get_args(entries)[1])


@cache
def _adapter(state_type: type) -> TypeAdapter[Any]:
    return TypeAdapter(state_type)
