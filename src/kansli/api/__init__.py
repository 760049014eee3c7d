"""The REST API under /api/: JSON for bodies, meetings (with items, decisions, actions and
attendance), the `minutes/1` export of a meeting, items, decisions, actions, the calendar's
activities (`events`) and referrals; one write, an action's status, for the body's secretary.

- Authentication: `Authorization: Bearer <token>`; tokens from `manage.py api_token USERNAME`
  or the page /api/nycklar/ (stored as SHA-256 only, revocable).
- Permissions are the web pages' (`registry.access`, `meetings.access`): what a user may not
  see is 404, never 403; members see published meetings, the secretary drafts too.
- The OpenAPI 3.1 document is served at /api/openapi.json, made from the same table of
  endpoints as the URLs (`table.ENDPOINTS`); a new resource is a handler and one entry.
- Errors are JSON `{"error": "..."}`: 400 names the parameter, 401, 403, 404, 405 with Allow.
"""
