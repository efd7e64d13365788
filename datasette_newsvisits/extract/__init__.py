"""Extraction: text in, records out."""
