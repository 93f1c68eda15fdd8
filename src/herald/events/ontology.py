"""PLOVER types, modes and contexts, and the CAMEO codes (name, QuadClass, Goldstein, PLOVER mapping)."""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from herald.errors import ConfigError


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_event: str | None
    plover_mode: str | None
    plover_context: str | None


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    quad_class: int
    cameo_root: str
    modes: tuple[str, ...]
    about: str


@dataclass(frozen=True)
class Ontology:
    types: dict[str, PloverType]
    contexts: frozenset[str]
    sectors: frozenset[str]
    special_countries: frozenset[str]
    cameo: dict[str, CameoCode] = field(repr=False)

    def code(self, code: str) -> CameoCode:
        try:
            return self.cameo[code]
        except KeyError:
            raise ConfigError(f"unknown CAMEO code {code!r}") from None

    def check(self, event: str, mode: str | None = None, context: tuple[str, ...] | list[str] = (),
              cameo: str | None = None) -> None:
        """Raise ConfigError unless the labels exist (used to validate lexicons, including users' ones)."""
        if event not in self.types:
            raise ConfigError(f"unknown PLOVER event type {event!r}")
        if mode and mode not in self.types[event].modes:
            raise ConfigError(f"{mode!r} is not a mode of {event} (modes: {', '.join(self.types[event].modes)})")
        for c in context:
            if c not in self.contexts:
                raise ConfigError(f"unknown PLOVER context {c!r}")
        if cameo is not None:
            self.code(cameo)


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    data = resources.files("herald.events") / "data"
    spec = yaml.safe_load((data / "plover.yaml").read_text(encoding="utf-8"))
    types = {name: PloverType(name, t["quad_class"], t["cameo_root"], tuple(t["modes"]), t["about"])
             for name, t in spec["types"].items()}
    cameo: dict[str, CameoCode] = {}
    with (data / "cameo.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            cameo[row["code"]] = CameoCode(
                code=row["code"], name=row["name"], goldstein=float(row["goldstein"]),
                quad_class=int(row["quad_class"]), plover_event=row["plover_event"] or None,
                plover_mode=row["plover_mode"] or None, plover_context=row["plover_context"] or None)
    return Ontology(types=types, contexts=frozenset(spec["contexts"]), sectors=frozenset(spec["sectors"]),
                    special_countries=frozenset(spec["special_countries"]), cameo=cameo)
