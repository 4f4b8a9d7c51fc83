"""No import cycles anywhere in neurolab: every arrow between two modules runs one way.

The graph is grimp's (the one import-linter checks), with every import a module makes,
also those inside functions: a lazy import hides a cycle from Python's start-up but not
from a reader, who still cannot understand one module without the other.
"""

from __future__ import annotations

from collections import deque

import grimp


def import_graph(package: str = "neurolab") -> dict[str, set[str]]:
    """Module → the package's modules it imports (itself left out)."""
    graph = grimp.build_graph(package, include_external_packages=False)
    return {module: set(graph.find_modules_directly_imported_by(module)) - {module}
            for module in graph.modules}


def strongly_connected(edges: dict[str, set[str]]) -> list[set[str]]:
    """The groups of modules that all reach each other (Tarjan), those of two or more."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(start: str) -> None:  # iterative: a long chain must not hit the recursion limit
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(group)

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return groups


def a_cycle(edges: dict[str, set[str]], group: set[str]) -> list[str]:
    """One shortest loop through the group's first module: a → b → … → a."""
    start = min(group)
    previous: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for child in sorted(edges[node] & group):
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [start, *reversed(path[:-1]), start]
            if child not in previous:
                previous[child] = node
                queue.append(child)
    return sorted(group)


def cycles(edges: dict[str, set[str]]) -> list[str]:
    return [" → ".join(a_cycle(edges, group)) for group in strongly_connected(edges)]


def test_the_cycle_finder_names_a_cycle():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"d"}}
    assert cycles(edges) == ["a → b → c → a"]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_neurolab_has_no_import_cycle():
    edges = import_graph()
    assert "neurolab.gui.main_window" in edges and "neurolab.core.jobs" in edges  # the whole package
    found = cycles(edges)
    assert not found, "import cycles (each module imports the next):\n" + "\n".join(found)
