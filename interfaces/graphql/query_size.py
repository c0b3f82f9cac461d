"""How big a question is: how deep it nests, how many aliases it uses, and what
it would cost to answer (every field counts one; a page multiplies what is under
it by its `first`).

Measured in one walk of the document in which every fragment is walked once: a
fragment spread a thousand times is looked up a thousand times, never walked
again. Walking each spread instead (as expanding fragments does) lets a 1 KB
document whose fragments each spread the next one twice cost minutes.

A spread counts its fragment's cost each time it appears, although execution
merges repeated spreads in one selection: a document that spreads a fragment
twice side by side is refused for what it would cost if it meant it, which no
honest question does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLNamedType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
    get_named_type,
)
from graphql.type.definition import GraphQLInterfaceType, GraphQLObjectType

PAGE_ARGUMENT = "first"


@dataclass(frozen=True)
class QueryLimits:
    max_depth: int
    max_aliases: int
    max_cost: int
    # What a page whose size comes in a variable may hold: any size up to this.
    max_page_size: int


@dataclass(frozen=True)
class Size:
    depth: int
    cost: int


def query_size_rule(limits: QueryLimits) -> type[ValidationRule]:
    """A validation rule refusing documents over `limits`; made once per schema,
    so cached validation results stay valid for the same rules."""

    class QuerySizeRule(ValidationRule):
        def enter_document(self, node: DocumentNode, *_: Any) -> None:
            for error in oversize(self.context.schema, node, limits):
                self.report_error(error)

    return QuerySizeRule


def oversize(
    schema: GraphQLSchema, document: DocumentNode, limits: QueryLimits
) -> list[GraphQLError]:
    """Why `document` is too big, one error per limit it exceeds."""
    errors: list[GraphQLError] = []
    aliases = sum(1 for _ in _aliased_fields(document))
    if aliases > limits.max_aliases:
        errors.append(
            GraphQLError(
                f"the document uses {aliases} aliases; at most {limits.max_aliases} are allowed",
                extensions={"code": "TOO_MANY_ALIASES"},
            )
        )
    measure = _Measure(schema, document, limits)
    for operation in document.definitions:
        if isinstance(operation, OperationDefinitionNode):
            errors += _operation_errors(operation, measure.operation(operation), limits)
    return errors


def _operation_errors(
    operation: OperationDefinitionNode, size: Size, limits: QueryLimits
) -> list[GraphQLError]:
    name = f"operation {operation.name.value}" if operation.name else "the operation"
    errors = []
    if size.depth > limits.max_depth:
        errors.append(
            GraphQLError(
                f"{name} nests {size.depth} levels deep; at most {limits.max_depth} are allowed",
                operation,
                extensions={"code": "QUERY_TOO_DEEP"},
            )
        )
    if size.cost > limits.max_cost:
        cost = "more than" if size.cost >= _cap(limits) else "about"
        errors.append(
            GraphQLError(
                f"{name} would cost {cost} {min(size.cost, _cap(limits)):,} to answer; the limit "
                f"is {limits.max_cost:,}. Each field costs 1 and a page multiplies what is "
                f"under it by its `first` (a `first` given by a variable counts as "
                f"{limits.max_page_size}): ask for fewer fields or smaller pages",
                operation,
                extensions={"code": "QUERY_TOO_COSTLY", "limit": limits.max_cost},
            )
        )
    return errors


def _cap(limits: QueryLimits) -> int:
    # Costs are clamped here as they are added up, so a hostile document's
    # figures stay small numbers however its pages and fragments multiply.
    return limits.max_cost * 1000


def _aliased_fields(document: DocumentNode) -> Any:
    pending: list[Any] = [*document.definitions]
    while pending:
        node = pending.pop()
        if isinstance(node, FieldNode) and node.alias:
            yield node
        selection_set = getattr(node, "selection_set", None)
        if selection_set is not None:
            pending.extend(selection_set.selections)


class _Measure:
    def __init__(self, schema: GraphQLSchema, document: DocumentNode, limits: QueryLimits) -> None:
        self.schema = schema
        self.limits = limits
        self.cap = _cap(limits)
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.sizes: dict[str, Size] = {}
        self.walking: set[str] = set()  # fragments being measured: a cycle counts nothing

    def operation(self, operation: OperationDefinitionNode) -> Size:
        root = self.schema.get_root_type(operation.operation)
        return self.selections(operation.selection_set, root)

    def selections(self, selection_set: SelectionSetNode, parent: GraphQLNamedType | None) -> Size:
        depth = cost = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                size = self.field(selection, parent)
            elif isinstance(selection, FragmentSpreadNode):
                size = self.fragment(selection.name.value)
            else:
                assert isinstance(selection, InlineFragmentNode)
                condition = selection.type_condition
                inner = self.schema.get_type(condition.name.value) if condition else parent
                size = self.selections(selection.selection_set, inner)
            depth = max(depth, size.depth)
            cost = min(cost + size.cost, self.cap)
        return Size(depth, cost)

    def field(self, node: FieldNode, parent: GraphQLNamedType | None) -> Size:
        if node.selection_set is None:
            return Size(0, 1)
        definition = None
        if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            definition = parent.fields.get(node.name.value)
        inner = get_named_type(definition.type) if definition else None
        size = self.selections(node.selection_set, inner)
        # Introspection nests deep by nature and is small; only its cost counts.
        depth = 0 if node.name.value.startswith("__") else size.depth + 1
        return Size(depth, min(1 + self.page_size(node, definition) * size.cost, self.cap))

    def page_size(self, node: FieldNode, definition: Any) -> int:
        """How many items the field may return: its `first` as given, as a
        variable may give it, or as its default gives it; 1 when it is no page."""
        given = next((a.value for a in node.arguments or () if a.name.value == PAGE_ARGUMENT), None)
        if isinstance(given, IntValueNode):
            return max(int(given.value), 0)
        if given is not None:  # a variable, which may hold any page size
            return self.limits.max_page_size
        argument = definition.args.get(PAGE_ARGUMENT) if definition else None
        if argument is None:
            return 1
        default = argument.default_value
        return default if isinstance(default, int) else self.limits.max_page_size

    def fragment(self, name: str) -> Size:
        if name in self.sizes:
            return self.sizes[name]
        definition = self.fragments.get(name)
        if definition is None or name in self.walking:
            return Size(0, 0)  # unknown or cyclic: other rules refuse it
        self.walking.add(name)
        condition = self.schema.get_type(definition.type_condition.name.value)
        self.sizes[name] = self.selections(definition.selection_set, condition)
        self.walking.discard(name)
        return self.sizes[name]
