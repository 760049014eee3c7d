from __future__ import annotations

from django.urls import path

from kansli.meetings import views

urlpatterns = [
    path("", views.start, name="start"),
    path("grupper/<int:body_id>/", views.body_space, name="body"),
    path("grupper/<int:body_id>/nytt-mote/", views.new_meeting, name="new_meeting"),
    path("moten/<int:meeting_id>/", views.meeting_page, name="meeting"),
    path("moten/<int:meeting_id>/redigera/", views.edit_meeting, name="edit"),
    path("moten/<int:meeting_id>/publicera/", views.publish, name="publish"),
    path("moten/<int:meeting_id>/bilagor/", views.attach, name="attach"),
    path("moten/<int:meeting_id>/export.<str:fmt>", views.export, name="export"),
    path("dokument/<int:source_id>/", views.source_download, name="source"),
    path("bilagor/<int:attachment_id>/", views.attachment_download, name="attachment"),
    path("importera/", views.upload, name="upload"),
    path("importera/<int:draft_id>/", views.review, name="review"),
    path("aviseringar/<int:notice_id>/", views.read_notice, name="notice"),
]
