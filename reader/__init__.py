"""A terminal reader for news articles: who is in it, where, what happened, and who said what."""

__version__ = "0.1.0"
