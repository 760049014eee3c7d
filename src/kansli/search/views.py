from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kansli.search import backend

LIMIT = 50


@login_required
def search(request: HttpRequest) -> HttpResponse:
    """`/sok/?q=...`: the form, and what the user may see that matches, best first."""
    query = request.GET.get("q")
    hits: list[backend.Hit] = []
    message = ""
    if query is not None:
        try:
            hits = backend.search(request.user, query, LIMIT)
        except backend.QueryError as error:
            message = error.message
    context = {
        "query": (query or "")[: backend.MAX_QUERY * 2],
        "searched": query is not None and not message,
        "hits": hits,
        "message": message,
        "limit": LIMIT,
    }
    return render(request, "search/search.html", context)
