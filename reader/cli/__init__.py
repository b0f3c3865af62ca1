"""The `reader` command line: `main` parses the arguments; one module per subcommand does the work.

`analyze`, `config`, `themes` and `open_app` (the default: open the app) each expose `run(args) -> int`.
"""

from reader.cli.main import main

__all__ = ["main"]
