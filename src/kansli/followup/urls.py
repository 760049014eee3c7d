from __future__ import annotations

from django.urls import path

from kansli.followup import views

urlpatterns = [
    path("atgarder/", views.my_actions, name="my_actions"),
    path("atgarder/<int:action_id>/status/", views.change_status, name="action_status"),
    path("atgarder/<int:action_id>/historik/", views.action_history, name="action_history"),
    path("grupper/<int:body_id>/atgarder/", views.body_actions, name="body_actions"),
    path(
        "organisationer/<int:organisation_id>/atgarder/",
        views.organisation_actions,
        name="organisation_actions",
    ),
    path("moten/<int:meeting_id>/dagordning/", views.propose_agenda, name="propose_agenda"),
]
