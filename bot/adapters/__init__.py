"""Thin layers that translate between a chat platform (or a terminal) and the review core."""
