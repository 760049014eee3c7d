"""Imported minutes are read for proposals as soon as they are stored."""

from __future__ import annotations

from typing import Any

from kansli.meetings.models import SourceDocument
from kansli.referrals.proposals import propose


def on_import(sender: type, instance: SourceDocument, created: bool, **_kwargs: Any) -> None:
    """A confirmed import stores its source document last, after the items and tables."""
    if created:
        propose(instance.meeting)
