"""The `parity` console script: Ctrl-C handled from the first instruction, and a verdict only the kit can give.

A command that runs training, and so perhaps the user's code, runs in a
forked child. The child sends its exit status up a pipe as its last act; the
parent exits with that status, or with 2 when none came. A user's step that
calls os._exit(0), or a crash that kills the process, can never read as
"parity holds".
"""

import os
import signal
import sys
import traceback

TRAINING_COMMANDS = {"run", "check", "sweep", "mutants"}
ERROR = 2


def main() -> None:
    try:
        from parity.allocator import keep_freed_memory

        keep_freed_memory()
        from parity.cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("parity: interrupted\n")
        sys.exit(130)
    if _runs_training(sys.argv[1:]) and hasattr(os, "fork"):
        sys.exit(_verdict_of_child(cli_main))
    cli_main()


def _runs_training(arguments: list[str]) -> bool:
    command = next((argument for argument in arguments if not argument.startswith("-")), None)
    return command in TRAINING_COMMANDS and not {"-h", "--help"} & set(arguments)


def _verdict_of_child(cli_main) -> int:
    read_end, write_end = os.pipe()
    sys.stdout.flush(), sys.stderr.flush()
    child = os.fork()
    if child == 0:
        os.close(read_end)
        signal.signal(signal.SIGINT, _interrupt_once)
        status = _status_of(cli_main)
        os.write(write_end, str(status).encode())
        os._exit(status)
    os.close(write_end)
    # A signal sent to this process alone (kill, a CI timeout) is passed on, so the child can write what
    # it has and stop; Ctrl-C at a terminal reaches both, and the child heeds only the first.
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda signum, frame: os.kill(child, signum))
    _, wait_status = os.waitpid(child, 0)
    os.set_blocking(read_end, False)  # a process the user's code forked may hold the pipe open
    try:
        verdict = os.read(read_end, 16).decode()
    except BlockingIOError:
        verdict = ""
    if verdict.isdigit():
        return int(verdict)
    sys.stderr.write(f"parity: error: the run ended before its verdict ({_how_it_ended(wait_status)}); "
                     "parity is not shown. Code that exits the process (os._exit, a crash) cannot be checked\n")
    return ERROR


def _interrupt_once(signum, frame) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the copy the parent passes on must not cut the clean-up short
    raise KeyboardInterrupt


def _status_of(cli_main) -> int:
    """The command's exit status; whatever escapes it still ends as a status, and output is flushed."""
    try:
        cli_main()
        status = 0
    except SystemExit as stop:
        status = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else ERROR)
    except KeyboardInterrupt:
        sys.stderr.write("parity: interrupted\n")
        status = 130
    except BaseException:
        traceback.print_exc()
        status = ERROR
    try:
        sys.stdout.flush(), sys.stderr.flush()
    except (OSError, ValueError):
        pass
    return status


def _how_it_ended(wait_status: int) -> str:
    if os.WIFSIGNALED(wait_status):
        number = os.WTERMSIG(wait_status)
        try:
            return f"killed by {signal.Signals(number).name}"
        except ValueError:
            return f"killed by signal {number}"
    return f"the process exited with status {os.waitstatus_to_exitcode(wait_status)} from inside the run"
