"""The pages of a body's space. Each view: one access lookup (404 for outsiders, 403 for a
member's attempt to write), then a service call for any write, then one template."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kansli.followup import agenda
from kansli.meetings import content as contents
from kansli.meetings import exports, services
from kansli.meetings.access import (
    attachment_for,
    draft_for,
    meeting_for,
    source_for,
    visible_meetings,
)
from kansli.meetings.attendance import summarise
from kansli.meetings.forms import NewMeetingForm, fields_for, read_content, theirs_by_name
from kansli.meetings.models import Attachment, AttendanceStatus, DraftState, ImportDraft, Meeting
from kansli.meetings.signals import meeting_generation
from kansli.meetings.uploads import UploadError, checked_upload
from kansli.minutes import MinutesError
from kansli.registry import generation
from kansli.registry.access import body_for, visible_bodies, writable_bodies


@login_required
def start(request: HttpRequest) -> HttpResponse:
    bodies = visible_bodies(request.user).order_by("name")
    drafts = ImportDraft.objects.filter(uploaded_by=request.user, state=DraftState.REVIEW)
    notices = []
    if hasattr(request.user, "person"):
        notices = list(
            request.user.person.notifications.filter(read_at__isnull=True).select_related(
                "meeting"
            )[:20]
        )
    return render(
        request,
        "meetings/start.html",
        {
            "bodies": bodies,
            "drafts": drafts,
            "notices": notices,
            "may_import": writable_bodies(request.user).exists(),
        },
    )


MEETINGS_PER_PAGE = 50
MEETING_LIST_FIELDS = ("pk", "body_id", "date", "number", "year", "kind", "published_at")


@login_required
def body_space(request: HttpRequest, body_id: int) -> HttpResponse:
    body, access = body_for(request.user, body_id)
    wanted = request.GET.get("sida", "1")
    key = ":".join(
        (
            "kansli:meeting-list",
            str(body.pk),
            wanted if wanted.isdigit() else "1",
            "w" if access.may_write else "r",
            meeting_generation(body.pk),
            get_language(),
        )
    )

    def render_list() -> str:
        meetings = visible_meetings(request.user, access, body.meetings.order_by("-date", "-pk"))
        page = Paginator(meetings.only(*MEETING_LIST_FIELDS), MEETINGS_PER_PAGE).get_page(wanted)
        context = {"page": page, "meetings": page.object_list, "may_write": access.may_write}
        return render_to_string("meetings/_meeting_list.html", context)

    return render(
        request,
        "meetings/body.html",
        {"body": body, "list_html": cached(key, render_list), "may_write": access.may_write},
    )


def cached(key: str, render_html: Callable[[], str]) -> str:
    """Rendered HTML from the cache, or rendered now and kept. The caller's key must change
    whenever what the HTML shows does (a version, a generation)."""
    html: str | None = cache.get(key)
    if html is None:
        html = render_html()
        cache.set(key, html, FRAGMENT_CACHE_SECONDS)
    return mark_safe(html)  # rendered by the template engine, which escaped it


FRAGMENT_CACHE_SECONDS = 3600


@login_required
def new_meeting(request: HttpRequest, body_id: int) -> HttpResponse:
    body, access = body_for(request.user, body_id)
    if not access.may_write:
        raise PermissionDenied
    form = NewMeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = services.create_meeting(body, **form.cleaned_data, actor=request.user)
        if agenda.propose(body, meeting.date, meeting=meeting):
            messages.success(request, _("Mötet är skapat. Här är förslaget till dagordning."))
            return redirect("propose_agenda", meeting.pk)
        messages.success(request, _("Mötet är skapat. Skriv anteckningarna här."))
        return redirect("edit", meeting.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "meetings/new.html", {"body": body, "form": form}, status=status)


@login_required
def meeting_page(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting, access = meeting_for(request.user, meeting_id)
    item_choices = meeting.items.only("pk", "number", "title") if access.may_write else []
    return render(
        request,
        "meetings/meeting.html",
        {
            "meeting": meeting,
            "minutes_html": minutes_html(meeting),
            "item_choices": item_choices,
            "may_write": access.may_write,
            "formats": exports.FORMATS,
        },
    )


def minutes_html(meeting: Meeting) -> str:
    """The minutes part of the meeting page (attendance, items, documents): the same for
    every reader, so rendered once per meeting version, registry generation and language.
    Every write to a meeting's content bumps its version; every registry change the
    registry's generation."""
    key = f"kansli:minutes:{meeting.pk}:{meeting.version}:{generation.current()}:{get_language()}"
    return cached(
        key, lambda: render_to_string("meetings/_minutes.html", _minutes_context(meeting))
    )


