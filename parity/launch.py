"""The `parity` console script: Ctrl-C handled from the first instruction, and a verdict only the kit can give.

A command that runs training, and so perhaps the user's code, runs in a
forked child. The child sends its exit status up a pipe as its last act; the
parent exits with that status, or with 2 when none came. A user's step that
calls os._exit(0), or a crash that kills the process, can never read as
"parity holds". The child dies with the parent (processes.die_with_parent),
so a killed `parity` leaves nothing running that could write outputs later;
SIGINT, SIGTERM and SIGHUP end a run alike, with exit status 130.
"""

import contextlib
import os
import select
import signal
import sys
import traceback

from parity import processes

TRAINING_COMMANDS = {"run", "check", "sweep", "mutants"}
ERROR = 2
SAID_SO = 242  # the child's exit status when it said its error but user code had closed the pipe for its verdict
STOP_GRACE = 10.0  # seconds a signalled run has to write what it has and stop


def main() -> None:
    if _streams_closed():
        sys.exit(ERROR)
    try:
        from parity.allocator import keep_freed_memory

        keep_freed_memory()
        from parity.cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("parity: interrupted\n")
        sys.exit(130)
    if _runs_training(sys.argv[1:]) and hasattr(os, "fork"):
        sys.exit(_verdict_of_child(cli_main))
    try:
        cli_main()
    except OSError as error:  # the error line itself could not be written: stderr is a pipe whose reader has gone
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
        _say(f"parity: error: standard error is broken ({error.strerror or error})\n", 1)
        os._exit(ERROR)  # an exit that flushed stderr again would fail again, with a traceback


def _runs_training(arguments: list[str]) -> bool:
    command = next((argument for argument in arguments if not argument.startswith("-")), None)
    return command in TRAINING_COMMANDS and not {"-h", "--help"} & set(arguments)


def _streams_closed() -> bool:
    """A closed stdout or stderr (`>&-`) is refused with one line on the other: the report or the errors would vanish,
    and the next file opened would take the stream's number. Closed streams are filled with /dev/null for that."""
    closed = [fd for fd in (0, 1, 2) if not _is_open(fd)]
    for fd in closed:
        os.dup2(opened := os.open(os.devnull, os.O_RDWR), fd)
        if opened != fd:
            os.close(opened)
    unusable = [fd for fd in (1, 2) if fd in closed or not _writable(fd)]
    if unusable:
        names = " and ".join({1: "standard output", 2: "standard error"}[fd] for fd in unusable)
        _say(f"parity: error: {names} closed or not writable: what the kit says would be lost; send it somewhere "
             "(>/dev/null to discard it)\n", 1 if 2 in unusable else 2)
    return bool(unusable)


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def _writable(fd: int) -> bool:
    """Not opened read-only (a shell script's own file can sit on a closed stream's number)."""
    try:
        import fcntl
    except ImportError:
        return True
    return fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE != os.O_RDONLY


def _say(line: str, fd: int = 2) -> None:
    """One line where it can be written without waiting: the stream may be a pipe nobody reads, or gone."""
    try:
        if select.select([], [fd], [], 0)[1]:
            os.write(fd, line.encode(errors="replace"))
    except (OSError, ValueError):
        pass


def _verdict_of_child(cli_main) -> int:
    read_end, write_end = os.pipe()
    lifeline_read, lifeline_write = os.pipe()  # held open by this process alone: the child sees its end
    sys.stdout.flush(), sys.stderr.flush()
    parent = os.getpid()
    child = os.fork()
    if child == 0:
        os.close(read_end), os.close(lifeline_write)
        processes.die_with_parent(parent, lifeline_read)
        processes.keep_descriptor(write_end, "the pipe that carries the verdict to the parity process")
        for number in (signal.SIGINT, signal.SIGHUP):
            signal.signal(number, _interrupt_once)
        os._exit(_send(write_end, _status_of(cli_main)))
    os.close(write_end), os.close(lifeline_read)
    stopping = _Stopping(child)
    _, wait_status = os.waitpid(child, 0)
    os.set_blocking(read_end, False)  # a process the user's code forked may hold the pipe open
    try:
        verdict = os.read(read_end, 16).decode()
    except BlockingIOError:
        verdict = ""
    if stopping.ended:
        _say(f"parity: interrupted; the run did not stop {stopping.ended} and was ended: its outputs are not written\n")
        return 130
    if verdict.isdigit():
        return int(verdict)
    if os.WIFEXITED(wait_status) and os.WEXITSTATUS(wait_status) == SAID_SO:
        return ERROR
    sys.stderr.write(f"parity: error: the run ended before its verdict ({_how_it_ended(wait_status)}); "
                     "parity is not shown. Code that exits the process (os._exit, a crash) cannot be checked\n")
    return ERROR


def _send(verdict_pipe: int, status: int) -> int:
    """The child's exit status, once its verdict is sent up the pipe. Where user code closed the pipe, the error
    has been said already (user_code checks the kit's descriptors): SAID_SO tells the parent not to say more."""
    if processes.lost_descriptors():
        return SAID_SO if status == ERROR else ERROR
    try:
        os.write(verdict_pipe, str(status).encode())
    except OSError:
        pass  # the parent has gone: nobody is left to tell
    return status


class _Stopping:
    """The parent's signals (INT, TERM, HUP) are passed on to the child, which writes what it has and stops. It gets
    a grace period (PARITY_STOP_GRACE seconds): a child stuck in a write to a full pipe never reaches its clean-up,
    so at the end of the grace, or at a second signal, it is killed."""

    def __init__(self, child: int) -> None:
        self.child, self.signals, self.ended = child, 0, ""
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(number, self.heard)
        signal.signal(signal.SIGALRM, self.grace_over)

    def heard(self, signum, frame) -> None:
        self.signals += 1
        if self.signals == 1:
            self.send(signum)
            signal.setitimer(signal.ITIMER_REAL, _grace())
        else:
            self.ended = self.ended or "before a second signal"
            self.send(signal.SIGKILL)

    def grace_over(self, signum, frame) -> None:
        self.ended = f"within {_grace():g} s of the signal"
        self.send(signal.SIGKILL)

    def send(self, signum: int) -> None:
        try:
            os.kill(self.child, signum)
        except ProcessLookupError:
            pass


def _grace() -> float:
    try:
        grace = float(os.environ.get("PARITY_STOP_GRACE", STOP_GRACE))
    except ValueError:
        return STOP_GRACE
    return grace if 0 < grace < 1e6 else STOP_GRACE


def _interrupt_once(signum, frame) -> None:
    signal.signal(signum, signal.SIG_IGN)  # the copy the parent passes on must not cut the clean-up short
    raise KeyboardInterrupt


def _status_of(cli_main) -> int:
    """The command's exit status; whatever escapes it still ends as a status, and output is flushed."""
    try:
        cli_main()
        status = 0
    except SystemExit as stop:
        status = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else ERROR)
    except KeyboardInterrupt:
        _say("parity: interrupted\n")
        status = 130
    except OSError as error:  # the group's error line could not be written (see main)
        _say(f"parity: error: standard error is broken ({error.strerror or error})\n", 1)
        status = ERROR
    except BaseException:
        with contextlib.suppress(OSError, ValueError):  # stderr may be what broke
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
