from __future__ import annotations

from django.urls import path

from kansli.meetings import views

urlpatterns = [
    path("", views.start, name="start"),
    path("grupper/<int:body_id>/", views.body_space, name="body"),
    path("moten/<int:meeting_id>/", views.meeting_page, name="meeting"),
]
