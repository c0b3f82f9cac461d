"""Parsing and validating documents without holding the event loop.

A document seen before is answered from memory on the loop. A new one is parsed
and validated in a worker thread, so however long a hostile document takes
(within the token limit), every other request, `/healthz` included, is still
served meanwhile. What a document parses and validates to is remembered,
validation errors included, so sending the same document again costs nothing.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import anyio.to_thread
from graphql import ASTValidationRule, DocumentNode, GraphQLError, GraphQLSchema, parse
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document


@dataclass(frozen=True)
class Prepared:
    """A document parsed and validated: its syntax error, or its validation errors."""

    document: DocumentNode | None
    errors: list[GraphQLError]


_Key = tuple[str, tuple[type[ASTValidationRule], ...], tuple[tuple[str, Any], ...]]


class PreparedDocuments:
    """The documents one schema has prepared, the most recently used kept."""

    def __init__(self, maxsize: int = 256) -> None:
        self.maxsize = maxsize
        self._prepared: OrderedDict[_Key, Prepared] = OrderedDict()
        self._lock = threading.Lock()

    def recalled(self, key: _Key) -> Prepared | None:
        with self._lock:
            found = self._prepared.get(key)
            if found is not None:
                self._prepared.move_to_end(key)
            return found

    def prepare(self, key: _Key, schema: GraphQLSchema) -> Prepared:
        query, rules, parse_options = key
        try:
            document = parse(query, **dict(parse_options))
        except GraphQLError as error:
            prepared = Prepared(None, [error])
        else:
            prepared = Prepared(document, validate_document(schema, document, rules))
        with self._lock:
            self._prepared[key] = prepared
            while len(self._prepared) > self.maxsize:
                self._prepared.popitem(last=False)
        return prepared


class PrepareOffTheLoop(SchemaExtension):
    """Gives strawberry the document and its validation errors, prepared in a
    worker thread unless remembered. The validation rules are final by parsing
    time: other extensions add theirs when the operation starts."""

    def __init__(self, documents: PreparedDocuments) -> None:
        super().__init__()
        self.documents = documents
        self.prepared: Prepared | None = None

    async def on_parse(self) -> AsyncIterator[None]:
        context = self.execution_context
        if context.query is not None and context.graphql_document is None:
            key: _Key = (
                context.query,
                tuple(context.validation_rules),
                tuple(sorted(context.parse_options.items())),
            )
            prepared = self.documents.recalled(key)
            if prepared is None:
                schema = context.schema._schema
                prepared = await anyio.to_thread.run_sync(self.documents.prepare, key, schema)
            if prepared.document is not None:
                context.graphql_document = prepared.document
                self.prepared = prepared
            # A document that does not parse is left to strawberry, which parses it
            # again to report its syntax error the way each transport expects;
            # parsing stops at the first bad token or at the token limit.
        yield

    def on_validate(self) -> Iterator[None]:
        if self.prepared is not None:
            # Set, so strawberry does not validate again.
            self.execution_context.pre_execution_errors = list(self.prepared.errors)
        yield
