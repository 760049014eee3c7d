"""Renderers: the minutes model out as `minutes/1` JSON, Markdown and a Swedish summary.

Pure functions of a `Minutes`; none of them reads files or knows where the minutes came from.
"""

from __future__ import annotations

from kansli.minutes.errors import InvalidMinutesJsonError
from kansli.minutes.render.json import from_json, schema, to_json
from kansli.minutes.render.markdown import to_markdown
from kansli.minutes.render.summary import to_summary

__all__ = [
    "InvalidMinutesJsonError",
    "from_json",
    "schema",
    "to_json",
    "to_markdown",
    "to_summary",
]
