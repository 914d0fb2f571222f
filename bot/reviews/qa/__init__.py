"""Answering questions about indexed reviews from their own sentences."""
