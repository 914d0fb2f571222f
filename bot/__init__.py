"""ReviewBot: answers questions about film reviews from the critics' own words."""

__version__ = "0.1.0"
