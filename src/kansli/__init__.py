"""Kansli: a secretariat system for Swedish municipal collaboration bodies and committees."""
