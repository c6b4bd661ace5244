"""The `parity` group: every error one line on stderr with exit status 2, never a traceback."""

from __future__ import annotations

import errno
import os
import signal
import sys
from typing import Any

import click
from click.utils import PacifyFlushWrapper

from parity.errors import InputError, printable


class WholeFirstLine(click.Command):
    """A command whose summary in `parity --help` is its docstring's whole first line, never cut short."""

    def get_short_help_str(self, limit: int = 45) -> str:
        return self.short_help or (self.help or "").strip().splitlines()[0]


class ParityGroup(click.Group):
    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra) -> Any:
        previous = _terminate_like_interrupt()
        try:
            status = super().main(args, prog_name or "parity", complete_var, standalone_mode=False, **extra)
        except SystemExit as stop:
            if stop.code == 1 and isinstance(sys.stdout, PacifyFlushWrapper):
                # click's exit on a broken pipe (`parity run | head`): 1 would read as "parity fails"
                click.echo("parity: error: the output was closed before the report was printed (broken pipe)", err=True)
                sys.exit(2)
            raise
        except click.exceptions.Abort:
            click.echo("parity: interrupted", err=True)
            sys.exit(130)
        except click.ClickException as error:
            click.echo(f"parity: error: {printable(error.format_message(), keep='')}", err=True)  # may quote an argument
            sys.exit(2)
        except InputError as error:
            click.echo(f"parity: error: {error}", err=True)
            sys.exit(2)
        except MemoryError as error:  # what no estimate foresaw: still one line, and what to do
            click.echo(f"parity: error: out of memory ({error or 'MemoryError'}): use less data, smaller layers or a --batch-size", err=True)
            sys.exit(2)
        except Exception as error:  # a bug of ours: still one line, unless asked for the traceback
            if isinstance(error, OSError) and error.errno in UNWRITABLE:  # a full disk or a dead device: not a bug
                where = repr(error.filename) if error.filename else "to standard output"
                click.echo(f"parity: error: cannot write {printable(where, keep='')}: {error.strerror}", err=True)
                sys.exit(2)
            if os.environ.get("PARITY_DEBUG"):
                raise
            click.echo(f"parity: error: internal error, {type(error).__name__}: {printable(error, keep='')} (PARITY_DEBUG=1 shows the traceback)", err=True)
            sys.exit(2)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
        sys.exit(status if isinstance(status, int) else 0)


UNWRITABLE = {errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS, errno.EFBIG}


def _terminate_like_interrupt():
    """SIGTERM (a CI job cancelled, a timeout) takes the Ctrl-C path: the report so far, exit 130, no temporary file
    left behind. Returns the handler it replaced, or None where signals cannot be set (another thread)."""

    def interrupt(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once: a second copy must not cut the clean-up short
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, interrupt)
    except ValueError:
        return None
