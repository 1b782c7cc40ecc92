"""Parse the whole default SDK and load it into a fresh LadybugDB graph, then rebuild unchanged.

Prints one JSON line last: files, entities, relations, parse_s, load_s, total_s, cached_rebuild_s."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from tasks.kg.build import build_graph
from tasks.settings import Settings


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as home:
        settings = Settings(home=Path(home))
        settings = settings.model_copy(update={"kg": settings.kg.model_copy(update={"backend": "ladybug"})})
        report = build_graph(settings)
        cached = build_graph(settings)
    print(json.dumps({
        "files": report.files_parsed,
        "entities": report.entities,
        "relations": report.relations,
        "parse_s": report.parse_s,
        "load_s": report.load_s,
        "total_s": report.total_s,
        "cached_rebuild_s": cached.total_s,
    }))


if __name__ == "__main__":
    main()
