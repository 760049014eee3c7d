"""What search finds: one row per thing that can be found, the one source of truth the
database's full-text index is built from (see `backend.py` for the index itself)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kansli.meetings.models import Meeting
from kansli.registry.models import Body


class SearchDocument(models.Model):
    """A meeting, item, decision, action, attachment, ... as search shows it. `body` and
    `published` are the meeting's, copied so that permissions filter inside the search query:
    a member sees a body's published documents, its secretary all of them."""

    kind = models.CharField(_("typ"), max_length=20)
    object_id = models.PositiveBigIntegerField(_("objekt"))
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+")
    published = models.BooleanField(_("publicerat"), default=False)
    date = models.DateField(_("datum"), null=True, blank=True)
    title = models.CharField(_("rubrik"), max_length=500)
    text = models.TextField(_("text"), blank=True)
    url = models.CharField(_("adress"), max_length=300)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_document_per_object")
        ]
        verbose_name = _("sökdokument")
        verbose_name_plural = _("sökdokument")

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title}"
