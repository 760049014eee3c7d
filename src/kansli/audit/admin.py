"""The audit log, readable by staff in the admin and never changeable there."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kansli.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["at", "actor", "verb", "object_type", "object_id"]
    list_filter = ["verb", "object_type"]
    search_fields = ["object_id", "verb"]
    readonly_fields = ["at", "actor", "verb", "object_type", "object_id", "before", "after"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
