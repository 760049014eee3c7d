"""Generated meetings for `bench/web.py`: bodies, their members, and meetings with a realistic
amount in each (about 12 people in the attendance, 10 items with decisions and actions, now
and then a tabled item or a table). Written with `bulk_create` and explicit keys, in batches,
inside one transaction: the services' one-write-at-a-time path would take an hour for this.

Import this only after `django.setup()`: it imports the models."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from django.db import transaction

from kansli.meetings.models import (
    Action,
    Attendance,
    AttendanceStatus,
    DataTable,
    Decision,
    Item,
    Kind,
    Meeting,
    Tabling,
)
from kansli.registry.models import Body, Membership, Organisation, Person, Role

BODIES = 10
FIRST_YEAR = 2001
PER_YEAR = 40  # meetings of one body in one year, numbered 1..40
MEMBERS = 14  # people in each body besides the bench's own account
ITEMS = 10
BATCH = 250  # meetings per bulk_create round

MUNICIPALITIES = (
    "Botkyrka", "Haninge", "Huddinge", "Nykvarn", "Nynäshamn",
    "Salem", "Södertälje", "Tyresö", "Värmdö", "Nacka",
)  # fmt: skip
BODY_NAMES = (
    "Ledningsgruppen", "Socialchefsnätverket", "Utbildningschefernas nätverk",
    "Samhällsbyggnadsgruppen", "Kulturchefsgruppen", "HR-nätverket", "Ekonomichefsgruppen",
    "Digitaliseringsrådet", "Krisberedskapsgruppen", "Näringslivsrådet",
)  # fmt: skip
FIRST_NAMES = (
    "Anna", "Leif", "Maria", "Erik", "Karin", "Johan", "Eva", "Lars", "Sara", "Per",
    "Lena", "Anders", "Emma", "Mikael", "Ingrid", "Tomas",
)  # fmt: skip
LAST_NAMES = (
    "Söderström", "Eriksson", "Lindqvist", "Andersson", "Berg", "Holm", "Nyström",
    "Karlsson", "Åberg", "Johansson", "Wallin", "Sandberg", "Ek", "Lund", "Forsberg",
)  # fmt: skip
TITLES = (
    "Mötets öppnande", "Val av justerare", "Föregående protokoll", "Ekonomisk uppföljning",
    "Rapport från arbetsgrupperna", "Regional utvecklingsplan", "Remiss: trafikstrategi",
    "Gemensam upphandling", "Information från regionen", "Övriga frågor",
)  # fmt: skip
TEXT = (
    "Gruppen diskuterade läget och de synpunkter som kommit in sedan förra mötet. "
    "Flera kommuner lyfte behovet av en gemensam tidplan och tydligare ansvarsfördelning, "
    "och kansliet redogjorde för underlaget som skickats ut i förväg. "
)


@dataclass(frozen=True)
class Generated:
    bodies: tuple[int, ...]
    meetings: int
    rows: int
    user: User


def generate(meetings: int) -> Generated:
    """`meetings` meetings, spread evenly over BODIES bodies and their years."""
    with transaction.atomic():
        orgs = Organisation.objects.bulk_create(
            Organisation(name=f"{name} kommun", short_name=name, is_member=True)
            for name in MUNICIPALITIES
        )
        guests = Organisation.objects.create(name="Region Stockholm", short_name="Regionen")
        bodies = Body.objects.bulk_create(
            Body(name=f"Södertörns {name.lower()}", short_name=name, organisation=orgs[0])
            for name in BODY_NAMES[:BODIES]
        )
        user = User.objects.create(username="bench", first_name="Bänk", last_name="Mätare")
        user.set_unusable_password()
        user.save()
        me = Person.objects.create(name="Bänk Mätare", user=user)
        people = Person.objects.bulk_create(
            Person(name=f"{FIRST_NAMES[i % len(FIRST_NAMES)]} {LAST_NAMES[i % len(LAST_NAMES)]}")
            for i in range(BODIES * MEMBERS + 20)
        )
        members = [people[b * MEMBERS : (b + 1) * MEMBERS] for b in range(BODIES)]
        Membership.objects.bulk_create(
            [
                Membership(body=body, person=person, role=_role(j), represents=orgs[j % len(orgs)])
                for body, group in zip(bodies, members, strict=True)
                for j, person in enumerate(group)
            ]
            + [Membership(body=body, person=me, role=Role.MEMBER) for body in bodies]
        )
        rows = len(orgs) + 1 + len(bodies) + len(people) + (MEMBERS + 1) * BODIES
        cast = _Cast(bodies, members, people[BODIES * MEMBERS :], orgs, guests)
        item_id = 0
        for start in range(0, meetings, BATCH):
            batch = _Batch(cast)
            for i in range(start, min(start + BATCH, meetings)):
                item_id = batch.meeting(i, item_id)
            rows += batch.write()
    return Generated(tuple(b.pk for b in bodies), meetings, rows, user)


def _role(j: int) -> str:
    return {0: Role.CHAIR, 1: Role.SECRETARY, 2: Role.VICE_CHAIR}.get(j, Role.MEMBER)


@dataclass(frozen=True)
class _Cast:
    bodies: list[Body]
    members: list[list[Person]]  # per body, in the order of `bodies`
    visitors: list[Person]
    orgs: list[Organisation]
    guests: Organisation


class _Batch:
    """The rows of a few hundred meetings, written table by table, parents first."""

    def __init__(self, cast: _Cast) -> None:
        self.cast = cast
        self.meetings: list[Meeting] = []
        self.attendance: list[Attendance] = []
        self.items: list[Item] = []
        self.decisions: list[Decision] = []
        self.actions: list[Action] = []
        self.tablings: list[Tabling] = []
        self.tables: list[DataTable] = []

    def meeting(self, i: int, item_id: int) -> int:
        """Adds meeting number i (0-based over all bodies); returns the last item key used."""
        cast, b, k = self.cast, i % BODIES, i // BODIES
        members = cast.members[b]
        year, number = FIRST_YEAR + k // PER_YEAR, k % PER_YEAR + 1
        date = dt.date(year, 1, 8) + dt.timedelta(days=8 * (number - 1))
        meeting = Meeting(
            id=i + 1,
            body=cast.bodies[b],
            year=year,
            number=number,
            kind=Kind.PROTOCOL if i % 3 == 0 else Kind.NOTES,
            date=date,
            start_time=dt.time(9, 0),
            end_time=dt.time(11, 30),
            place="Kommunhuset, sammanträdesrum Tornet",
            published_at=dt.datetime.combine(date + dt.timedelta(days=7), dt.time(12), dt.UTC),
        )
        self.meetings.append(meeting)
        # Eleven of the body's fourteen (one of them absent), and one guest from the region.
        for j in range(11):
            seat = (i + j) % len(members)
            self.attendance.append(
                Attendance(
                    meeting=meeting,
                    person=members[seat],
                    organisation=cast.orgs[seat % len(cast.orgs)],
                    status=AttendanceStatus.ABSENT if j == 10 else AttendanceStatus.PRESENT,
                )
            )
        self.attendance.append(
            Attendance(
                meeting=meeting,
                person=cast.visitors[i % len(cast.visitors)],
                organisation=cast.guests,
                role="utredare",
                status=AttendanceStatus.GUEST,
            )
        )
        for position in range(1, ITEMS + 1):
            item_id += 1
            item = Item(
                id=item_id,
                meeting=meeting,
                position=position,
                number=str(position),
                title=TITLES[position - 1],
                text=TEXT * (1 + position % 3),
            )
            self.items.append(item)
            self._contents(item, members, date)
        return item_id

    def _contents(self, item: Item, members: list[Person], date: dt.date) -> None:
        """An item's decisions (one, every fourth two), actions (0-2), tabling, table."""
        for d in range(1 + (item.position % 4 == 0)):
            self.decisions.append(
                Decision(
                    item=item,
                    position=d + 1,
                    text=f"Gruppen beslutar att notera informationen ({d + 1}) och att "
                    "återkomma till frågan vid nästa möte.",
                )
            )
        bodies = self.cast.bodies
        for a in range(item.position % 3):
            n = item.id + a
            self.actions.append(
                Action(
                    item=item,
                    position=a + 1,
                    assignee=None if n % 4 == 0 else members[n % len(members)],
                    assignee_text="Kommundirektörerna" if n % 4 == 0 else "",
                    text="Ta fram ett underlag med kostnader och tidplan till nästa möte.",
                    due=date + dt.timedelta(days=28) if n % 2 == 0 else None,
                    due_body=bodies[n % len(bodies)] if n % 6 == 0 else None,
                )
            )
        if item.id % 25 == 0:
            self.tablings.append(
                Tabling(item=item, to_date=date + dt.timedelta(days=30), reason="Underlag saknas.")
            )
        if item.id % 50 == 0:
            columns = ["Kommun", "Beslut i KS", "Beslut i KF"]
            rows = [[name, "ja", "hösten"] for name in MUNICIPALITIES[:6]]
            self.tables.append(DataTable(item=item, position=1, columns=columns, rows=rows))

    def write(self) -> int:
        written = 0
        for model, objects in (
            (Meeting, self.meetings),
            (Attendance, self.attendance),
            (Item, self.items),
            (Decision, self.decisions),
            (Action, self.actions),
            (Tabling, self.tablings),
            (DataTable, self.tables),
        ):
            model.objects.bulk_create(objects, batch_size=2000)  # type: ignore[attr-defined]
            written += len(objects)
        return written


def session_cookie(user: User) -> tuple[str, str]:
    """A logged-in session for `user`, made directly in the session store: the cookie's
    name and value, as the login form would have set them."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    assert session.session_key is not None
    return settings.SESSION_COOKIE_NAME, session.session_key
