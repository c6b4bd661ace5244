"""Writing output files whole or not at all."""

from __future__ import annotations

import contextlib
import math
import os
import shutil
import stat
import tempfile
import zipfile
from typing import IO, Callable

import numpy as np

from parity.errors import InputError
from parity.memory import check_fits
from parity.processes import launcher_gone, signals_held


def check_input(path: str, option: str = "") -> None:
    """An input the run will read: an existing regular file (a pipe or a device could block or never end)."""
    named = f"{option} {path!r}".strip()
    if not path:
        raise InputError(f"{option} '': give a file path".strip())
    if os.path.isdir(path):
        raise InputError(f"{named} is a directory, not a file")
    if not os.path.exists(path):
        raise InputError(f"{named}: no such file")
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise InputError(f"{named} is not a regular file (a device or a pipe): give a file")
    check_fits(os.path.getsize(path), named, "give a smaller file")


def read_npz(path: str, option: str) -> dict[str, np.ndarray]:
    """All arrays of a .npz, or one clear InputError naming the option and the path.

    Each member's header is read first: only .npy arrays of numbers, and only what fits in memory, are loaded."""
    check_input(path, option)
    if not zipfile.is_zipfile(path):
        raise InputError(f"{option} {path!r}: not a readable .npz file (not a zip archive)")
    try:
        check_fits(sum(_npy_bytes(path, option)), f"{option} {path!r}", "give a smaller file")
        with np.load(path, allow_pickle=False) as archive:
            return {name: archive[name] for name in archive.files}
    except ValueError as error:
        if "allow_pickle" in str(error):
            raise InputError(f"{option} {path!r}: arrays must be numeric, not Python objects") from None
        raise InputError(f"{option} {path!r}: not a readable .npz file ({error})") from None
    except (OSError, zipfile.BadZipFile, EOFError, RuntimeError, NotImplementedError) as error:
        # RuntimeError: an encrypted member; NotImplementedError: a compression zipfile cannot read
        raise InputError(f"{option} {path!r}: not a readable .npz file ({error})") from None


def _npy_bytes(path: str, option: str) -> list[int]:
    """The size each member's .npy header promises, read without loading the array."""
    sizes = []
    with zipfile.ZipFile(path) as archive:
        for member in archive.namelist():
            if not member.endswith(".npy"):
                raise InputError(f"{option} {path!r}: member {member!r} is not a .npy array (np.savez writes only .npy members)")
            with archive.open(member) as file:
                version = np.lib.format.read_magic(file)
                read_header = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
                shape, _, dtype = read_header(file)
            sizes.append(math.prod(shape) * dtype.itemsize)
    return sizes


def check_outputs(outputs: dict[str, str | None], inputs: dict[str, str | None]) -> None:
    """The one rule for output files, checked before anything runs: each can be written, none is an input of
    the run or another output, none is a device or a read-only file. A symlink is written through to its target."""
    seen: dict[str, str] = {}
    sources = {os.path.realpath(path): option for option, path in inputs.items() if path and os.path.exists(path)}
    for option, path in outputs.items():
        if path is None:
            continue
        if not path.strip():
            raise InputError(f"{option} '': give a file path")
        check_writable(path, option)
        target = os.path.realpath(path)
        if target in sources:
            raise InputError(f"{option} {path!r} is the {sources[target]} file: an output must not overwrite an input of the run")
        if target in seen:
            raise InputError(f"{option} {path!r} is also the {seen[target]} file: give each output its own path")
        seen[target] = option


def check_writable(path: str, option: str) -> None:
    """Fail before any work is done if the output could not be written."""
    folder = os.path.dirname(os.path.realpath(path))
    if os.path.exists(path) and not os.path.isdir(path) and not stat.S_ISREG(os.stat(path).st_mode):
        raise InputError(f"{option} {path!r} is not a regular file (a device, a pipe): give a file path")
    if os.path.isfile(path) and not os.stat(path).st_mode & 0o222:
        raise InputError(f"{option} {path!r} is read-only: the kit does not replace it")
    if os.path.isfile(path):
        try:  # opened for appending and closed: nothing changes, but an immutable file (chattr +i) says no, even to root
            os.close(os.open(path, os.O_WRONLY | os.O_APPEND))
        except OSError as error:
            raise InputError(f"{option} {path!r} cannot be replaced ({error.strerror})") from None
    if os.path.isdir(path):
        raise InputError(f"{option} {path!r} is a directory; give a file path")
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise InputError(f"{option} {path!r}: {folder!r} is a file, not a folder")
    if not os.path.isdir(folder):
        raise InputError(f"{option} {path!r}: the folder {folder!r} does not exist")
    _check_length(path, folder, option)
    try:  # os.access says yes to root everywhere; only trying tells
        with tempfile.TemporaryFile(dir=folder, prefix=".parity-"):
            pass
    except OSError as error:
        raise InputError(f"{option} {path!r}: cannot write in {folder!r} ({error.strerror})") from None


