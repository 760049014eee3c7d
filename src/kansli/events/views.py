"""The calendar's pages: a body's årshjul, the whole collaboration's year, the feed addresses,
the feeds themselves (the secret address is the credential), and the kallelse."""

from __future__ import annotations

import smtplib
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kansli.events import feeds, services
from kansli.events.access import activity_for, live_token, own_token
from kansli.events.agenda import agenda_pdf
from kansli.events.forms import ActivityForm, KallelseForm
from kansli.events.ics import meeting_summary
from kansli.events.models import Activity, ActivityState, FeedKind, FeedToken, Invitation, Season
from kansli.events.yearplan import entries, sections
from kansli.meetings.access import meeting_for, visible_meetings
from kansli.meetings.models import Meeting
from kansli.registry.access import body_for, visible_bodies, writable_bodies
from kansli.registry.models import Body, Person


def _year(request: HttpRequest, years: list[int]) -> int:
    """The year asked for; else this year, or the latest year with something in it when this
    year is empty (an archive imported from earlier years)."""
    wanted = request.GET.get("ar", "")
    if wanted.isdigit() and 1900 <= int(wanted) <= 2200:
        return int(wanted)
    this_year = timezone.localdate().year
    if years and this_year not in years:
        return max((y for y in years if y < this_year), default=years[0])
    return this_year


def _years(activities: QuerySet[Activity], meetings: QuerySet[Meeting]) -> list[int]:
    found = {d.year for d in activities.dates("start", "year")}
    found |= {d.year for d in meetings.dates("date", "year")}
    return sorted(found)


def _year_context(
    request: HttpRequest, activities: QuerySet[Activity], meetings: QuerySet[Meeting]
) -> dict[str, Any]:
    accepted = activities.filter(state=ActivityState.ACCEPTED)
    years = _years(accepted, meetings)
    year = _year(request, years)
    return {
        "year": year,
        "years": years,
        "sections": sections(
            entries(
                accepted.filter(start__year=year).select_related("body"),
                meetings.filter(date__year=year).select_related("body"),
            )
        ),
    }


@login_required
def body_calendar(request: HttpRequest, body_id: int) -> HttpResponse:
    body, access = body_for(request.user, body_id)
    activities = Activity.objects.filter(body=body)
    meetings = visible_meetings(request.user, access, Meeting.objects.filter(body=body))
    context = _year_context(request, activities, meetings)
    context |= {"body": body, "may_write": access.may_write}
    if access.may_write:
        context["proposals"] = entries(
            activities.filter(state=ActivityState.PROPOSED).select_related("body"), []
        )
        context["form"] = ActivityForm()
    return render(request, "events/calendar.html", context)


@login_required
def calendar(request: HttpRequest) -> HttpResponse:
    """The whole collaboration's year: every body the user may see."""
    bodies = visible_bodies(request.user)
    meetings = Meeting.objects.filter(body__in=bodies).filter(
        published_at__isnull=False
    ) | Meeting.objects.filter(body__in=writable_bodies(request.user))
    context = _year_context(request, Activity.objects.filter(body__in=bodies), meetings)
    return render(request, "events/calendar.html", context | {"body": None})


@login_required
@require_POST
def add_activity(request: HttpRequest, body_id: int) -> HttpResponse:
    body, access = body_for(request.user, body_id)
    if not access.may_write:
        raise PermissionDenied
    form = ActivityForm(request.POST)
    if not form.is_valid():
        errors = "; ".join(str(e) for field in form.errors.values() for e in field)
        messages.error(request, _("Aktiviteten sparades inte: %(errors)s") % {"errors": errors})
        return redirect("body_calendar", body.pk)
    data = form.cleaned_data
    activity = services.add_activity(
        body,
        data["title"],
        data["start"],
        end=data["end"],
        season=Season(data["season"]) if data["season"] else None,
        actor=request.user,
    )
    return redirect(f"{reverse('body_calendar', args=[body.pk])}?ar={activity.start.year}")


