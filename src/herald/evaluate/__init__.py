"""Scorers: Herald output against the gold sets in ../shared (events, actors, times, places)."""
