"""The thinnest GraphQL mutation over HTTP that saves one event: FastAPI,
strawberry's router and the bare library, served by uvicorn as `rapport serve`
is. The API benchmark runs Rapport's mutations against it, so what HTTP and
GraphQL cost by themselves shows apart from what Rapport adds.

    THINNEST_DATABASE_URL=postgresql://... uvicorn tests.benchmarks.thinnest_api:app
"""

from __future__ import annotations

import os

import strawberry
from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool
from strawberry.fastapi import GraphQLRouter

from tests.benchmarks.measure import Parcel, bare_application

store = bare_application(os.environ["THINNEST_DATABASE_URL"], threads=8)


@strawberry.type
class Query:
    @strawberry.field
    def ready(self) -> bool:
        return True


@strawberry.type
class Mutation:
    @strawberry.mutation
    async def register_parcel(self, label: str) -> strawberry.ID:
        """Saves one new aggregate of one event, off the event loop as Rapport does."""
        parcel = Parcel(label)
        await run_in_threadpool(store.save, parcel)
        return strawberry.ID(str(parcel.id))


app = FastAPI()
app.include_router(GraphQLRouter(strawberry.Schema(Query, Mutation)), prefix="/graphql")


@app.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}