@login_required
@require_POST
def decide(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = activity_for(request.user, activity_id, write=True)
    choice = request.POST.get("beslut")
    if choice not in ("godkann", "avvisa"):
        messages.error(request, _("Välj godkänn eller avvisa."))
    else:
        state = ActivityState.ACCEPTED if choice == "godkann" else ActivityState.REJECTED
        services.decide(activity, state, actor=request.user)
    url = reverse("body_calendar", args=[activity.body_id])
    return redirect(f"{url}?ar={activity.start.year}")


# -- feeds -----------------------------------------------------------------------------------


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """No login: calendar programs cannot log in, the secret address is the credential."""
    content = feeds.feed(live_token(token))
    if content is None:
        raise Http404
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
def feed_list(request: HttpRequest) -> HttpResponse:
    bodies = visible_bodies(request.user).order_by("name")
    has_person = Person.objects.filter(user=request.user).exists()
    if request.method == "POST":
        choice = request.POST.get("flode", "")
        body: Body | None = None
        if choice.startswith("body:") and choice[5:].isdigit():
            body = bodies.filter(pk=int(choice[5:])).first()
            kind = FeedKind.BODY if body is not None else None
        else:
            kind = {"person": FeedKind.PERSON, "all": FeedKind.ALL}.get(choice)
        if kind is None or (kind == FeedKind.PERSON and not has_person):
            messages.error(request, _("Välj ett av flödena i listan."))
        else:
            services.create_token(request.user, kind, body=body)
            messages.success(
                request, _("Flödet är skapat. Kopiera adressen till ditt kalenderprogram.")
            )
        return redirect("feeds")
    tokens = FeedToken.objects.filter(owner=request.user, revoked_at__isnull=True).select_related(
        "body"
    )
    rows = [(t, request.build_absolute_uri(reverse("feed", args=[t.token]))) for t in tokens]
    return render(
        request,
        "events/feeds.html",
        {"rows": rows, "bodies": bodies, "has_person": has_person},
    )


@login_required
@require_POST
def revoke_feed(request: HttpRequest, token_id: int) -> HttpResponse:
    token = own_token(request.user, token_id)
    if token.revoked_at is None:
        services.revoke_token(token, actor=request.user)
        messages.success(request, _("Adressen är återkallad och visar inte längre något."))
    return redirect("feeds")


# -- kallelse --------------------------------------------------------------------------------


@login_required
def kallelse(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting, _access = meeting_for(request.user, meeting_id, write=True)
    form = KallelseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _send(request, meeting, request.POST.get("handling", ""), form.cleaned_data["message"])
        return redirect("kallelse", meeting.pk)
    invitation = Invitation.objects.filter(meeting=meeting).first()
    people = services.recipients_of(meeting)
    return render(
        request,
        "events/kallelse.html",
        {
            "meeting": meeting,
            "title": meeting_summary(meeting),
            "items": list(meeting.items.all()),
            "invitation": invitation,
            "needs_update": invitation is not None and services.needs_update(invitation),
            "with_address": [p for p in people if p.email],
            "without_address": [p for p in people if not p.email],
            "form": form,
        },
    )


def _send(request: HttpRequest, meeting: Meeting, handling: str, message: str) -> None:
    try:
        if handling == "installa":
            sent = services.send_cancellation(meeting, actor=request.user, message=message)
        elif handling == "skicka":
            sent = services.send_kallelse(meeting, actor=request.user, message=message)
        else:
            messages.error(request, _("Välj skicka eller ställ in."))
            return
    except services.NoRecipientsError:
        messages.error(request, _("Ingen av gruppens ledamöter har en e-postadress."))
        return
    except ValueError as error:
        messages.error(request, str(error))
        return
    except (OSError, smtplib.SMTPException):
        messages.error(
            request,
            _("E-postservern tog inte emot kallelsen; inget är skickat. Försök igen senare."),
        )
        return
    messages.success(
        request,
        ngettext(
            "Skickat till %(count)d mottagare.",
            "Skickat till %(count)d mottagare.",
            len(sent.addresses),
        )
        % {"count": len(sent.addresses)},
    )


@login_required
def agenda(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """The agenda PDF as the members get it, for the secretary to check before sending."""
    meeting, _access = meeting_for(request.user, meeting_id, write=True)
    response = HttpResponse(agenda_pdf(meeting), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="dagordning-{meeting.year}-{meeting.number}.pdf"'
    )
    return response
