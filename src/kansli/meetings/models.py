"""A meeting of a body and what it holds. Every write goes through `services.py`."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansli.registry.models import Body, Organisation, Person


class Kind(models.TextChoices):
    NOTES = "minnesanteckningar", _("minnesanteckningar")
    PROTOCOL = "protokoll", _("protokoll")
    MINUTES = "minutes", _("minutes")


class Meeting(models.Model):
    """Numbered per body and year ("Södertörnskommunernas ledningsgrupp, 1" of 2019)."""

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    year = models.PositiveSmallIntegerField(_("år"))
    number = models.PositiveSmallIntegerField(_("nummer"))
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.NOTES)
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("starttid"), null=True, blank=True)
    end_time = models.TimeField(_("sluttid"), null=True, blank=True)
    place = models.CharField(_("plats"), max_length=300, blank=True)
    version = models.PositiveIntegerField(
        _("version"), default=1, help_text=_("Räknas upp vid varje sparning (optimistisk låsning).")
    )
    published_at = models.DateTimeField(_("publicerat"), null=True, blank=True)
    """Until published, only the body's secretary sees the meeting."""

    class Meta:
        # Orderings name the foreign key's column (`body_id`), never the relation (`body`):
        # a relation would order by the related model's own ordering, joining its table into
        # every query, prefetches included.
        ordering = ["-date", "body_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "year", "number"], name="meeting_number_per_body_and_year"
            )
        ]
        verbose_name = _("möte")
        verbose_name_plural = _("möten")

    def __str__(self) -> str:
        return f"{self.body}, {self.number}/{self.year} ({self.date:%Y-%m-%d})"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("närvarande")
    ABSENT = "absent", _("frånvarande")
    GUEST = "guest", _("övrig deltagare")


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendance")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="attendance"
    )
    role = models.CharField(_("roll"), max_length=100, blank=True)
    party = models.CharField(_("parti"), max_length=40, blank=True)
    status = models.CharField(
        _("närvaro"), max_length=10, choices=AttendanceStatus.choices, default="present"
    )

    class Meta:
        ordering = ["meeting_id", "status", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_attendance_per_person")
        ]
        verbose_name = _("närvaro")
        verbose_name_plural = _("närvaro")

    def __str__(self) -> str:
        return f"{self.person} ({self.get_status_display()})"


class Item(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("ordning"))
    number = models.CharField(_("nummer"), max_length=20, blank=True)
    title = models.CharField(_("rubrik"), max_length=500)
    text = models.TextField(_("anteckningar"), blank=True)
    subheadings = models.JSONField(_("underrubriker"), default=list, blank=True)

    class Meta:
        ordering = ["meeting_id", "position"]
        verbose_name = _("punkt")
        verbose_name_plural = _("punkter")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title


class Decision(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="decisions")
    position = models.PositiveSmallIntegerField(_("ordning"))
    text = models.TextField(_("beslut"))

    class Meta:
        ordering = ["item_id", "position"]
        verbose_name = _("beslut")
        verbose_name_plural = _("beslut")

    def __str__(self) -> str:
        return self.text[:80]


class ActionStatus(models.TextChoices):
    OPEN = "open", _("öppen")
    DONE = "done", _("klar")
    OVERDUE = "overdue", _("försenad")
    STRUCK = "struck", _("struken")


