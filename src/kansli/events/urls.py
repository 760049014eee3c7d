from __future__ import annotations

from django.urls import path

from kansli.events import views

urlpatterns = [
    path("", views.calendar, name="calendar"),
    path("grupp/<int:body_id>/", views.body_calendar, name="body_calendar"),
    path("grupp/<int:body_id>/ny-aktivitet/", views.add_activity, name="add_activity"),
    path("aktivitet/<int:activity_id>/", views.decide, name="decide_activity"),
    path("prenumerera/", views.feed_list, name="feeds"),
    path("prenumerera/<int:token_id>/aterkalla/", views.revoke_feed, name="revoke_feed"),
    path("ics/<str:token>.ics", views.feed, name="feed"),
    path("kallelse/<int:meeting_id>/", views.kallelse, name="kallelse"),
    path("kallelse/<int:meeting_id>/dagordning.pdf", views.agenda, name="agenda_pdf"),
]
