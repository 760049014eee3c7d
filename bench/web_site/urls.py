"""The app's URLs plus `/bench/bare/<body_id>/`: the baseline, a template and one query."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from kansli.meetings.models import Meeting
from kansli.site import urls as site_urls


def bare(request: HttpRequest, body_id: int) -> HttpResponse:
    """The body's 50 latest meetings, in one query, without login: the session and the user
    are loaded lazily and the template touches neither, so this is the cheapest page the same
    app, middleware and template engine can serve."""
    rows = (
        Meeting.objects.filter(body_id=body_id)
        .order_by("-date")
        .values_list("number", "year", "date")[:50]
    )
    return render(request, "bench/bare.html", {"rows": rows})


urlpatterns = [
    path("bench/bare/<int:body_id>/", bare, name="bench-bare"),
    *site_urls.urlpatterns,
]
