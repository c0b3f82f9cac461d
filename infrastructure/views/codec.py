"""View states to JSON bytes and back, exact types restored from the state's annotations."""

from __future__ import annotations

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


@cache
def _adapter(state_type: type) -> TypeAdapter[Any]:
    return TypeAdapter(state_type)
