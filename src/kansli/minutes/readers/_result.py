"""What a format reader hands back to the dispatcher, before it becomes a `Document`."""

from __future__ import annotations

from dataclasses import dataclass

from kansli.minutes.blocks import Block
from kansli.minutes.model import ParseWarning


@dataclass(frozen=True, slots=True)
class ReadResult:
    blocks: tuple[Block, ...]
    metadata: tuple[tuple[str, str], ...] = ()
    pages: int | None = None
    warnings: tuple[ParseWarning, ...] = ()
