"""`parity sweep GRID.toml`: many runs in one command, a summary table, a failure if any fails.

    [base]                       # settings every run shares (any RunConfig field)
    steps = 200
    data = "random:64,4,3"

    [grid]                       # every combination of these
    loss = ["sse", "mse", "bce"]
    optimizer = ["sgd", "adam"]
    dtype = ["float32", "float64"]

    [[case]]                     # and runs of their own, on top of base
    hidden = [8, 8]
    hidden_activation = "tanh"
"""

from __future__ import annotations

import itertools
import sys
from dataclasses import dataclass
from typing import Any

from parity.errors import InputError
from parity.files import check_input

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib


@dataclass(frozen=True)
class SweepRun:
    settings: dict[str, Any]  # the fields this run sets, base included
    varied: dict[str, Any]  # the fields that tell it from the others


def read_grid(path: str) -> list[SweepRun]:
    """The runs a grid file describes, or one clear InputError."""
    check_input(path)
    try:
        with open(path, "rb") as file:
            document = tomllib.load(file)
    except FileNotFoundError:
        raise InputError(f"{path!r}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path!r} is a directory, not a grid file") from None
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"{path!r} is not a TOML grid: {error}") from None
    unknown = sorted(set(document) - {"base", "grid", "case"})
    if unknown:
        raise InputError(f"{path!r}: unknown table(s) {', '.join(unknown)}; expected [base], [grid] and [[case]]")
    base, grid, cases = document.get("base", {}), document.get("grid", {}), document.get("case", [])
    if not isinstance(base, dict) or not isinstance(grid, dict) or not isinstance(cases, list):
        raise InputError(f"{path!r}: [base] and [grid] are tables, [[case]] an array of tables")
    for key, values in grid.items():
        if not isinstance(values, list) or not values:
            raise InputError(f"{path!r}: grid.{key} must be a non-empty list of values")
    runs = []
    keys = list(grid)
    for values in itertools.product(*(grid[k] for k in keys)) if keys else ():
        varied = dict(zip(keys, values))
        runs.append(SweepRun({**base, **varied}, varied))
    runs += [SweepRun({**base, **case}, dict(case)) for case in cases if isinstance(case, dict)]
    if not runs:
        raise InputError(f"{path!r}: no runs: give a [grid] or at least one [[case]]")
    return runs
