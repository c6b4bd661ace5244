"""An operand both programs hold (computed once, when they were built, not from each batch) read as a statistic of the
data's columns: a mean, a median (NumPy's average of the two middle values, or the lower one, torch.median's), a
standard deviation or variance with ddof 0 or 1, a quantile, a range. Where the two sides hold different statistics,
both are said: the two libraries' functions of the same name that part here (np.std against torch.std, np.median
against torch.median).
"""

from __future__ import annotations

import numpy as np


def _sorted_middle(a: np.ndarray, lower: bool) -> np.ndarray:
    s = np.sort(a, axis=0)
    n = len(s)
    return s[(n - 1) // 2] if lower else s[n // 2]


STATISTICS = {
    "the column means (np.mean(X, axis=0))": lambda a: a.mean(axis=0),
    "the column medians as NumPy takes them (np.median: the average of the two middle values)": lambda a: np.median(a, axis=0),
    "the lower of the two middle values of each column (torch.median / Tensor.median: no averaging for an even count)":
        lambda a: _sorted_middle(a, True),
    "the upper of the two middle values of each column": lambda a: _sorted_middle(a, False),
    "the column standard deviations with ddof=0 (np.std's default, torch.std(unbiased=False))": lambda a: a.std(axis=0),
    "the column standard deviations with ddof=1 (torch.std's default, Bessel's correction)": lambda a: a.std(axis=0, ddof=1),
    "the column variances with ddof=0 (np.var's default)": lambda a: a.var(axis=0),
    "the column variances with ddof=1 (torch.var's default)": lambda a: a.var(axis=0, ddof=1),
    "the column minima": lambda a: a.min(axis=0),
    "the column maxima": lambda a: a.max(axis=0),
    "the column ranges (max - min)": lambda a: np.ptp(a, axis=0),
    "the columns' 25th percentiles (linear interpolation)": lambda a: np.quantile(a, 0.25, axis=0),
    "the columns' 75th percentiles (linear interpolation)": lambda a: np.quantile(a, 0.75, axis=0),
    "the columns' interquartile ranges (linear interpolation)": lambda a: np.subtract(*np.quantile(a, [0.75, 0.25], axis=0)),
}


def statistic_of(held: np.ndarray, data: np.ndarray | None) -> str | None:
    """Which statistic of the data's columns `held` is (one number per column); None where none is."""
    if data is None or data.ndim != 2 or len(data) < 2:
        return None
    values = np.ravel(held)
    if values.size != data.shape[1] or not np.ptp(data, axis=0).any():
        return None
    for words, statistic in STATISTICS.items():
        expected = statistic(data)
        if np.allclose(values, expected, rtol=1e-5, atol=1e-7 * max(float(np.abs(expected).max()), 1e-12)):
            return words
    return None


def held_statistics(numpy_operand: np.ndarray, port_operand: np.ndarray, data: np.ndarray | None) -> str:
    """The statistic each side holds, where both are read and they differ."""
    if data is None or data.ndim != 2:
        return ""
    columns = [np.asarray(o, np.float64).reshape(-1, data.shape[1]) if np.size(o) % data.shape[1] == 0 else None
               for o in (numpy_operand, port_operand)]
    if any(c is None or np.ptp(c, axis=0).max() > 1e-6 * max(float(np.abs(c).max()), 1e-12) for c in columns):
        return ""  # not one number per column
    read = [statistic_of(c[0], data) for c in columns]
    if None in read or read[0] == read[1]:
        return ""
    return f" Read against the whole data, the NumPy program holds {read[0]}; the port holds {read[1]}."
