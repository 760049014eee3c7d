"""The registry: organisations, people and their titles over time, bodies and memberships."""
