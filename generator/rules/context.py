"""What a rule sees: the raw YAML (RawContext) or the typed plan with its figures (Context)."""

from __future__ import annotations

import pathlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..analysis import Figures, analyse
from ..io.load import key_path
from ..io.yaml_loader import LoadedYaml
from ..messages import ERROR, WARNING, Message
from ..model import Plan

Path = tuple[Any, ...]


@dataclass
class RawContext:
    """For rules that read the raw YAML data, so they also run when the model cannot be built."""

    loaded: LoadedYaml
    messages: list[Message] = field(default_factory=list)
    # Errors that follow from a missing or mistyped key (a reference to go-live while projekt.go_live is
    # missing): reported after the type errors, which name the cause.
    follows: list[Message] = field(default_factory=list)

    @property
    def data(self) -> Any:
        return self.loaded.data

    def _add(self, path: Path, text: str, severity: str) -> None:
        line, col = self.loaded.locate(path)
        self.messages.append(Message(self.loaded.file, line, col, key_path(self.loaded.data, path), text, severity))

    def error(self, path: Path, text: str) -> None:
        self._add(path, text, ERROR)

    def warning(self, path: Path, text: str) -> None:
        self._add(path, text, WARNING)


@dataclass
class Context(RawContext):
    plan: Plan = None  # type: ignore[assignment]
    docs_dir: pathlib.Path | None = None  # docs/, for rules that check file references (images)
    given_figures: Figures | None = None  # the analysis when the caller has it already (the build shares it)

    @cached_property
    def figures(self) -> Figures:
        """The analysis, computed once, for rules that check what the numbers say."""
        return self.given_figures if self.given_figures is not None else analyse(self.plan)


Rule = Callable[[Context], None]
