"""The API's request handling, shared by every endpoint: the token, the method, the query
parameters (checked against the same table the OpenAPI document is made from), JSON errors.
Nothing under /api/ answers with HTML or a traceback."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from kansli.api.tokens import user_for

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

log = logging.getLogger(__name__)

Json = dict[str, Any]
MAX_ID = 2**31 - 1
"""The largest id the API documents; larger ones are simply not found."""
MAX_BODY = 64 * 1024


class BadRequestError(Exception):
    """Bad input: answered 400 with the message, which names what was wrong."""


@dataclass(frozen=True)
class Param:
    """A query parameter: an integer in [minimum, maximum], or one of `enum`."""

    name: str
    description: str | Promise
    minimum: int | None = None
    maximum: int | None = None
    enum: tuple[str, ...] = ()
    default: int | None = None
    example: int | str | None = None

    def parse(self, raw: str | None) -> int | str | None:
        if raw is None:
            return self.default
        if self.enum:
            if raw not in self.enum:
                raise BadRequestError(
                    _("Parametern %(name)s måste vara en av: %(values)s.")
                    % {"name": self.name, "values": ", ".join(self.enum)}
                )
            return raw
        low = self.minimum if self.minimum is not None else 0
        high = self.maximum if self.maximum is not None else MAX_ID
        if not re.fullmatch(r"-?[0-9]{1,19}", raw) or not low <= int(raw) <= high:
            raise BadRequestError(
                _("Parametern %(name)s måste vara ett heltal från %(low)s till %(high)s.")
                % {"name": self.name, "low": low, "high": high}
            )
        return int(raw)


@dataclass(frozen=True)
class Link:
    """An OpenAPI link: the id at `pointer` in this answer (a JSON pointer) is `parameter` of
    the operation `to`; schemathesis follows links in its stateful phase."""

    to: str
    parameter: str
    pointer: str


@dataclass(frozen=True)
class Call:
    """One request as a handler sees it: who, which ids, which parameters, what body."""

    user: AbstractBaseUser
    ids: Mapping[str, int]
    query: Mapping[str, Any]
    body: Json | None = None


@dataclass(frozen=True)
class Endpoint:
    """One operation: its route (Django's syntax, relative to /api/; every `<name>` is an id),
    method, handler, the schema of its answer and of its body, its query parameters."""

    route: str
    method: str
    name: str
    summary: str | Promise
    handler: Callable[[Call], Json]
    response: Json
    params: tuple[Param, ...] = ()
    request_body: Json | None = None
    errors: tuple[int, ...] = field(default=(401, 404))
    links: tuple[Link, ...] = ()


def error(status: int, message: str, **headers: str) -> JsonResponse:
    response = JsonResponse(
        {"error": message}, status=status, json_dumps_params={"ensure_ascii": False}
    )
    for key, value in headers.items():
        response[key.replace("_", "-")] = value
    return response


def not_found(request: HttpRequest, *args: object, **kwargs: object) -> JsonResponse:
    return error(404, _("Finns inte."))


def _id(raw: str) -> int:
    if not re.fullmatch(r"[0-9]{1,10}", raw) or not 1 <= int(raw) <= MAX_ID:
        raise Http404
    return int(raw)


def _body(request: HttpRequest) -> Json:
    if request.content_type != "application/json":
        raise BadRequestError(_("Skicka JSON (Content-Type: application/json)."))
    if len(request.body) > MAX_BODY:
        raise BadRequestError(_("För stor begäran."))
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadRequestError(_("Ogiltig JSON.")) from exc
    if not isinstance(data, dict):
        raise BadRequestError(_("Skicka ett JSON-objekt."))
    return data


def _answer(
    endpoint: Endpoint, request: HttpRequest, user: AbstractBaseUser, raw: Mapping[str, str]
) -> Json:
    ids = {key: _id(value) for key, value in raw.items()}
    query = {p.name: p.parse(request.GET.get(p.name)) for p in endpoint.params}
    body = _body(request) if endpoint.request_body is not None else None
    return endpoint.handler(Call(user=user, ids=ids, query=query, body=body))


def _respond(endpoint: Endpoint, request: HttpRequest, raw: Mapping[str, str]) -> HttpResponse:
    user = user_for(request.headers.get("Authorization", ""))
    if user is None:
        return error(
            401,
            _("Ange en giltig API-nyckel: Authorization: Bearer <nyckel>."),
            WWW_Authenticate='Bearer realm="kansli"',
        )
    try:
        answer = _answer(endpoint, request, user, raw)
    except Http404:
        return error(404, _("Finns inte."))
    except PermissionDenied:
        return error(403, _("Du får läsa men inte ändra detta."))
    except BadRequestError as exc:
        return error(400, str(exc))
    return JsonResponse(answer, json_dumps_params={"ensure_ascii": False})


def view(endpoints: list[Endpoint]) -> Callable[..., HttpResponse]:
    """The Django view of one route, dispatching on the method to its endpoints."""
    by_method = {e.method: e for e in endpoints}
    allow = ", ".join(by_method)

    @csrf_exempt
    def respond(request: HttpRequest, **raw: str) -> HttpResponse:
        endpoint = by_method.get(request.method or "")
        if endpoint is None:
            return error(
                405,
                _("Metoden %(method)s är inte tillåten här.") % {"method": request.method},
                Allow=allow,
            )
        try:
            return _respond(endpoint, request, raw)
        except Exception:
            log.exception("API %s %s", request.method, request.path)
            return error(500, _("Ett internt fel uppstod."))

    return respond
