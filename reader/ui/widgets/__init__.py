"""Widgets of the reader app: the article view, side panel, search bar and status line."""
