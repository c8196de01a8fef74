"""Loading the AssetPlus catalogue: sections, questions, stage types and Core Record facts,
kept as YAML under `catalogue/<version>/` at the repository root.

`load(version)` parses every file into the frozen models of `framework.schema`; any fault
raises `CatalogueError` naming the file and the path inside it. The loaded catalogue is an
immutable value, cached per version, so every stage can render exactly as it was written.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from django.conf import settings
from pydantic import BaseModel, ValidationError

from cairn.framework.schema import Fact, Manifest, Question, Section, StageType

M = TypeVar("M", bound=BaseModel)


class CatalogueError(Exception):
    """The catalogue files cannot be read as a catalogue. The message says where and why."""


@dataclass(frozen=True)
class Catalogue:
    manifest: Manifest
    sections: tuple[Section, ...]
    stages: tuple[StageType, ...]
    facts: tuple[Fact, ...]
    digest: str
    questions: dict[str, Question] = field(default_factory=dict, compare=False)

    @property
    def version(self) -> str:
        return self.manifest.version

    def section(self, key: str) -> Section:
        return next(section for section in self.sections if section.key == key)

    def stage(self, key: str) -> StageType:
        return next(stage for stage in self.stages if stage.key == key)

    def question(self, key: str) -> Question:
        return self.questions[key]


def root() -> Path:
    return Path(getattr(settings, "CAIRN_CATALOGUE_DIR", Path(settings.BASE_DIR) / "catalogue"))


def versions(base: Path | None = None) -> list[str]:
    base = base or root()
    found = [
        path.name for path in base.iterdir() if path.is_dir() and (path / "catalogue.yaml").exists()
    ]
    return sorted(
        found,
        key=lambda name: tuple(int(part) if part.isdigit() else 0 for part in name.split(".")),
    )


def current_version() -> str:
    configured: str | None = getattr(settings, "CAIRN_CATALOGUE_VERSION", None)
    return configured or versions()[-1]


@cache
def load(version: str | None = None) -> Catalogue:
    return load_from(root() / (version or current_version()))


def load_from(folder: Path) -> Catalogue:
    if not (folder / "catalogue.yaml").exists():
        raise CatalogueError(f"{folder}: no catalogue.yaml here")
    manifest = _parse(Manifest, folder / "catalogue.yaml")
    sections = []
    for key in manifest.sections:
        path = folder / "sections" / f"{key}.yaml"
        if not path.exists():
            raise CatalogueError(
                f"{folder / 'catalogue.yaml'}: section '{key}' is listed but {path.name} does not exist"
            )
        section = _parse(Section, path)
        if section.key != key:
            raise CatalogueError(
                f"{path}: key is '{section.key}' but the file is listed as '{key}'"
            )
        sections.append(section)
    unlisted = {path.stem for path in (folder / "sections").glob("*.yaml")} - set(manifest.sections)
    if unlisted:
        raise CatalogueError(
            f"{folder / 'catalogue.yaml'}: sections not listed: {', '.join(sorted(unlisted))}"
        )
    stages = _parse_list(StageType, folder / "stages.yaml", "stages")
    facts = _parse_list(Fact, folder / "facts.yaml", "facts")
    questions: dict[str, Question] = {}
    for section in sections:
        for question in section.questions:
            if question.key in questions:
                raise CatalogueError(
                    f"{folder / 'sections' / (section.key + '.yaml')}: question key '{question.key}' is used twice"
                )
            questions[question.key] = question
    return Catalogue(
        manifest, tuple(sections), tuple(stages), tuple(facts), _digest(folder), questions
    )


def _read(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogueError(f"{path}: file is missing") from None
    except yaml.YAMLError as error:
        raise CatalogueError(f"{path}: not valid YAML: {error}") from None


def _parse(model: type[M], path: Path) -> M:
    return _validate(model, _read(path), path, "")


def _parse_list(model: type[M], path: Path, name: str) -> list[M]:
    data = _read(path)
    if not isinstance(data, dict) or not isinstance(data.get(name), list):
        raise CatalogueError(f"{path}: expected a top-level '{name}:' list")
    return [
        _validate(model, item, path, f"{name}[{index}]") for index, item in enumerate(data[name])
    ]


def _validate(model: type[M], data: Any, path: Path, prefix: str) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = []
        for fault in error.errors():
            where = ".".join(str(part) for part in (prefix, *fault["loc"]) if part != "")
            if fault["type"] == "extra_forbidden":
                problems.append(f"{where}: unknown key")
            else:
                problems.append(f"{where or 'file'}: {fault['msg']}")
        raise CatalogueError(f"{path}: " + "; ".join(problems)) from None


def _digest(folder: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(folder.rglob("*.yaml")):
        sha.update(str(path.relative_to(folder)).encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()
