"""Event serialisation with orjson, restoring exact Python types on the way back.

orjson writes UUIDs, datetimes, dates and enums as plain JSON strings, so reading
them back needs the declared types: every event is a frozen dataclass whose field
annotations say what each value is, and aggregates annotate their state for
snapshots. pydantic validates the decoded JSON against those annotations, which
turns strings back into UUID, datetime, date, Decimal and enum values exactly
(money is written as a decimal string, never a float).
"""

from __future__ import annotations

import typing
from datetime import datetime
from decimal import Decimal
from functools import cache
from typing import Any
from uuid import UUID

import orjson
from eventsourcing.domain import CanSnapshotAggregate, DomainEventProtocol
from eventsourcing.persistence import Mapper, MapperDeserialisationError, StoredEvent, Transcoder
from eventsourcing.utils import get_topic, resolve_topic
from pydantic import TypeAdapter

_ORJSON_OPTIONS = orjson.OPT_NON_STR_KEYS


def _encode_extra(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot store a value of type {type(value).__name__}")


class OrjsonTranscoder(Transcoder):
    """Bytes <-> plain JSON values. Types are restored by `TypedMapper`, not here."""

    def encode(self, obj: Any) -> bytes:
        return orjson.dumps(obj, default=_encode_extra, option=_ORJSON_OPTIONS)

    def decode(self, data: bytes) -> Any:
        return orjson.loads(data)


class TypedMapper(Mapper[UUID]):
    """Mapper that stores events as orjson and rebuilds them through their annotations."""

    def to_stored_event(self, domain_event: DomainEventProtocol[UUID]) -> StoredEvent:
        state = dict(vars(domain_event))
        originator_id = state.pop("originator_id")
        originator_version = state.pop("originator_version")
        class_version = getattr(type(domain_event), "class_version", 1)
        if class_version > 1:
            state["class_version"] = class_version
        return StoredEvent(
            originator_id=originator_id,
            originator_version=originator_version,
            topic=get_topic(type(domain_event)),
            state=self._encrypt_and_compress(self.transcoder.encode(state)),
        )

    def to_domain_event(self, stored_event: StoredEvent) -> DomainEventProtocol[UUID]:
        event_class = resolve_topic(stored_event.topic)
        try:
            state = self.transcoder.decode(self._decompress_and_decrypt(stored_event.state))
            _upcast(event_class, state)
            state["originator_id"] = stored_event.originator_id
            state["originator_version"] = stored_event.originator_version
            if issubclass(event_class, CanSnapshotAggregate):
                state["state"] = restore_aggregate_state(state["topic"], state["state"])
            event: DomainEventProtocol[UUID] = _adapter(event_class).validate_python(state)
        except Exception as error:
            raise MapperDeserialisationError(
                f"cannot read stored event {stored_event.topic} "
                f"{stored_event.originator_id} v{stored_event.originator_version}: {error}"
            ) from error
        return event

    def _encrypt_and_compress(self, data: bytes) -> bytes:
        if self.compressor:
            data = self.compressor.compress(data)
        if self.cipher:
            data = self.cipher.encrypt(data)
        return data

    def _decompress_and_decrypt(self, data: bytes) -> bytes:
        if self.cipher:
            data = self.cipher.decrypt(data)
        if self.compressor:
            data = self.compressor.decompress(data)
        return data


def _upcast(event_class: type, state: dict[str, Any]) -> None:
    """Bring an old stored shape up to the current class, one version at a time.

    Upcasters (`upcast_vN_vN+1`) work on the stored JSON values, before types are
    restored, so they see exactly what was written years ago."""
    class_version = getattr(event_class, "class_version", 1)
    version = state.pop("class_version", 1)
    while version < class_version:
        getattr(event_class, f"upcast_v{version}_v{version + 1}")(state)
        version += 1


# The library's own attributes of an aggregate, absent from its class annotations.
_BASE_STATE_TYPES: dict[str, Any] = {"_created_on": datetime, "_modified_on": datetime}


def restore_aggregate_state(aggregate_topic: str, state: dict[str, Any]) -> dict[str, Any]:
    """Restore the typed values of a snapshot's aggregate state from its class annotations."""
    adapters = _state_adapters(resolve_topic(aggregate_topic))
    return {
        name: adapters[name].validate_python(value) if name in adapters else value
        for name, value in state.items()
    }


@cache
def _state_adapters(aggregate_class: type) -> dict[str, TypeAdapter[Any]]:
    hints = {**_BASE_STATE_TYPES, **typing.get_type_hints(aggregate_class)}
    return {name: TypeAdapter(hint) for name, hint in hints.items()}


@cache
def _adapter(event_class: type) -> TypeAdapter[Any]:
    return TypeAdapter(event_class)
