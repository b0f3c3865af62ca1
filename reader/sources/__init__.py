"""Open what users actually have: text and Markdown files, saved web pages, URLs and pipes.

The loading itself lives in `reader.sources.load`; this package only names its public entry points.
"""

from reader.sources.boilerplate import find_body_end
from reader.sources.load import DEFAULT_MAX_BYTES, default_max_bytes, is_url, load_article, stdin_is_piped
from reader.sources.text import sanitize_for_terminal

__all__ = [
    "DEFAULT_MAX_BYTES",
    "default_max_bytes",
    "find_body_end",
    "is_url",
    "load_article",
    "sanitize_for_terminal",
    "stdin_is_piped",
]
