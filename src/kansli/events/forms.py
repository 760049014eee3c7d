from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kansli.events.models import Season


class ActivityForm(forms.Form):
    title = forms.CharField(label=_("Rubrik"), max_length=300)
    start = forms.DateField(label=_("Från"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(
        label=_("Till (tomt för en dag)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    season = forms.ChoiceField(
        label=_("Eller en årstid (året tas från Från)"),
        choices=[("", "–"), *Season.choices],
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("Slutdagen ligger före startdagen."))
        return data


class KallelseForm(forms.Form):
    message = forms.CharField(
        label=_("Meddelande till ledamöterna (valfritt)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea,
    )
