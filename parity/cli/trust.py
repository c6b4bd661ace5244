"""What `parity check --from-report` may run without asking: a report travels (a CI upload, a colleague's mail), so
the code it stores runs only with --trust, and the programs it names only where they lie beside it.

The expressions a report stores (--step, --init, --output, --param, and the port's) are code: any of them beyond
the kit's defaults is shown and refused without --trust. The program files it names are taken relative to the
report's folder, as they are written there (stored_paths); one outside that folder also needs --trust.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import TYPE_CHECKING

from parity.errors import InputError
from parity.programs.network import DEFAULT_STEP, UserNetwork

if TYPE_CHECKING:  # the port's module imports torch, which `parity check --help` must not wait for
    from parity.programs.port import TorchPort

PROGRAM_KEYS = ("network", "torch")  # the keys of a report's network block that name FILE.py:NAME


def stored_code(user: UserNetwork | None, port: TorchPort | None) -> list[str]:
    """The code a report would run beyond the kit's defaults, each as the option that gives it and its text."""
    found = []
    if user:
        found += [f"--init {user.init!r}"] if user.init and user.init != f"{user.class_name}(X, y)" else []
        found += [f"--step {user.step!r}"] if user.step != DEFAULT_STEP else []
        found += [f"--param {param!r}" for param in user.params]  # evaluated on the network: code too
        found += [f"--output {user.output!r}"] if user.output else []
    if port:
        name = port.target.rpartition(":")[2]
        found += [f"--torch-init {port.init!r}"] if port.init and port.init != f"{name}()" else []
        for option, text in (("--torch-step", port.step), ("--torch-optimizer", port.optimizer), ("--torch-loss", port.loss)):
            found += [f"{option} {text!r}"] if text else []
    return found


def trusted_programs(report: str, user: UserNetwork | None, port: TorchPort | None,
                     trust: bool) -> tuple[UserNetwork | None, TorchPort | None]:
    """The report's programs with their files found from the report's folder; refused, before any of their code
    runs, where the report stores code or names a file outside its folder, unless the user trusts it."""
    _check_types(report, user, port)
    folder = os.path.dirname(os.path.abspath(report))
    outside: list[str] = []
    if user:
        user = replace(user, target=_located(user.target, folder, outside))
    if port:
        port = replace(port, target=_located(port.target, folder, outside))
    code = stored_code(user, port)
    if (code or outside) and not trust:
        shown = "; ".join([*(f"{path!r} is outside the report's folder" for path in outside),
                           *([f"it stores code: {', '.join(code)}"] if code else [])])
        raise InputError(f"--from-report {report!r} would run what it names: {shown}; run it only with --trust, "
                         "if you trust where it came from")
    return user, port


def _located(target: str, folder: str, outside: list[str]) -> str:
    """FILE.py:NAME with FILE taken from the report's folder (an absolute path stays), noting a file outside it."""
    path, _, name = target.rpartition(":")
    if not path.endswith(".py"):
        return target  # refused as a malformed FILE.py:NAME before anything loads
    full = os.path.normpath(os.path.join(folder, path))
    if not os.path.realpath(full).startswith(os.path.join(os.path.realpath(folder), "")):
        outside.append(full)
    return f"{path if os.path.isabs(path) else os.path.relpath(full)}:{name}"


def _check_types(report: str, user: UserNetwork | None, port: TorchPort | None) -> None:
    fields = {**({"network": user.target, "init": user.init, "step": user.step, "output": user.output or ""} if user else {}),
              **({"torch": port.target, "torch_init": port.init, "torch_optimizer": port.optimizer, "torch_loss": port.loss,
                  "torch_step": port.step} if port else {})}
    listed = {"params": user.params if user else (), "torch_params": port.params if port else ()}
    wrong = [key for key, value in fields.items() if not isinstance(value, str)]
    wrong += [key for key, values in listed.items() if not all(isinstance(value, str) for value in values)]
    if wrong:
        raise InputError(f"--from-report {report!r}: the report's network block does not fit: {', '.join(wrong)} must be text")


def stored_paths(network: dict | None, report: str | None) -> dict[str, str]:
    """The program files a report written to `report` names, relative to its folder, where --from-report looks."""
    if not network or not report:
        return {}
    folder = os.path.dirname(os.path.abspath(report))
    stored = {}
    for key in PROGRAM_KEYS:
        target = network.get(key)
        if isinstance(target, str) and target.rpartition(":")[0].endswith(".py"):
            path, _, name = target.rpartition(":")
            relative = os.path.relpath(os.path.abspath(path), folder)
            # a file outside the folder keeps its absolute path: a rerun (with --trust) finds it wherever the report goes
            stored[key] = f"{os.path.abspath(path) if relative.startswith('..') else relative}:{name}"
    return stored
