"""``python -m csm_roles`` runs the command line."""

import sys

from .cli import console

if __name__ == "__main__":  # tools that import every module (API doc builders) must not run the CLI
    sys.exit(console())
