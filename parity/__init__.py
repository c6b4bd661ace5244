"""The parity kit: run a NumPy network and its PyTorch twin side by side and prove they agree.

    from parity import RunConfig, run
    report = run(RunConfig(loss="bce", optimizer="adam", dtype="float64"))
    print(report.format_table())
"""

from parity.config import DEFAULT_TOLERANCES, RunConfig
from parity.engine import run
from parity.errors import InputError
from parity.report import Report

__all__ = ["DEFAULT_TOLERANCES", "InputError", "Report", "RunConfig", "run"]