def _minutes_context(meeting: Meeting) -> dict[str, Any]:
    attendance = list(meeting.attendance.select_related("person", "organisation"))
    files = Attachment.objects.only("pk", "name", "item_id", "meeting_id")
    items = meeting.items.prefetch_related(
        "decisions",
        "actions__assignee",
        "actions__due_body",
        "tables",
        Prefetch("attachments", queryset=files),
    ).select_related("tabling__to_body")
    groups = [
        (label, [a for a in attendance if a.status == status])
        for status, label in AttendanceStatus.choices
    ]
    return {
        "meeting": meeting,
        "attendance_groups": [(label, rows) for label, rows in groups if rows],
        "summary": summarise(meeting, attendance),
        "items": items,
        "sources": meeting.sources.only("pk", "name", "format", "imported_at"),
        "attachments": files.filter(meeting=meeting, item__isnull=True),
    }


@login_required
def edit_meeting(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting, _access = meeting_for(request.user, meeting_id, write=True)
    stored = contents.of_meeting(meeting)
    if request.method != "POST":
        return _edit_page(request, meeting, stored, meeting.version)
    content, errors = read_content(request.POST, stored)
    base_version = int(request.POST.get("version", "0") or 0)
    if errors:
        return _edit_page(request, meeting, content, base_version, errors=errors, status=400)
    try:
        services.save_meeting(meeting, content, base_version=base_version, actor=request.user)
    except services.ConflictError as conflict:
        theirs = theirs_by_name(content, conflict.theirs)
        return _edit_page(
            request, conflict.meeting, content, conflict.meeting.version, theirs=theirs, status=409
        )
    except services.ContentError as error:
        messages.error(request, str(error))
        return _edit_page(request, meeting, content, base_version, status=400)
    messages.success(request, _("Sparat."))
    return redirect("meeting", meeting.pk)


def _edit_page(
    request: HttpRequest,
    meeting: Any,
    content: contents.Content,
    version: int,
    *,
    errors: dict[str, str] | None = None,
    theirs: dict[str, str] | None = None,
    status: int = 200,
) -> HttpResponse:
    form = fields_for(content, errors, theirs, bodies=list(writable_bodies(request.user)))
    return render(
        request,
        "meetings/edit.html",
        {"meeting": meeting, "form": form, "version": version, "conflict": theirs is not None},
        status=status,
    )


@login_required
@require_POST
def publish(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting, _access = meeting_for(request.user, meeting_id, write=True)
    told = services.publish(meeting, actor=request.user)
    messages.success(
        request,
        ngettext(
            "Publicerat. %(count)d medlem har fått en avisering.",
            "Publicerat. %(count)d medlemmar har fått en avisering.",
            told,
        )
        % {"count": told},
    )
    return redirect("meeting", meeting.pk)


@login_required
def export(request: HttpRequest, meeting_id: int, fmt: str) -> HttpResponse:
    meeting, _access = meeting_for(request.user, meeting_id)
    if fmt not in exports.FORMATS:
        raise Http404
    data, content_type, filename = exports.render(meeting, fmt)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def source_download(request: HttpRequest, source_id: int) -> HttpResponse:
    source = source_for(request.user, source_id)
    return _download(bytes(source.data), "application/octet-stream", source.name)


@login_required
def attachment_download(request: HttpRequest, attachment_id: int) -> HttpResponse:
    attachment = attachment_for(request.user, attachment_id)
    return _download(bytes(attachment.data), attachment.content_type, attachment.name)


def _download(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{exports.safe_filename(name)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def attach(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting, _access = meeting_for(request.user, meeting_id, write=True)
    upload = request.FILES.get("file")
    try:
        data, content_type = checked_upload(upload, kinds=exports.ATTACHMENT_KINDS)
    except UploadError as error:
        messages.error(request, str(error))
        return redirect("meeting", meeting.pk)
    item = meeting.items.filter(pk=request.POST.get("item") or 0).first()
    services.attach(meeting, item, upload.name, content_type, data, actor=request.user)
    messages.success(request, _("Bilagan %(name)s är tillagd.") % {"name": upload.name})
    return redirect("meeting", meeting.pk)


# --- import with review -------------------------------------------------------------------------


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    bodies = writable_bodies(request.user).order_by("name")
    if not bodies.exists():
        raise Http404
    if request.method != "POST":
        return render(request, "meetings/upload.html", {"bodies": bodies})
    body = bodies.filter(pk=request.POST.get("body") or 0).first()
    files = request.FILES.getlist("files")
    if not files:
        messages.error(request, _("Välj minst en fil att importera."))
        return render(request, "meetings/upload.html", {"bodies": bodies}, status=400)
    results = [_stage(request, body, f) for f in files]
    staged = [r for r in results if r["draft"] is not None]
    if len(files) == 1 and staged:
        return redirect("review", staged[0]["draft"].pk)
    refused = all(r["draft"] is None and r["meeting"] is None for r in results)
    status = 400 if refused else 200
    return render(
        request, "meetings/upload.html", {"bodies": bodies, "results": results}, status=status
    )


def _stage(request: HttpRequest, body: Any, upload: Any) -> dict[str, Any]:
    result: dict[str, Any] = {"name": upload.name, "draft": None, "meeting": None, "error": ""}
    try:
        data, _type = checked_upload(upload, kinds=None)
        result["draft"] = services.stage_import(data, upload.name, actor=request.user, body=body)
    except UploadError as error:
        result["error"] = str(error)
    except MinutesError as error:
        result["error"] = error.message()
    except services.AlreadyImportedError as known:
        result["meeting"] = known.meeting
        result["error"] = _("Filen är redan importerad som %(meeting)s.") % {
            "meeting": known.meeting
        }
    return result


@login_required
def review(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = draft_for(request.user, draft_id)
    if draft.state != DraftState.REVIEW:
        if draft.meeting_id:
            return redirect("meeting", draft.meeting_id)
        raise Http404
    if request.method != "POST":
        return _review_page(request, draft, draft.content)
    if "discard" in request.POST:
        services.discard_import(draft, actor=request.user)
        messages.success(request, _("Importen av %(name)s är kastad.") % {"name": draft.name})
        return redirect("start")
    content, errors = read_content(request.POST, draft.content)
    if not errors and content.get("body") not in set(
        writable_bodies(request.user).values_list("pk", flat=True)
    ):
        errors["body"] = _("Välj en grupp som du är sekreterare för.")
    if errors:
        return _review_page(request, draft, content, errors=errors, status=400)
    try:
        meeting = services.confirm_import(draft, content, actor=request.user)
    except services.ContentError as error:
        messages.error(request, str(error))
        return _review_page(request, draft, content, status=400)
    messages.success(request, _("Importerat: %(meeting)s.") % {"meeting": meeting})
    return redirect("meeting", meeting.pk)


def _review_page(
    request: HttpRequest,
    draft: ImportDraft,
    content: contents.Content,
    *,
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> HttpResponse:
    form = fields_for(content, errors, bodies=list(writable_bodies(request.user)))
    return render(
        request,
        "meetings/review.html",
        {
            "draft": draft,
            "form": form,
            "lines": draft.lines,
            "warnings": draft.minutes.get("warnings") or [],
            "max_upload_mb": settings.KANSLI_MAX_UPLOAD_MB,
        },
        status=status,
    )


@login_required
@require_POST
def read_notice(request: HttpRequest, notice_id: int) -> HttpResponse:
    person = getattr(request.user, "person", None)
    notice = person.notifications.filter(pk=notice_id).first() if person else None
    if notice is None:
        raise Http404
    services.mark_read(notice, actor=request.user)
    return redirect("meeting", notice.meeting_id)
