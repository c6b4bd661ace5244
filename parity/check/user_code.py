"""The user's code: loading their class from its file, and the one place it runs.

Whatever their code raises becomes one line naming the step and their own
line, so that errors read the same everywhere.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import traceback
from typing import Any

import numpy as np

from parity.check.network import UserNetwork
from parity.errors import InputError


class UserCode:
    """The user's class, and the one place where their code runs, so that its errors read the same everywhere."""

    def __init__(self, network: UserNetwork) -> None:
        self.network = network
        self.cls = self._load_class()
        self.step_code = self._compile(network.step, "--step", "exec")
        self.init_code = self._compile(network.init_expression, "--init", "eval")

    def _load_class(self) -> type:
        path, name = self.network.path, self.network.class_name
        if not path or not name or not path.endswith(".py"):
            raise InputError(f"{self.network.target!r}: expected FILE.py:NAME, e.g. network.py:NeuralNetwork")
        if not os.path.isfile(path):
            raise InputError(f"{path!r}: no such file")
        module_name = f"parity_user_{os.path.splitext(os.path.basename(path))[0]}"
        spec = importlib.util.spec_from_file_location(module_name, path)
        module = importlib.util.module_from_spec(spec)
        self.run_user(lambda: spec.loader.exec_module(module), f"loading {path}")
        if not hasattr(module, name):
            found = ", ".join(n for n, v in vars(module).items() if isinstance(v, type) and v.__module__ == module_name)
            raise InputError(f"{path} defines no {name!r} (classes there: {found or 'none'})")
        return getattr(module, name)

    def _compile(self, source: str, option: str, mode: str) -> Any:
        try:
            return compile(source, f"<{option}>", mode)
        except SyntaxError as error:
            raise InputError(f"{option} {source!r} is not valid Python: {error.msg}") from None

    def build(self, X: np.ndarray, y: np.ndarray) -> Any:
        scope = {"X": X, "y": y, "np": np, self.network.class_name: self.cls}
        return self.run_user(lambda: eval(self.init_code, scope), "--init")

    def step(self, net: Any, X: np.ndarray, y: np.ndarray, step: int) -> None:
        self.run_user(lambda: exec(self.step_code, {"net": net, "X": X, "y": y, "np": np}), "--step", step)

    def run_user(self, call, what: str, step: int | None = None) -> Any:
        """Call user code with its printing silenced; any exception becomes one line naming where."""
        try:
            with contextlib.redirect_stdout(io.StringIO()), np.errstate(all="ignore"):
                return call()
        except (KeyboardInterrupt, InputError):
            raise
        except BaseException as error:  # the user's code may raise anything, SystemExit included
            at_step = f"step {step}: " if step else ""
            raise InputError(f"{at_step}{what} raised {type(error).__name__}: {error}{self._where(error)}") from None

    def _where(self, error: BaseException) -> str:
        path = os.path.abspath(self.network.path)
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename in (path, "<--step>", "<--init>")]
        if not frames:
            return ""
        frame = frames[-1]
        if frame.filename.startswith("<"):
            return f" (in {frame.filename[1:-1]})"
        return f" ({os.path.basename(path)}, line {frame.lineno}: {(frame.line or '').strip()})"
