"""The secretary's forms. Each reads into the plain values a service takes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kansli.meetings.models import Meeting
from kansli.referrals.models import Initiative, InitiativeColumn, ReferralStatus
from kansli.referrals.services import ReferralFields
from kansli.registry.models import Body, Organisation, Person

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReferralForm(forms.Form):
    title = forms.CharField(label=_("Rubrik"), max_length=300)
    sender = forms.CharField(label=_("Avsändare"), max_length=300, required=False)
    received = forms.DateField(label=_("Inkommen"), required=False, widget=DATE)
    deadline = forms.DateField(label=_("Svar senast"), required=False, widget=DATE)
    responsible_person = forms.ModelChoiceField(
        label=_("Ansvarig person"), queryset=Person.objects.none(), required=False
    )
    status = forms.ChoiceField(label=_("Status"), choices=ReferralStatus.choices)
    joint_answer = forms.CharField(label=_("Gemensamt svar"), widget=forms.Textarea, required=False)
    meetings = forms.ModelMultipleChoiceField(
        label=_("Behandlad vid möten"),
        queryset=Meeting.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, body: Body, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = Person.objects.filter(memberships__body=body).distinct().order_by("name")
        self.fields["responsible_person"].queryset = people
        meetings = Meeting.objects.filter(body=body).order_by("-date")
        self.fields["meetings"].queryset = meetings

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        received, deadline = data.get("received"), data.get("deadline")
        if received and deadline and deadline < received:
            self.add_error("deadline", _("Svarsdatumet kan inte ligga före inkomstdatumet."))
        return data

    def fields_read(self) -> ReferralFields:
        data = self.cleaned_data
        return ReferralFields(
            title=data["title"].strip(),
            sender=data["sender"].strip(),
            received=data["received"],
            deadline=data["deadline"],
            responsible_person=data["responsible_person"],
            status=data["status"],
            joint_answer=data["joint_answer"],
            meetings=list(data["meetings"]),
        )


class InputForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Medlemsorganisation"), queryset=Organisation.objects.none()
    )
    text = forms.CharField(label=_("Synpunkter"), widget=forms.Textarea)
    received = forms.DateField(label=_("Inkom"), required=False, widget=DATE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = Organisation.objects.filter(is_member=True).order_by("name")
        self.fields["organisation"].queryset = members


class AnswerForm(forms.Form):
    text = forms.CharField(label=_("Gemensamt svar"), widget=forms.Textarea, required=False)
    answered = forms.DateField(label=_("Besvarad den"), required=False, widget=DATE)
    outcome = forms.ChoiceField(
        label=_("Utfall"),
        choices=[
            (ReferralStatus.ANSWERED, ReferralStatus.ANSWERED.label),
            (ReferralStatus.DECLINED, ReferralStatus.DECLINED.label),
        ],
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("outcome") == ReferralStatus.ANSWERED and not str(data.get("text", "")).strip():
            self.add_error("text", _("Skriv det gemensamma svaret."))
        return data


class ColumnForm(forms.Form):
    name = forms.CharField(label=_("Ny statuskolumn"), max_length=100)


class CellForm(forms.Form):
    """One cell set by hand (a decision reported between meetings)."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    column = forms.ModelChoiceField(label=_("Kolumn"), queryset=InitiativeColumn.objects.none())
    value = forms.CharField(label=_("Värde"), max_length=200, required=False)
    recorded = forms.DateField(label=_("Gäller från"), widget=DATE)
    meeting = forms.ModelChoiceField(
        label=_("Från mötet"), queryset=Meeting.objects.none(), required=False
    )

    def __init__(self, initiative: Initiative, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = Organisation.objects.filter(is_member=True).order_by("name")
        self.fields["organisation"].queryset = members
        self.fields["column"].queryset = initiative.columns.all()
        meetings = Meeting.objects.filter(body=initiative.body).order_by("-date")
        self.fields["meeting"].queryset = meetings
