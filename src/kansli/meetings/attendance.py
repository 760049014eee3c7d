"""Attendance seen per organisation ("5 av 8 kommuner frånvarande") and the body's quorum rule."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import ngettext

from kansli.meetings.models import Attendance, AttendanceStatus, Meeting
from kansli.registry.models import Organisation


@dataclass(frozen=True)
class Summary:
    present: list[str]
    """Organisations with somebody present."""
    absent: list[str]
    """Organisations expected (a participant listed as absent, or a member organisation) with
    nobody present."""
    members_present: int
    quorum: int | None

    @property
    def expected(self) -> int:
        return len(self.present) + len(self.absent)

    @property
    def quorum_met(self) -> bool:
        return self.quorum is None or self.members_present >= self.quorum

    @property
    def absent_text(self) -> str:
        names = self.present + self.absent
        municipal = bool(names) and all(n.casefold().endswith("kommun") for n in names)
        if municipal:
            return ngettext(
                "%(absent)d av %(total)d kommun frånvarande",
                "%(absent)d av %(total)d kommuner frånvarande",
                self.expected,
            ) % {"absent": len(self.absent), "total": self.expected}
        return ngettext(
            "%(absent)d av %(total)d organisation frånvarande",
            "%(absent)d av %(total)d organisationer frånvarande",
            self.expected,
        ) % {"absent": len(self.absent), "total": self.expected}

    @property
    def quorum_text(self) -> str:
        return ngettext(
            "Gruppen är inte beslutför: %(present)d närvarande ledamot, minst %(quorum)d krävs.",
            "Gruppen är inte beslutför: %(present)d närvarande ledamöter, minst %(quorum)d krävs.",
            self.members_present,
        ) % {"present": self.members_present, "quorum": self.quorum or 0}


def summarise(meeting: Meeting, rows: list[Attendance] | None = None) -> Summary:
    """`rows`: the meeting's attendance with organisations, when the caller has loaded it."""
    if rows is None:
        rows = list(meeting.attendance.select_related("organisation"))
    present = {
        r.organisation.name
        for r in rows
        if r.status == AttendanceStatus.PRESENT and r.organisation is not None
    }
    listed_absent = {
        r.organisation.name
        for r in rows
        if r.status == AttendanceStatus.ABSENT and r.organisation is not None
    }
    members = set(Organisation.objects.filter(is_member=True).values_list("name", flat=True))
    absent = (listed_absent | members) - present
    return Summary(
        present=sorted(present),
        absent=sorted(absent),
        members_present=sum(1 for r in rows if r.status == AttendanceStatus.PRESENT),
        quorum=meeting.body.quorum,
    )
