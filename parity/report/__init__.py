"""Saying what a run found: the Report, its terminal table, its diagnosis in words, its JSON."""
