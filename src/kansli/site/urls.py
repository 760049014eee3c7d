"""The site's URLs; each app brings its own."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("logga-in/", auth_views.LoginView.as_view(), name="login"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("kansli.meetings.urls")),
    path("", include("kansli.followup.urls")),
    path("kalender/", include("kansli.events.urls")),
    path("", include("kansli.referrals.urls")),
    path("sok/", include("kansli.search.urls")),
    path("api/", include("kansli.api.urls")),
]
