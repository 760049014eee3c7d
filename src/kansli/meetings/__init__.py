"""Meetings and what they hold: items, attendance, decisions, actions, tabled items, tables."""
