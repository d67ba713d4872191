"""The JSON Schemas published for editors are the ones the build enforces."""

from __future__ import annotations

import json

from sitegen.cli import schemas
from support.project import ROOT


def test_published_schemas_match_the_model() -> None:
    for name, text in schemas().items():
        published = ROOT / "schema" / name
        assert published.exists(), f"schema/{name} is missing: run make schema"
        assert json.loads(published.read_text()) == json.loads(text), f"schema/{name} is stale: run make schema"


def test_every_data_file_names_its_schema() -> None:
    for path in sorted((ROOT / "data").rglob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path.name
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.exists() and target.parent == ROOT / "schema", f"{path.name} points at {target.name}"
