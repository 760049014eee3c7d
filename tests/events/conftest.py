"""The cast (sekreteraren, ledamoten, utomstående) around the imported founding document, and a
real SMTP server on loopback for the kallelse."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.test import Client
from tests.meetings.conftest import FOUNDING, account, body, founding_docx, meeting

from kansli.registry.models import Body, Role

__all__ = ["FOUNDING", "account", "body", "founding_docx", "meeting"]


@dataclass
class Cast:
    sekreteraren: Client
    ledamoten: Client
    utomstaende: Client
    other_body: Body


@pytest.fixture
def cast(body: Body) -> Cast:
    other = Body.objects.create(name="Södertörns ekonomichefer")
    return Cast(
        sekreteraren=account("sekreteraren", body, Role.SECRETARY),
        ledamoten=account("ledamoten", body),
        utomstaende=account("utomstaende", other),
        other_body=other,
    )


@dataclass
class Inbox:
    """What the SMTP server received: (recipients, raw message) per mail."""

    received: list[tuple[list[str], bytes]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append((list(envelope.rcpt_tos), bytes(envelope.original_content)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def smtp(settings: Any) -> Iterator[Inbox]:
    """A real SMTP server on 127.0.0.1 that Django's SMTP backend delivers to."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "kansli@sodertorn.example.se"
    try:
        yield inbox
    finally:
        controller.stop()
