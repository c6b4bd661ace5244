"""Training data: the built-in XOR table, synthetic data, or the user's file.

Whatever the source, the result is X of shape (n, inputs) and y of shape
(n, outputs), finite, in the run's dtype. A y given as (n,) is read as one
target per row and becomes (n, 1): a 1-D target broadcasting against a
(n, 1) output is a porting bug, never the kit's.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass

import numpy as np

from parity import files
from parity.config.config import RunConfig
from parity.errors import InputError
from parity.memory import check_fits


CSV_MEMORY_FACTOR = 4
# Losses whose targets are probabilities, as torch's BCE and cross-entropy (with class probabilities) take them
TARGETS_IN_0_1 = ("bce", "bce-sum", "ce", "ce-sum")


@dataclass(frozen=True)
class Dataset:
    X: np.ndarray
    y: np.ndarray
    source: str


def load_dataset(spec: str, dtype: str, seed: int = 0, target: tuple[str, ...] = (), one_hot: bool = False) -> Dataset:
    """spec: 'xor', 'random:N,D[,K]', or a path to a .npz (X, y) or .csv file.

    one_hot: random data gets one-hot targets (for a softmax and cross-entropy).
    """
    if os.path.isdir(spec):
        raise InputError(f"--data {spec!r} is a directory, not a file")
    if spec == "xor":
        X, y = xor()
    elif spec.startswith("random:"):
        X, y = random_data(spec, seed, one_hot)
    elif spec.lower().endswith(".npz"):
        X, y = read_npz(spec)
    elif spec.lower().endswith(".csv"):
        X, y = read_csv(spec, target)
    else:
        raise InputError(f"--data {spec!r}: expected xor, random:N,D[,K], or a .npz or .csv file")
    if target and not spec.lower().endswith(".csv"):
        raise InputError("--target only applies to .csv data")
    X, y = _checked(X, y, spec)
    for name, array in (("X", X), ("y", y)):
        _check_integers_fit(name, array, dtype, spec, text=spec.lower().endswith(".csv"))
    with np.errstate(over="ignore"):  # an overflow is reported below, as one line
        X, y = X.astype(dtype), y.astype(dtype)
    for name, array in (("X", X), ("y", y)):
        if not np.isfinite(array).all():
            raise InputError(f"{spec}: {name} holds values beyond the range of {dtype} (largest magnitude "
                             f"{np.finfo(dtype).max:.3g}); scale the data or use --dtype float64")
    return Dataset(X=X, y=y, source=spec)


def dataset_for(config: RunConfig) -> Dataset:
    """The run's data, refused where its loss cannot take its targets."""
    data = load_dataset(config.data, config.dtype, config.seed, config.target, one_hot=config.output_activation == "softmax")
    if config.loss in TARGETS_IN_0_1:
        outside = (data.y < 0) | (data.y > 1)
        if outside.any():
            row, column = np.argwhere(outside)[0]
            raise InputError(f"{data.source}: y holds {data.y[row, column]:g} at row {row}, column {column}; --loss {config.loss} "
                             "takes targets in [0, 1] (probabilities; for classes, one-hot rows)")
    return data


def xor() -> tuple[np.ndarray, np.ndarray]:
    """The XOR table with a constant third input, the classic from-scratch example."""
    X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=np.float64)
    y = np.array([[0], [1], [1], [0]], dtype=np.float64)
    return X, y


def random_data(spec: str, seed: int, one_hot: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """N rows of D standard-normal inputs; K 0/1 targets from a random linear teacher.

    one_hot: each row's target is the teacher's largest output, one-hot over K classes.
    """
    try:
        sizes = [int(part) for part in spec.removeprefix("random:").split(",")]
    except ValueError:
        sizes = []
    if len(sizes) not in (2, 3) or min(sizes) < 1:
        raise InputError(f"--data {spec!r}: expected random:N,D or random:N,D,K with positive integers")
    n, d, k = sizes if len(sizes) == 3 else (*sizes, 1)
    check_fits(8 * n * (d + 2 * k), f"--data {spec!r}", "ask for fewer rows or columns")
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d))
    teacher = rng.standard_normal((d, k))
    if one_hot:
        return X, np.eye(k)[np.argmax(X @ teacher, axis=1)]
    return X, (X @ teacher > 0).astype(np.float64)


def read_npz(path: str) -> tuple[np.ndarray, np.ndarray]:
    arrays = files.read_npz(path, "--data")
    missing = [name for name in ("X", "y") if name not in arrays]
    if missing:
        found = ", ".join(arrays) or "nothing"
        raise InputError(f"--data {path!r}: the .npz has no array {' or '.join(missing)} (found {found})")
    return arrays["X"], arrays["y"]


