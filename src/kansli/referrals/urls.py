"""The referral register under remisser/, the joint-initiative matrix under initiativ/."""

from __future__ import annotations

from django.urls import path

from kansli.referrals import views

urlpatterns = [
    path("remisser/", views.referral_list, name="referrals"),
    path("remisser/ny/<int:body_id>/", views.referral_new, name="referral_new"),
    path("remisser/<int:referral_id>/", views.referral_page, name="referral"),
    path("remisser/<int:referral_id>/andra/", views.referral_edit, name="referral_edit"),
    path("remisser/<int:referral_id>/synpunkter/", views.referral_input, name="referral_input"),
    path("remisser/<int:referral_id>/svar/", views.referral_answer, name="referral_answer"),
    path("remisser/forslag/<int:meeting_id>/", views.proposal_list, name="referral_proposals"),
    path(
        "remisser/forslag/beslut/<int:proposal_id>/",
        views.proposal_decide,
        name="referral_proposal_decide",
    ),
    path("initiativ/", views.initiative_list, name="initiatives"),
    path("initiativ/<int:initiative_id>/", views.initiative_page, name="initiative"),
    path(
        "initiativ/<int:initiative_id>/kolumn/", views.initiative_column, name="initiative_column"
    ),
    path("initiativ/<int:initiative_id>/cell/", views.initiative_cell, name="initiative_cell"),
]
