"""One module per `reader` subcommand; each exposes `run(args) -> int`."""
