"""Engagements, their views and their children."""
