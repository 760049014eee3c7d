"""The one HTML page under /api/: a signed-in user's API tokens, to make and revoke."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kansli.api import tokens
from kansli.api.models import ApiToken

MAX_NAME = 100


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    new_token = None
    if request.method == "POST":
        name = request.POST.get("namn", "").strip()
        if len(name) > MAX_NAME:
            messages.error(
                request, _("Namnet får vara högst %(count)s tecken.") % {"count": MAX_NAME}
            )
            return redirect("api:tokens")
        _stored, new_token = tokens.issue(request.user, name=name)  # type: ignore[arg-type]
    # The new token is shown on this answer only (never stored, never in a message or a URL).
    return render(
        request,
        "api/tokens.html",
        {
            "tokens": ApiToken.objects.filter(user_id=request.user.pk, revoked_at__isnull=True),
            "new_token": new_token,
        },
    )


@login_required
@require_POST
def revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    stored = ApiToken.objects.filter(pk=token_id, user_id=request.user.pk).first()
    if stored is None:
        raise Http404
    tokens.revoke(stored, actor=request.user)
    messages.success(request, _("Nyckeln är återkallad och fungerar inte längre."))
    return redirect("api:tokens")
