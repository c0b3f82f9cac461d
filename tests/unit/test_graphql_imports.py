"""The GraphQL package's modules import each other in one direction: types
below the queries and mutations that use them, so a module can be read, and
loaded, without the rest of its circle.

The graph is read from the source with `ast`: every import of a module of the
package, at the top of a module or inside a function, except those under
`if TYPE_CHECKING:` (they never run).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = "interfaces.graphql"
ROOT = Path(__file__).resolve().parents[2]

# The one circle the schema itself has: an engagement lists its requirements,
# complaints and risks, and each of them names its engagement. `children.py`
# closes it with `strawberry.lazy` and an import inside the resolver, so it is
# never taken while the modules load.
ENGAGEMENT_AND_ITS_CHILDREN = {
    "interfaces.graphql.children",
    "interfaces.graphql.engagements.types",
    "interfaces.graphql.complaints.types",
    "interfaces.graphql.requirements.types",
    "interfaces.graphql.risks.types",
}


def module_files() -> dict[str, Path]:
    files = {}
    for path in sorted((ROOT / PACKAGE.replace(".", "/")).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        files[".".join(parts)] = path
    return files


def is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(tree: ast.AST, *, top_level_only: bool) -> Iterator[ast.Import | ast.ImportFrom]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If) and is_type_checking(node):
            yield from imports(ast.Module(body=node.orelse, type_ignores=[]), top_level_only=False)
        elif top_level_only and isinstance(
            node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
        ):
            continue
        else:
            yield from imports(node, top_level_only=top_level_only)


def imported_modules(node: ast.Import | ast.ImportFrom, known: set[str]) -> set[str]:
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if alias.name in known}
    base = node.module or ""
    found = set()
    for alias in node.names:
        submodule = f"{base}.{alias.name}"  # `from package import module`
        if submodule in known:
            found.add(submodule)
        elif base in known:
            found.add(base)
    return found


def import_graph(*, top_level_only: bool = False) -> dict[str, set[str]]:
    files = module_files()
    known = set(files)
    graph = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(), str(path))
        graph[name] = set()
        for node in imports(tree, top_level_only=top_level_only):
            graph[name] |= imported_modules(node, known) - {name}
    return graph


def circles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = lowest[module] = len(index)
        stack.append(module)
        for imported in graph[module]:
            if imported not in index:
                visit(imported)
                lowest[module] = min(lowest[module], lowest[imported])
            elif imported in stack:
                lowest[module] = min(lowest[module], index[imported])
        if lowest[module] == index[module]:
            component = set()
            while True:
                member = stack.pop()
                component.add(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(component)

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_the_graph_is_read_from_the_package() -> None:
    graph = import_graph()
    assert "interfaces.graphql.engagements.queries" in graph
    assert "interfaces.graphql.engagements.types" in graph["interfaces.graphql.engagements.queries"]


def test_no_module_imports_a_module_that_imports_it_back_while_loading() -> None:
    assert circles(import_graph(top_level_only=True)) == []


def test_the_only_circle_is_the_engagement_and_its_children() -> None:
    assert circles(import_graph()) in ([], [ENGAGEMENT_AND_ITS_CHILDREN])


def test_types_never_import_queries_or_mutations() -> None:
    wrong = {
        (module, imported)
        for module, imported_set in import_graph().items()
        if module.endswith(".types")
        for imported in imported_set
        if imported.endswith((".queries", ".mutations"))
    }
    assert wrong == set()
