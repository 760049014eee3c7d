"""A body's standing agenda items, kept by staff in the admin (audited like the registry)."""

from __future__ import annotations

from django.contrib import admin

from kansli.followup.models import StandingItem
from kansli.registry.admin import AuditedAdmin


@admin.register(StandingItem)
class StandingItemAdmin(AuditedAdmin):
    list_display = ["title", "body", "position"]
    list_filter = ["body"]
    ordering = ["body", "position"]
