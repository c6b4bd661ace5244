"""The parity kit: run a NumPy network and its PyTorch twin side by side and prove they agree.

    from parity import RunConfig, run
    report = run(RunConfig(loss="bce", optimizer="adam", dtype="float64"))
    print(report.format_table())

The packages, in the order a run flows through them:

    config     what a run starts from: RunConfig, data, initial weights
    engine     the two sides stepped together and compared step by step
    diagnosis  why a run failed: oracles and rules by family
    report     the verdict as a table, words and JSON
    api        the pipeline above in one function, run()
    programs   your own NumPy network and PyTorch port as sides
    mutants    the catalogue of known porting bugs
    testing    for your CI: assert_parity, the pytest plugin, sweeps, golden runs
    cli        the `parity` command, one module per subcommand

The public names load on first use, so that `parity --help` need not import torch.

`numpy_net` and `torch_net` are the kit's own packages, beside this one: a user's
numpy_net.py or torch_net.py in the working folder, or beside their tests,
never stands in for them (see _KitPackages).
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

# A run holds NumPy's BLAS and torch to their shares of the cores itself, whatever was imported first
# (parity.engine.threads, with threadpoolctl). This only complements it, where it can: OpenBLAS reads it when NumPy
# is first imported, so it takes effect only if the kit loads NumPy. Its idle threads then sleep at once instead
# of spinning for about 0.1 s after a call, which helps where no limit is held (the user's own code between runs) and
# where the BLAS share is more than one thread (four cores and up), so its idle threads do not spin into torch's.
os.environ.setdefault("OPENBLAS_THREAD_TIMEOUT", "4")

if TYPE_CHECKING:
    from parity.api import check, run
    from parity.programs.network import UserNetwork
    from parity.programs.port import TorchPort
    from parity.config.config import RunConfig
    from parity.tolerance import DEFAULT_TOLERANCES
    from parity.errors import InputError
    from parity.report.report import Report

_PUBLIC = {
    "DEFAULT_TOLERANCES": "parity.tolerance",
    "InputError": "parity.errors",
    "Report": "parity.report.report",
    "TorchPort": "parity.programs.port",
    "UserNetwork": "parity.programs.network",
    "check": "parity.api",
    "RunConfig": "parity.config.config",
    "run": "parity.api",
}

__all__ = sorted(_PUBLIC)

_KIT_ROOT = Path(__file__).resolve().parent.parent
_KIT_PACKAGES = ("numpy_net", "torch_net")


class _KitPackages(importlib.abc.MetaPathFinder):
    """Finds `numpy_net` and `torch_net` as the packages beside `parity`, before sys.path is searched: the folder a
    script or test runs from comes first on sys.path, and a user's numpy_net.py there would otherwise shadow them.
    Lazily, as any import: torch_net (and torch) load only when a command needs them."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name not in _KIT_PACKAGES:
            return None
        package = _KIT_ROOT / name
        return importlib.util.spec_from_file_location(name, package / "__init__.py", submodule_search_locations=[str(package)])


def _is_the_kits(module: Any) -> bool:
    try:
        return Path(module.__file__).resolve().parent.parent == _KIT_ROOT
    except (AttributeError, TypeError, OSError):
        return False


def _use_the_kits_packages() -> None:
    """Put the finder first, and drop a user's module of the same name already imported, so that the kit's loads."""
    if not (_KIT_ROOT / "numpy_net" / "__init__.py").is_file():
        return  # not laid out as the kit is (a partial copy): leave imports alone
    if not any(isinstance(finder, _KitPackages) for finder in sys.meta_path):
        sys.meta_path.insert(0, _KitPackages())
    for name in _KIT_PACKAGES:
        loaded = sys.modules.get(name)
        if loaded is not None and not _is_the_kits(loaded):
            for key in [key for key in sys.modules if key == name or key.startswith(name + ".")]:
                del sys.modules[key]


_use_the_kits_packages()

# NumPy's functions as they are before any user code loads: the comparison judges with these (parity.pristine)
import parity.pristine  # noqa: E402,F401


def __getattr__(name: str) -> Any:
    if name == "__version__":
        return _version()
    if name not in _PUBLIC:
        raise AttributeError(f"module 'parity' has no attribute {name!r}")
    return getattr(importlib.import_module(_PUBLIC[name]), name)


def _version() -> str:
    """The installed distribution's version, set in pyproject.toml alone; "0+unknown" where the kit is not installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("numpy-torch-parity")
    except PackageNotFoundError:
        return "0+unknown"
