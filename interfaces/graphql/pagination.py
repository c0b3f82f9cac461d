"""Relay connections: forward pages whose cursor is the row's key.

The key is an object's id, or for the audit trail the event's log position, so a
client can resume a trail from any position it has seen, with no gap."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import strawberry

from application.queries import Page
from interfaces.graphql.context import Info

Node = TypeVar("Node")

DEFAULT_PAGE_SIZE = 20


@strawberry.type(description="Whether more items follow, and the cursor to ask for them with.")
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type(description="An item of a page, with its cursor.")
class Edge(Generic[Node]):
    cursor: str
    node: Node


@strawberry.type(
    description="A page of items in cursor order: pass `pageInfo.endCursor` as `after` for "
    "the next page."
)
class Connection(Generic[Node]):
    edges: list[Edge[Node]]
    page_info: PageInfo

    @strawberry.field
    def nodes(self) -> list[Node]:
        return [edge.node for edge in self.edges]


async def rows_page(
    info: Info,
    view_name: str,
    where: dict[str, Any],
    *,
    first: int,
    after: str | None,
    node: Callable[[Any], Node],
) -> Connection[Node]:
    """A connection over a live view's rows whose columns equal `where`."""
    context = info.context
    page = await context.read_views(
        context.services.reader.page, context.principal, view_name, where, first, after
    )
    return connection(page, node)


def connection(page: Page[Any], node: Callable[[Any], Node]) -> Connection[Node]:
    edges = [Edge(cursor=key, node=node(item)) for key, item in page.items]
    end = edges[-1].cursor if edges else None
    return Connection(edges=edges, page_info=PageInfo(has_next_page=page.has_next, end_cursor=end))
