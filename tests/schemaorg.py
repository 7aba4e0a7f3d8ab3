"""A small checker of JSON-LD against the schema.org vocabulary in ../shared/schemaorg.

A property is valid on a type when its ``domainIncludes`` names the type or one of
its supertypes; a nested object's ``@type`` must be one of the property's
``rangeIncludes`` (or a subtype of one); a literal must fit a data type there.
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path
from typing import Any

DATA_TYPES = {
    "Text": str,
    "URL": str,
    "Date": str,
    "DateTime": str,
    "Number": (int, float),
    "Integer": int,
    "Boolean": bool,
}


def _ids(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [item["@id"].removeprefix("schema:") for item in items]


class Vocabulary:
    def __init__(self, path: Path) -> None:
        graph = json.loads(path.read_text(encoding="utf-8"))["@graph"]
        self.nodes = {node["@id"].removeprefix("schema:"): node for node in graph}

    @cached_property
    def parents(self) -> dict[str, list[str]]:
        return {name: _ids(node.get("rdfs:subClassOf")) for name, node in self.nodes.items()}

    def ancestors(self, type_name: str) -> set[str]:
        seen: set[str] = set()
        todo = [type_name]
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            todo.extend(self.parents.get(current, []))
        return seen

    def problems(self, obj: dict[str, Any], path: str = "$") -> list[str]:
        found: list[str] = []
        type_name = obj.get("@type")
        if not isinstance(type_name, str) or type_name not in self.nodes:
            return [f"{path}: unknown @type {type_name!r}"]
        lineage = self.ancestors(type_name)
        for prop, value in obj.items():
            if prop.startswith("@"):
                continue
            node = self.nodes.get(prop)
            if node is None:
                found.append(f"{path}.{prop}: not a schema.org property")
                continue
            domains = set(_ids(node.get("schema:domainIncludes")))
            if not domains & lineage:
                found.append(f"{path}.{prop}: not allowed on {type_name} (domains: {sorted(domains)})")
            ranges = _ids(node.get("schema:rangeIncludes"))
            for item in value if isinstance(value, list) else [value]:
                found += self._check_value(item, ranges, f"{path}.{prop}")
        return found

    def _check_value(self, value: Any, ranges: list[str], path: str) -> list[str]:
        if isinstance(value, dict):
            type_name = value.get("@type", "")
            if not any(r in self.ancestors(type_name) for r in ranges):
                return [f"{path}: {type_name!r} is not in the range {ranges}"]
            return self.problems(value, path)
        allowed = tuple(t for r in ranges for t in [DATA_TYPES.get(r)] if t is not None)
        flat: tuple[type, ...] = ()
        for entry in allowed:
            flat += entry if isinstance(entry, tuple) else (entry,)
        # enumerations and text-valued types are written as strings
        if isinstance(value, str) and not flat:
            return [] if any(r in self.nodes for r in ranges) else [f"{path}: string not allowed"]
        if flat and not isinstance(value, flat):
            return [f"{path}: {type(value).__name__} does not fit {ranges}"]
        return []
