"""Complaints and support tickets."""
