"""`python -m reader` runs the same command as the installed `reader` script."""

import sys

from reader.cli import main

sys.exit(main())
