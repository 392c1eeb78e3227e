"""``python -m bench.generate ...`` (from the repository root): the command line."""

import sys

from .cli import main

sys.exit(main())
