"""The OpenAPI 3.1 document, made from the table of endpoints (`resources.ENDPOINTS`) and the
schemas of their answers (`schemas.py`), served at /api/openapi.json."""

from __future__ import annotations

import re

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _

from kansli.api.http import MAX_ID, Endpoint, Json, Param, error
from kansli.api.schemas import COMPONENTS, minutes_components, ref
from kansli.api.table import ENDPOINTS

STATUS_TEXT = {
    200: "OK",
    400: "Felaktig begäran: meddelandet säger vilken parameter",
    401: "Ingen eller ogiltig API-nyckel",
    403: "Du får läsa men inte ändra",
    404: "Finns inte, eller du får inte se det",
    405: "Metoden är inte tillåten",
}


def _parameter(param: Param) -> Json:
    schema: Json
    if param.enum:
        schema = {"type": "string", "enum": list(param.enum)}
    else:
        schema = {
            "type": "integer",
            "minimum": param.minimum or 0,
            "maximum": param.maximum or MAX_ID,
        }
        if param.default is not None:
            schema["default"] = param.default
    found: Json = {
        "name": param.name,
        "in": "query",
        "required": False,
        "description": str(param.description),
        "schema": schema,
    }
    if param.example is not None:
        found["example"] = param.example
    return found


def _path(route: str) -> tuple[str, list[str]]:
    names = re.findall(r"<(\w+)>", route)
    return "/api/" + re.sub(r"<(\w+)>", r"{\1}", route), names


def _operation(endpoint: Endpoint, ids: list[str]) -> Json:
    parameters = [
        {
            "name": name,
            "in": "path",
            "required": True,
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
        }
        for name in ids
    ] + [_parameter(p) for p in endpoint.params]
    error = {"application/json": {"schema": ref("Error")}}
    responses: Json = {
        "200": {
            "description": STATUS_TEXT[200],
            "content": {"application/json": {"schema": endpoint.response}},
        }
    }
    if endpoint.links:
        responses["200"]["links"] = {
            f"{link.to}-{link.parameter}": {
                "operationId": link.to,
                "parameters": {link.parameter: f"$response.body#{link.pointer}"},
            }
            for link in endpoint.links
        }
    for status in (*endpoint.errors, 405):
        responses[str(status)] = {"description": STATUS_TEXT[status], "content": error}
    responses["401"]["headers"] = {"WWW-Authenticate": {"schema": {"type": "string"}}}
    responses["405"]["headers"] = {"Allow": {"required": True, "schema": {"type": "string"}}}
    operation: Json = {
        "operationId": endpoint.name,
        "summary": str(endpoint.summary),
        "parameters": parameters,
        "responses": responses,
    }
    if endpoint.request_body is not None:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": endpoint.request_body}},
        }
    return operation


def document() -> Json:
    paths: dict[str, Json] = {}
    for endpoint in ENDPOINTS:
        path, ids = _path(endpoint.route)
        paths.setdefault(path, {})[endpoint.method.lower()] = _operation(endpoint, ids)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Kansli API",
            "version": "1",
            "description": _(
                "Möten, punkter, beslut och åtgärder, med samma behörigheter som webbsidorna. "
                "Skicka API-nyckeln i Authorization: Bearer <nyckel>."
            ),
        },
        "servers": [{"url": "/"}],
        "security": [{"token": []}],
        "paths": paths,
        "components": {
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
            "schemas": COMPONENTS | minutes_components(),
        },
    }


def openapi_json(request: HttpRequest) -> JsonResponse:
    """Public, like the web's login page: the document says what exists, not what is in it."""
    if request.method != "GET":
        return error(
            405,
            _("Metoden %(method)s är inte tillåten här.") % {"method": request.method},
            Allow="GET",
        )
    return JsonResponse(document(), json_dumps_params={"ensure_ascii": False})
