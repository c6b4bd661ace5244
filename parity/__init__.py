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
"""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Any

# A parity run alternates NumPy's BLAS and torch's thread pools on the same cores. OpenBLAS's idle threads
# spin for a while after each call, and torch's threads then wait for the cores: measured here, a run of
# 1024x64, hidden 256 took 17 ms a step with spinning and 7 ms without, neither twin slower alone. OpenBLAS
# reads this when NumPy is first imported, so it is set (only if unset) before the kit imports NumPy.
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


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module 'parity' has no attribute {name!r}")
    return getattr(importlib.import_module(_PUBLIC[name]), name)
