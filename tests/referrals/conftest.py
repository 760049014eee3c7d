"""The founding document imported, and the people who look at its registers."""

from __future__ import annotations

import pytest
from tests.meetings.conftest import FOUNDING, account, body, founding_docx, meeting

from kansli.meetings.models import Meeting
from kansli.meetings.services import import_document

__all__ = ["FOUNDING", "account", "body", "founding_docx", "meeting", "second_meeting"]

SECOND_TABLE = """\
Minnesanteckningar
Södertörnskommunernas ledningsgrupp
Datum: 2019-03-29

Närvarande:
Leif Eriksson, Botkyrka kommun

1. Samordnad varudistribution

Kommun | Beslut KS | Verkställighet KD | Info KSO | Information KS
Botkyrka | x | x | x |
Södertälje | 2019-03-12 | | x | x
"""


@pytest.fixture
def second_meeting(meeting: Meeting) -> Meeting:
    """A later meeting of the same body whose table moves Botkyrka and Södertälje on."""
    return import_document(SECOND_TABLE.encode(), "ledningsgrupp-2019-03-29.txt").meeting
