"""``python -m neurolab`` runs the command line."""

import sys

from neurolab.cli import main

sys.exit(main())
