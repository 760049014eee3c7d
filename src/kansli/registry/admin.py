"""The registry in Django's admin, for the collaboration office's staff. Every save and delete
there is written to the audit log, like the app's own writes."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from kansli.registry import services
from kansli.registry.models import Body, Membership, Organisation, Person, Position


class AuditedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        services.saved(obj, created=not change, actor=request.user)

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        services.deleted(obj, actor=request.user)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for obj in queryset:
            services.deleted(obj, actor=request.user)
        super().delete_queryset(request, queryset)


class PositionInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Position
    extra = 1


class MembershipInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Membership
    extra = 1
    autocomplete_fields = ["person"]


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    list_display = ["name", "short_name", "is_member"]
    list_filter = ["is_member"]
    search_fields = ["name", "short_name"]


@admin.register(Person)
class PersonAdmin(AuditedAdmin):
    list_display = ["name", "email", "user"]
    search_fields = ["name", "email"]
    inlines = [PositionInline]


@admin.register(Body)
class BodyAdmin(AuditedAdmin):
    list_display = ["name", "short_name", "organisation", "quorum"]
    search_fields = ["name", "short_name"]
    inlines = [MembershipInline]
