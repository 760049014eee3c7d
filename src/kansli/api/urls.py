"""/api/: every route from the table of endpoints, the document, the page of one's tokens;
anything else under /api/ is a JSON 404."""

from __future__ import annotations

from itertools import groupby

from django.urls import URLPattern, path, re_path

from kansli.api import http, openapi, pages
from kansli.api.table import ENDPOINTS

app_name = "api"


def _routes() -> list[URLPattern]:
    routes = [
        path("openapi.json", openapi.openapi_json, name="openapi"),
        path("nycklar/", pages.token_list, name="tokens"),
        path("nycklar/<int:token_id>/aterkalla", pages.revoke, name="revoke_token"),
    ]
    ordered = sorted(ENDPOINTS, key=lambda e: e.route)
    for route, group in groupby(ordered, key=lambda e: e.route):
        endpoints = list(group)
        # Ids are taken as text and checked by the view: a bad one is a JSON 404, not Django's.
        django_route = route.replace("<", "<str:")
        routes.append(path(django_route, http.view(endpoints), name=endpoints[0].name))
    routes.append(re_path(r"^.*$", http.not_found))
    return routes


urlpatterns: list[URLPattern] = _routes()
