"""Every endpoint of the API, in the order the OpenAPI document lists them."""

from __future__ import annotations

from kansli.api import registers, resources
from kansli.api.http import Endpoint

ENDPOINTS: list[Endpoint] = resources.ENDPOINTS + registers.ENDPOINTS