def _check_length(path: str, folder: str, option: str) -> None:
    """A name or path longer than the file system takes would fail only when written, after the whole run."""
    for what, length, limit in (("file name", len(os.fsencode(os.path.basename(path))), "PC_NAME_MAX"),
                                ("path", len(os.fsencode(os.path.join(folder, os.path.basename(path)))), "PC_PATH_MAX")):
        try:
            allowed = os.pathconf(folder, limit)
        except (OSError, ValueError, AttributeError):  # no pathconf (Windows), or no limit known
            continue
        if allowed > 0 and length > allowed - (what == "path"):  # PATH_MAX counts the closing NUL
            raise InputError(f"{option} {path!r}: the {what} is {length} bytes, longer than the file system allows ({allowed})")


Writer = Callable[[IO], None]


def write_atomically(path: str, write: Writer, binary: bool = False) -> None:
    """Write one file whole or not at all (see write_all)."""
    write_all([(path, write, binary)])


def write_all(outputs: list[tuple[str, Writer, bool]]) -> None:
    """Write every (path, write, binary) whole, or none of them.

    Each is written to a temporary file beside its path first; only when all
    are written are they renamed over their paths, with Ctrl-C and SIGTERM
    held back for the renames. A reader never sees half a file, an earlier
    file survives a failed write untouched, and no temporary file is left.
    A symlink is written through: its target is replaced, the link stays.
    """
    written: list[tuple[str, str]] = []
    target = ""
    try:
        for path, write, binary in outputs:
            target = os.path.realpath(path)
            written.append((_temporary_beside(target), target))
            with open(written[-1][0], "wb" if binary else "w") as file:
                write(file)
        with signals_held():
            if launcher_gone():  # the caller has seen the run end: nothing may change after that
                raise InputError("the parity process that started this run has gone: its outputs are not written")
            _replace_all(written)
    except OSError as error:
        raise InputError(f"cannot write {target!r}: {error.strerror}") from None
    finally:
        for temporary, _ in written:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)


def _replace_all(written: list[tuple[str, str]]) -> None:
    """Rename each temporary over its target; where one rename fails (the target became a folder, the disk went
    read-only), the targets already replaced get their earlier content back, so that none is replaced."""
    replaced: list[tuple[str, str | None]] = []
    target = ""
    try:
        for temporary, target in written:
            earlier = _keep_earlier(target)
            try:
                os.replace(temporary, target)
            except OSError:
                _remove(earlier)
                raise
            replaced.append((target, earlier))
    except OSError as error:
        for replaced_target, earlier in reversed(replaced):
            with contextlib.suppress(OSError):
                os.replace(earlier, replaced_target) if earlier else os.unlink(replaced_target)
        raise InputError(f"cannot write {target!r}: {error.strerror}") from None
    for _, earlier in replaced:
        _remove(earlier)


def _remove(path: str | None) -> None:
    if path:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)


def _keep_earlier(target: str) -> str | None:
    """A second name for the target's present content (a hard link, or a copy where links are not allowed)."""
    if not os.path.isfile(target):
        return None
    earlier = os.path.join(os.path.dirname(target), f".parity-{os.getpid()}-{os.urandom(4).hex()}.earlier")
    try:
        os.link(target, earlier)
    except OSError:
        try:
            shutil.copy2(target, earlier)
        except OSError:
            _remove(earlier)
            raise
    return earlier


def _temporary_beside(path: str) -> str:
    fd, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".parity-", suffix=".tmp")
    os.close(fd)
    os.chmod(temporary, _mode_for(path))
    return temporary


def _mode_for(path: str) -> int:
    """The mode a written file should have: the existing file's, or what the umask gives a new one (mkstemp makes 0600)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
