"""The media types GraphQL answers over HTTP in, as the GraphQL-over-HTTP spec
has them: which one a caller's `Accept` asks for, and which answers are request
errors (GraphQL refused the request before executing it)."""

from __future__ import annotations

from strawberry.types import ExecutionResult

JSON = "application/json"
GRAPHQL_RESPONSE = "application/graphql-response+json"
# What a client knows the answer's encoding by; application/json is UTF-8 by definition.
CONTENT_TYPES = {JSON: JSON, GRAPHQL_RESPONSE: f"{GRAPHQL_RESPONSE}; charset=utf-8"}

_SPECIFICITY = {"*/*": 0, "application/*": 1}


def response_media_type(accept: str | None) -> str | None:
    """The media type to answer in: of the two spoken here, the one the `Accept`
    header ranks highest, by its q, then by how exactly it names it, then by
    where it lists it. application/json when the header is missing or names
    neither exactly (`*/*`); None when it accepts neither."""
    if accept is None or not accept.strip():
        return JSON
    ranges = _ranges(accept)
    ranked = [(rank, media) for media in (GRAPHQL_RESPONSE, JSON) if (rank := _rank(media, ranges))]
    acceptable = [(rank, media == JSON, media) for rank, media in ranked if rank[0] > 0]
    return max(acceptable)[2] if acceptable else None


def _ranges(accept: str) -> list[tuple[str, float]]:
    """The header's media ranges with their q, lower-cased; one with a q that is
    not a number is left out."""
    found = []
    for item in accept.split(","):
        media, *parameters = (part.strip() for part in item.split(";"))
        q = "1"
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                q = value.strip()
        try:
            found.append((media.lower(), min(max(float(q), 0.0), 1.0)))
        except ValueError:
            continue
    return found


def _rank(media: str, ranges: list[tuple[str, float]]) -> tuple[float, int, int] | None:
    """(q, specificity, -position) of the most specific range that covers `media`,
    as HTTP has it; None when no range does."""
    best: tuple[int, float, int] | None = None
    for position, (pattern, q) in enumerate(ranges):
        specificity = 2 if pattern == media else _SPECIFICITY.get(pattern)
        if specificity is not None and (best is None or specificity > best[0]):
            best = (specificity, q, -position)
    return None if best is None else (best[1], best[0], best[2])


def is_request_error(result: ExecutionResult) -> bool:
    """Whether GraphQL refused the request before executing it: the document did
    not parse or validate, or the variables could not be coerced. Such a result
    has no data, and none of its errors has a path, which only errors raised
    while executing fields carry."""
    errors = result.errors or []
    return result.data is None and bool(errors) and all(error.path is None for error in errors)
