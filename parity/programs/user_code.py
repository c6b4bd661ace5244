"""The user's code: loading their file as a real module, and the one place their code runs.

The file is loaded as a registered module with its own folder importable,
as `python FILE.py` would run it: sibling imports work, and so do
dataclasses under `from __future__ import annotations`. Whatever the code
raises becomes one line naming the step and the user's own line.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import sys
import traceback
from types import ModuleType
from typing import Any, Callable

import numpy as np

from parity.programs.network import UserNetwork
from parity.errors import InputError
from parity.files import check_input
from parity.processes import lost_descriptors
from parity.pristine import users_code


class UserCode:
    def __init__(self, network: UserNetwork, option: str = "") -> None:
        self.network, self.option = network, option  # option: "--torch" when this is the user's port
        self.module = self._load_module()
        self.cls = self._find(network.class_name)
        self.step_code = self.compile(network.step, f"{option}-step" if option else "--step", "exec")
        self.init_code = self.compile(network.init_expression, f"{option}-init" if option else "--init", "eval")
        self.output_code = self.compile(f"net.{network.output}", "--output", "eval") if network.output else None

    def __deepcopy__(self, memo: dict) -> UserCode:
        return self  # the code is not state: copies of a side share it and copy only the network

    def _load_module(self) -> ModuleType:
        path, name = self.network.path, self.network.class_name
        if not path or not name or not path.endswith(".py"):
            raise InputError(f"{self.network.target!r}: expected FILE.py:NAME, e.g. network.py:NeuralNetwork")
        check_input(path)
        folder = os.path.dirname(os.path.abspath(path))
        if folder not in sys.path:
            sys.path.insert(0, folder)  # sibling modules import as they do when the file is run
        stem = os.path.splitext(os.path.basename(path))[0]
        module_name = stem if stem.isidentifier() and stem not in sys.modules else f"parity_user_{abs(hash(path))}_{stem}"
        spec = importlib.util.spec_from_file_location(module_name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module  # dataclasses and pickling look the module up by name
        try:
            self.run_user(lambda: spec.loader.exec_module(module), f"loading {path}")
        except BaseException:
            sys.modules.pop(module_name, None)
            raise
        return module

    def _find(self, name: str) -> Any:
        if not hasattr(self.module, name):
            found = ", ".join(n for n, v in vars(self.module).items() if isinstance(v, type) and v.__module__ == self.module.__name__)
            raise InputError(f"{self.network.path} defines no {name!r} (classes there: {found or 'none'})")
        return getattr(self.module, name)

    def compile(self, source: str, option: str, mode: str) -> Any:
        try:
            return compile(source, f"<{option}>", mode)
        except SyntaxError as error:
            raise InputError(f"{option} {source!r} is not valid Python: {error.msg}") from None

    def scope(self, **names: Any) -> dict[str, Any]:
        """The file's own names, np, NAME, and the names given."""
        return {**vars(self.module), "np": np, self.network.class_name: self.cls, **names}

    def build(self, X: np.ndarray, y: np.ndarray, **names: Any) -> Any:
        return self.run_user(lambda: eval(self.init_code, self.scope(X=X, y=y, **names)), "--init")

    def step(self, step: int, **names: Any) -> None:
        self.run_user(lambda: exec(self.step_code, self.scope(**names)), "--step", step)

    def output(self, net: Any, step: int) -> np.ndarray:
        return self.run_user(lambda: np.array(eval(self.output_code, {"net": net}), copy=True), "reading --output", step)

    def run_user(self, call: Callable[[], Any], what: str, step: int | None = None) -> Any:
        """Call user code; any exception becomes one line naming where. Its prints show unless --quiet-network.

        A copy of the process that the code forked and let come back is ended here (the run goes on in the
        original), and code that closed the kit's own descriptors stops the run."""
        silence = contextlib.redirect_stdout(io.StringIO()) if self.network.quiet else contextlib.nullcontext()
        at = self._at(what, step)
        pid = os.getpid()
        try:
            with silence, np.errstate(all="ignore"), users_code():  # its own bindings of np.abs and the like
                return call()
        except (KeyboardInterrupt, InputError):
            raise
        except BaseException as error:  # the user's code may raise anything, SystemExit included
            raise InputError(f"{at} raised {type(error).__name__}: {error}{self._where(error)}") from None
        finally:
            if os.getpid() != pid:
                _end_forked_copy(at)
            lost = lost_descriptors()
            if lost:
                raise InputError(f"{at} closed the kit's file descriptor {', '.join(lost)}: user code must close only "
                                 "descriptors it opened") from None

    def _at(self, what: str, step: int | None) -> str:
        at_step = f"step {step}: " if step else ""
        program = f"{self.option} " if self.option and not what.startswith(self.option) else ""
        return f"{at_step}{program}{what}"

    def _where(self, error: BaseException) -> str:
        path = os.path.abspath(self.network.path)
        own = {path, *(f"<{o}>" for o in ("--step", "--init", "--output", f"{self.option}-step", f"{self.option}-init"))}
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename in own]
        if not frames:
            return ""
        frame = frames[-1]
        if frame.filename.startswith("<"):
            return f" (in {frame.filename[1:-1]})"
        return f" ({os.path.basename(path)}, line {frame.lineno}: {(frame.line or '').strip()})"


def _end_forked_copy(at: str) -> None:
    """A fork the user's code made came back into the kit: two copies of the run would report (and the pipe to
    the `parity` process would carry two verdicts). The copy says so in one line and ends, unflushed."""
    with contextlib.suppress(OSError):
        os.write(2, f"parity: {at} forked; its copy (process {os.getpid()}) was ended, the run goes on\n".encode())
    os._exit(2)