def read_csv(path: str, target: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Numeric CSV, an optional header row; the last column is y unless target names others."""
    files.check_input(path, "--data")
    # read whole, each cell a Python string: at least CSV_MEMORY_FACTOR times the file's size
    check_fits(CSV_MEMORY_FACTOR * os.path.getsize(path), f"--data {path!r}", "give a smaller file, or save it as .npz")
    try:
        with open(path, newline="") as file:
            rows = [row for row in csv.reader(file) if row and any(cell.strip() for cell in row)]
    except (UnicodeDecodeError, csv.Error) as error:
        raise InputError(f"{path}: not a readable CSV file ({error})") from None
    if not rows:
        raise InputError(f"{path}: the file holds no data")
    header = rows[0] if not _is_numeric_row(rows[0]) else None
    body = rows[1:] if header else rows
    if not body:
        raise InputError(f"{path}: the file holds a header but no data rows")
    width = len(rows[0])
    table = np.empty((len(body), width))
    first_line = 2 if header else 1
    for offset, row in enumerate(body):
        line = first_line + offset
        if len(row) != width:
            raise InputError(f"{path}: line {line} has {len(row)} columns, the first line has {width}")
        try:
            table[offset] = [float(cell) for cell in row]
        except ValueError:
            raise InputError(f"{path}: line {line} is not all numbers: {','.join(row)[:60]!r}") from None
    if width < 2:
        raise InputError(f"{path}: needs at least two columns (inputs and a target)")
    targets = [_column_index(name, header, width, path) for name in target] or [width - 1]
    inputs = [column for column in range(width) if column not in targets]
    if not inputs:
        raise InputError(f"{path}: --target takes every column, leaving no inputs")
    return table[:, inputs], table[:, targets]


def _is_numeric_row(row: list[str]) -> bool:
    try:
        [float(cell) for cell in row]
    except ValueError:
        return False
    return True


def _column_index(name: str, header: list[str] | None, width: int, path: str) -> int:
    if header and name in [cell.strip() for cell in header]:
        return [cell.strip() for cell in header].index(name)
    if re.fullmatch(r"-?[0-9]+", name) and -width <= int(name) < width:  # isdigit() takes '²' too
        return int(name) % width
    known = f"columns {', '.join(cell.strip() for cell in header)}" if header else f"indices 0..{width - 1}"
    raise InputError(f"{path}: --target {name!r} names no column (known: {known})")


def _checked(X: np.ndarray, y: np.ndarray, source: str) -> tuple[np.ndarray, np.ndarray]:
    for name, array in (("X", X), ("y", y)):
        if array.dtype.kind not in "biuf":
            raise InputError(f"{source}: {name} has dtype {array.dtype}; expected numbers (int or float)")
    if y.ndim == 1:
        y = y.reshape(-1, 1)
    if X.ndim != 2 or y.ndim != 2:
        raise InputError(f"{source}: X must be 2-D and y 1-D or 2-D, got X {X.shape} and y {y.shape}")
    if X.shape[0] != y.shape[0]:
        raise InputError(f"{source}: X has {X.shape[0]} rows but y has {y.shape[0]}")
    if X.size == 0 or y.size == 0:
        raise InputError(f"{source}: empty data, X {X.shape} and y {y.shape}")
    for name, array in (("X", X), ("y", y)):
        bad = ~np.isfinite(array.astype(np.float64))
        if bad.any():
            row, column = np.argwhere(bad)[0]
            raise InputError(f"{source}: {name} holds {array[row, column]} at row {row}, column {column}; data must be finite")
    return X, y


def _check_integers_fit(name: str, array: np.ndarray, dtype: str, source: str, text: bool) -> None:
    """Refuse an integer of the data that the run's dtype cannot hold exactly (above 2^24 in float32, 2^53 in
    float64, an odd part too wide for the significand): the cast would change the data unseen. Integers are an
    integer array's values, and a CSV's integral numbers (text, within float64's exact range); a float array's
    values are floats, rounded to the dtype as floats are."""
    digits = np.finfo(dtype).nmant + 1
    if array.dtype.kind in "iu":
        big = np.abs(array.astype(np.float64)) >= 2.0 ** digits  # a first pass, for the few values that may not fit
        values = [int(v) for v in array[big]]
        wide = [v for v in values if (abs(v) >> ((abs(v) & -abs(v)).bit_length() - 1)).bit_length() > digits]
    elif text and array.dtype.kind == "f" and np.dtype(dtype).itemsize < array.dtype.itemsize:
        big = (np.abs(array) > 2.0 ** digits) & (np.abs(array) <= 2.0 ** 53) & (array == np.round(array))
        wide = [float(v) for v in array[big] if float(v) != float(np.asarray(v).astype(dtype))]
    else:
        return
    if wide:
        row, column = np.argwhere(array == wide[0])[0]
        shown = int(wide[0])
        raise InputError(f"{source}: {name} holds the integer {shown} at row {row}, column {column}, which {dtype} cannot hold "
                         f"exactly (integers beyond 2^{digits} lose digits); {'use --dtype float64 or ' if dtype != 'float64' else ''}"
                         "scale or re-code that column")
