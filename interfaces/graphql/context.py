"""What every resolver gets: who is asking, the services, and the request's loaders."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import anyio.to_thread
from anyio import CapacityLimiter
from strawberry.dataloader import DataLoader
from strawberry.types import Info as StrawberryInfo

from application.access import Principal
from application.ports import ViewMaintenance
from application.queries import Reader, ViewsRead
from application.service import Rapport
from application.tokens import Tokens
from application.webhooks import Webhooks
from interfaces.graphql.errors import UNAVAILABLE, PublicError, query_error

if TYPE_CHECKING:
    from interfaces.graphql.audit.follower import LogFollower

T = TypeVar("T")


@dataclass
class Services:
    """Built once per process and shared by every request."""

    rapport: Rapport
    runtime: ViewMaintenance  # the views' runtime, for the admin's replays and checks
    reader: Reader
    tokens: Tokens
    webhooks: Webhooks
    follower: LogFollower
    # The library is synchronous: its calls run in worker threads, no more at
    # once than there are database connections to serve them.
    limiter: CapacityLimiter = field(default_factory=lambda: CapacityLimiter(10))
    # Whether an error says the database cannot be reached (or take writes) just
    # now: the caller is told to try again, not that something went wrong.
    unavailable: Callable[[BaseException], bool] = lambda error: False


class Connection(Protocol):
    """A WebSocket's hold on its caller's token, which may be revoked while it is open."""

    async def still_allowed(self, since: datetime) -> bool:
        """Whether the token was live at `since` or later; when it is not, the
        connection is closed (4403) and nothing more may be sent on it."""
        ...


class Context:
    def __init__(
        self,
        services: Services,
        principal: Principal | None,
        client_address: str = "",
        connection: Connection | None = None,
    ) -> None:
        self.services = services
        # None only on a WebSocket until its `connection_init` names a token.
        self.caller = principal
        # Where the request comes from (behind a proxy, the forwarded address):
        # failed authentications are counted per address.
        self.client_address = client_address
        self.connection = connection  # a WebSocket's; None for a request over HTTP
        self.connection_params: dict[str, Any] | None = None
        # What the answer is read from, for the response cache.
        self.reads = ViewsRead()
        # One loader for every view: the reports a query asks for in one go, of
        # whatever views, are read in one trip to the worker threads.
        self._reports: DataLoader[tuple[str, str], Any] = DataLoader(load_fn=self._load_reports)

    @property
    def principal(self) -> Principal:
        if self.caller is None:
            raise PublicError("authentication required", "UNAUTHENTICATED")
        return self.caller

    async def still_allowed(self, since: datetime) -> bool:
        """Whether something recorded at `since` may still go to the caller: on a
        WebSocket its token is checked again (a request over HTTP was checked
        when it arrived, and ends soon)."""
        return self.connection is None or await self.connection.still_allowed(since)

    async def run(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Call blocking application code in the worker thread pool. What it
        reads or does is not known to the response cache, so the answer is
        not kept."""
        self.reads.not_reusable()
        return await self._in_thread(function, *args, **kwargs)

    async def _in_thread(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        call = partial(function, *args, **kwargs)
        try:
            return await anyio.to_thread.run_sync(call, limiter=self.services.limiter)
        except Exception as error:
            if self.services.unavailable(error):
                raise PublicError(UNAVAILABLE, "UNAVAILABLE") from None
            raise

    async def query(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`run` for reads: a refused question becomes a GraphQL error that says why."""
        self.reads.not_reusable()
        return await self._asked(function, *args, **kwargs)

    async def read_views(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`query` for a `Reader` method that reads the live views and tells
        `reads=` what it read: such an answer may be given again while the
        views and the moment's figures stand still."""
        return await self._asked(function, *args, reads=self.reads, **kwargs)

    async def _asked(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        try:
            return await self._in_thread(function, *args, **kwargs)
        except Exception as error:
            public = query_error(error)
            if public is None:
                raise
            raise public from None

    async def fresh_report(self, view_name: str, key: str) -> Any:
        """A view's report read again, not from this request's cache: what a
        mutation answers with must show the mutation."""
        with suppress(KeyError):  # not loaded yet in this request
            self._reports.clear((view_name, key))
        return await self.report(view_name, key)

    async def report(self, view_name: str, key: str) -> Any:
        """A view's report of one key, as of now; None when there is none the
        caller may see. Every object of a page asking costs one query per view."""
        # Shielded: the read is shared by every field that asked for the key, and
        # GraphQL cancels a failed field's siblings; cancelling one of them must
        # not cancel the read the others wait on.
        return await asyncio.shield(self._reports.load((view_name, key)))

    async def _load_reports(self, wanted: list[tuple[str, str]]) -> list[Any]:
        keys: dict[str, list[str]] = {}
        for view_name, key in wanted:
            keys.setdefault(view_name, []).append(key)
        found = await self.read_views(self.services.reader.reports_of, self.principal, keys)
        return [found[view_name].get(key) for view_name, key in wanted]


Info = StrawberryInfo[Context, None]
