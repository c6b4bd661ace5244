"""The `parity` console script: Ctrl-C handled from the first instruction, before the command line is imported."""

import sys


def main() -> None:
    try:
        from parity.cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("parity: interrupted\n")
        sys.exit(130)
    cli_main()
