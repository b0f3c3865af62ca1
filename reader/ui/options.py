"""What one run of the app goes by: the config file, the command line and what the reader remembers.

Built once (by `reader` from its arguments, or by a test) and handed down: the app keeps it, screens
receive it, and none of them asks the app for a setting. Every value the config file holds is read from
the `Config` itself; this object only adds what the command line and the running session decide.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.settings.config import Config
from reader.vocab import ENTITY_ROLES


@dataclass(slots=True)
class ReaderOptions:
    """The settings of a run; the command line wins over the config file, which wins over defaults."""

    config: Config = field(default_factory=Config)
    theme: str | None = None
    """The starting theme (`--theme`, else config, else the remembered one); None: the default theme."""
    width: int | None = None
    """`--width`: the readable wrap width for this run, instead of `config.wrap_width`."""
    model: str | None = None
    """`--model`: the spaCy pipeline for this run, instead of `config.model`."""
    use_cache: bool = True
    """False with `--no-cache`: analyses are neither read from nor written to the cache."""
    analyse: bool = True
    """False when the caller brings its own analysis (tests, snapshots, benchmarks): spaCy never runs."""
    show_doubtful: bool = False
    """Doubtful attributions on show (toggled with `a`); carried over to the next article opened."""

    @property
    def wrap_width(self) -> int:
        return self.width or self.config.wrap_width

    @property
    def model_name(self) -> str | None:
        return self.model or self.config.model

    @property
    def entity_roles(self) -> frozenset[str]:
        """The entity roles highlighted at start (the config's `highlight` list, minus "quote")."""
        return frozenset(role for role in ENTITY_ROLES if role in self.config.highlight)

    @property
    def show_quotes(self) -> bool:
        return "quote" in self.config.highlight