class Action(models.Model):
    """Who does what by when. The assignee is a person from the registry or, for a group
    ("Kommundirektörerna"), its name as written; the due date may be another body's next
    meeting ("nästa SSK")."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="actions")
    position = models.PositiveSmallIntegerField(_("ordning"))
    assignee = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    assignee_text = models.CharField(_("ansvarig (som skrivet)"), max_length=200, blank=True)
    text = models.TextField(_("åtgärd"))
    due = models.DateField(_("klart senast"), null=True, blank=True)
    due_body = models.ForeignKey(
        Body,
        verbose_name=_("till nästa möte med"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions_due",
    )
    due_meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("till mötet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions_due_here",
        help_text=_("Det möte med gruppen i 'till nästa möte med' som åtgärden ska redovisas på."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )

    class Meta:
        ordering = ["item_id", "position"]
        verbose_name = _("åtgärd")
        verbose_name_plural = _("åtgärder")

    def __str__(self) -> str:
        return f"{self.assignee or self.assignee_text}: {self.text[:60]}"


class Tabling(models.Model):
    """An item tabled (bordlagt) to a later meeting, with the reason."""

    item = models.OneToOneField(Item, on_delete=models.CASCADE, related_name="tabling")
    to_date = models.DateField(_("till datum"), null=True, blank=True)
    to_body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.SET_NULL, related_name="tabled_items"
    )
    reason = models.TextField(_("skäl"), blank=True)

    class Meta:
        verbose_name = _("bordläggning")
        verbose_name_plural = _("bordläggningar")

    def __str__(self) -> str:
        return f"{self.item} → {self.to_body or ''} {self.to_date or ''}".strip()


class DataTable(models.Model):
    """A table in an item (the municipalities × decision levels matrix)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="tables")
    position = models.PositiveSmallIntegerField(_("ordning"))
    columns = models.JSONField(_("kolumner"), default=list)
    rows = models.JSONField(_("rader"), default=list)

    class Meta:
        ordering = ["item_id", "position"]
        verbose_name = _("tabell")
        verbose_name_plural = _("tabeller")


class SourceDocument(models.Model):
    """An imported file: the same file (by content) is never imported twice. The parse is
    kept whole as minutes/1 JSON, for what later follow-up reads from it (events, referrals,
    the next meeting's agenda)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="sources")
    name = models.CharField(_("filnamn"), max_length=300)
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    format = models.CharField(_("format"), max_length=20)
    data = models.BinaryField(_("fil"), default=b"")
    minutes = models.JSONField(_("tolkning (minutes/1)"))
    imported_at = models.DateTimeField(_("importerad"), auto_now_add=True)

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("källdokument")
        verbose_name_plural = _("källdokument")

    def __str__(self) -> str:
        return self.name


class Attachment(models.Model):
    """A file that belongs to a meeting or one of its items (a presentation, an appendix).
    Kept in the database, so it is backed up and guarded like the minutes themselves."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attachments")
    item = models.ForeignKey(
        Item, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    name = models.CharField(_("filnamn"), max_length=300)
    content_type = models.CharField(_("innehållstyp"), max_length=100)
    data = models.BinaryField(_("innehåll"))
    size = models.PositiveIntegerField(_("storlek"))
    added_at = models.DateTimeField(_("tillagd"), auto_now_add=True)

    class Meta:
        ordering = ["meeting_id", "item_id", "name"]
        verbose_name = _("bilaga")
        verbose_name_plural = _("bilagor")

    def __str__(self) -> str:
        return self.name


class DraftState(models.TextChoices):
    REVIEW = "review", _("granskas")
    CONFIRMED = "confirmed", _("bekräftad")
    DISCARDED = "discarded", _("kastad")


class ImportDraft(models.Model):
    """An uploaded document between parse and confirmation: the secretary reviews what was
    understood beside the source, corrects it, matches people to the registry, and confirms.
    Nothing enters the registers before that."""

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="import_drafts",
    )
    body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.CASCADE, related_name="import_drafts"
    )
    name = models.CharField(_("filnamn"), max_length=300)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    format = models.CharField(_("format"), max_length=20)
    data = models.BinaryField(_("fil"))
    lines = models.JSONField(_("källrader"), default=list)
    """The document as the reader saw it: [[line, page, text], ...], shown beside the form."""
    content = models.JSONField(_("tolkning"))
    """What was understood, in the editable shape of `meetings.content` (minutes/1 plus ids)."""
    minutes = models.JSONField(_("tolkning (minutes/1)"))
    state = models.CharField(
        _("läge"), max_length=10, choices=DraftState.choices, default=DraftState.REVIEW
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="import_drafts"
    )
    created_at = models.DateTimeField(_("uppladdad"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import under granskning")
        verbose_name_plural = _("importer under granskning")

    def __str__(self) -> str:
        return self.name


class Notification(models.Model):
    """What a member is told: "Minnesanteckningar från ... är publicerade"."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="notifications")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="notifications")
    text = models.CharField(_("meddelande"), max_length=500)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    read_at = models.DateTimeField(_("läst"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("avisering")
        verbose_name_plural = _("aviseringar")

    def __str__(self) -> str:
        return self.text
