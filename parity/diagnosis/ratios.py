"""Ratios between the two programs' tensors: the measurements the stage-by-stage diagnosis names things by."""

from __future__ import annotations

import math
from typing import Any, Iterable

import numpy as np

from parity.tolerance.diagnosis import RATIO_SPREAD


def numbers_written(trace: Any) -> set[float]:
    """The sizes of the numbers the program computes with as constants (an lr, 1 - β1, a count), 0 aside."""
    return {abs(i) for v in trace.values for i in v.inputs if isinstance(i, float) and i != 0.0}


def constant_ratio(numpy: np.ndarray, torch: np.ndarray) -> float | None:
    """numpy / torch where it is one number across the tensor (elements where torch is not near 0)."""
    a, b = np.ravel(np.asarray(numpy, np.float64)), np.ravel(np.asarray(torch, np.float64))
    big = np.abs(b) > 1e-3 * np.abs(b).max(initial=0.0)
    if not big.any():
        return None
    ratios = a[big] / b[big]
    middle = float(np.median(ratios))
    if middle == 0 or np.max(np.abs(ratios - middle)) > RATIO_SPREAD * abs(middle):
        return None
    return middle


def written_form(k: float, values: Iterable[Any], squares: bool = False) -> tuple[Any, float, str] | None:
    """The first number a program writes in one of `values` (an op's constant operand, not ±1) that k is, or one over
    it (with `squares`, its square too): (the value that writes it, the number, the form: "n", "n²", "1/n", "1/n²")."""
    for value in values:
        for n in (i for i in value.inputs if isinstance(i, float) and math.isfinite(i) and abs(abs(i) - 1) > 1e-9 and i):  # a
            # mask's fill of -inf is no constant of the chain rule (inf ≤ 1e-4·inf would match every factor)
            forms = ((n, "n"), (n * n, "n²"), (1 / n, "1/n"), (1 / (n * n), "1/n²"))
            for form, kind in (f for f in forms if squares or "²" not in f[1]):
                if abs(k - form) <= 1e-4 * abs(form):
                    return value, n, kind
    return None


def root_form(x: float) -> str:
    """"√n" or "1/√n" where x is the square root of a whole number n (or one over it) that is no square itself: the
    scale a program writes as math.sqrt(d) (an embedding's √d, attention's 1/√d); else ""."""
    for square, form in ((x * x, "√{}"), (1 / (x * x) if x else 0.0, "1/√{}")):
        n = round(square)
        if 2 <= n <= 65536 and abs(square - n) <= 1e-6 * n and round(math.sqrt(n)) ** 2 != n:
            return form.format(n)
    return ""


ONE_NUMBER = 2e-5  # a ratio of two single numbers (a loss) is as exact as their rounding: 1e-3 would take coincidences


def ratio_meaning(ratio: float, rows: int, tolerance: float = 1e-3) -> tuple[str, str] | None:
    for value, name, text in ((-1.0, "sign-flip", "the opposite sign"), (rows, "loss-reduction", f"{rows} times (the batch size): a sum where the other side takes a mean"),
                              (1 / rows, "loss-reduction", f"1/{rows} (one over the batch size): a mean where the other side sums"),
                              (2.0, "factor-2", "twice"), (0.5, "factor-2", "half")):
        if abs(ratio - value) <= tolerance * abs(value):
            return name, text
    return None


# Adam's bias corrections: the ratio numpy / torch a mechanism gives, as r ∝ (1 - β1^t)^p · √(1 - β2^t)^q, and what it means
ADAM_LAWS = ((1, 0, "the first moment's bias correction left out"), (0, -1, "the second moment's bias correction left out"),
             (1, -1, "both bias corrections left out"), (-1, 0, "the first moment's bias correction applied twice"),
             (0.5, -1, "v's bias correction computed with β1: v / (1 - β1^t) where it is v / (1 - β2^t)"),
             (1, -2, "m's bias correction computed with β2: m / (1 - β2^t) where it is m / (1 - β1^t)"))


# other ways to write a bias correction 1 - β^t, each on both moments or on one: the ratio numpy / torch it gives is
# (√c(β2, t) / c(β1, t)) / (√(1 - β2^t) / (1 - β1^t)), ε aside
CORRECTION_FORMS = {"(1 - β)^t, the power taken of the difference": lambda b, t: (1 - b) ** t,
                    "β^t, the '1 -' left out": lambda b, t: b ** t,
                    "1 - β·t, a product where the power belongs": lambda b, t: 1 - b * t}


def _correction_form(r: np.ndarray, t: np.ndarray, betas: tuple[float, float], tolerance: float) -> str | None:
    b1, b2 = betas
    for words, form in CORRECTION_FORMS.items():
        for which, c1, c2 in (("both bias corrections", form(b1, t), form(b2, t)), ("the first moment's", form(b1, t), 1 - b2 ** t),
                              ("the second moment's", 1 - b1 ** t, form(b2, t))):
            with np.errstate(all="ignore"):
                law = (np.sqrt(c2) / c1) / (np.sqrt(1 - b2 ** t) / (1 - b1 ** t))
            if np.all(np.isfinite(law)) and np.all(law > 0) and np.all(np.abs(r / law - 1) <= tolerance):
                return f"{which} written as {words}, where 1 - β^t belongs (ratios {', '.join(f'{x:.4g}' for x in r)})"
    return None


def step_law(r: np.ndarray, t: np.ndarray, betas: tuple[float, float] | None, adam_tolerance: float,
             exponential_tolerance: float, average: float | None = None) -> tuple[str, object] | None:
    """The law a ratio that moves with the step follows, over three steps or more: ("bias-correction", what) for Adam's
    corrections (betas given only for an Adam run), ("average-correction", what) for a moving average's (average: its β,
    for an ema-momentum run), ("step-counter", what), ("exponential", factor) for the same factor from step to step, ("linear", (side, a, b))."""
    if len(r) < 3:
        return None
    for p, q, what in ADAM_LAWS if betas else ():
        constant = r / ((1 - betas[0] ** t) ** p * np.sqrt(1 - betas[1] ** t) ** q)
        if np.all(np.abs(constant - constant[0]) <= adam_tolerance * abs(constant[0])):
            return "bias-correction", _with_constant(what, float(constant[0]), p, q, betas, adam_tolerance)
    form = _correction_form(r, t, betas, adam_tolerance) if betas else None
    if form:
        return "bias-correction", form
    if average:  # a moving average v = βv + (1 - β)g: bias-corrected, v / (1 - β^t), on one side only
        for side, law in (("NumPy", 1 / (1 - average ** t)), ("torch", 1 - average ** t)):
            if np.all(np.abs(r - law) <= adam_tolerance * np.abs(law)):
                return "average-correction", f"the moving average bias-corrected, v / (1 - β^t), on the {side} side only"
    counter = _counter_law(r, t, betas, adam_tolerance) if betas else None
    if counter:
        return "step-counter", counter
    cosine = _cosine(r, t, exponential_tolerance)
    if cosine:
        return "cosine", cosine
    factors = r[1:] / r[:-1]
    if np.all(np.abs(factors - factors[0]) <= exponential_tolerance * abs(factors[0])) and abs(factors[0] - 1) > exponential_tolerance:
        return "exponential", float(factors[0])
    for side, values in (("NumPy", r), ("torch", 1 / r)):  # one side's rate a straight line in the step: a warm-up or a decay
        slope, intercept = np.polyfit(t, values, 1)
        if abs(slope) * (t[-1] - t[0]) > exponential_tolerance * np.max(np.abs(values)) and np.all(
                np.abs(intercept + slope * t - values) <= exponential_tolerance * np.abs(values)):
            return "linear", (side, float(intercept), float(slope))
    return None


def _cosine(r: np.ndarray, t: np.ndarray, tolerance: float) -> tuple[str, float] | None:
    """One side's rate (1 + cos(π·(t - 1)/T))/2 of the other's: a cosine annealing over T steps (CosineAnnealingLR,
    eta_min 0), stepped once a step; T read at the step furthest along, then checked at every step."""
    for side, values in (("NumPy", r), ("torch", 1 / r)):
        if not np.all((values > 0) & (values <= 1 + tolerance)) or t[-1] <= 1 or np.min(values) > 1 - 10 * tolerance:
            continue
        angle = np.arccos(np.clip(2 * values[-1] - 1, -1, 1))
        if angle <= 0:
            continue
        T = float(np.pi * (t[-1] - 1) / angle)
        if np.all(np.abs((1 + np.cos(np.pi * (t - 1) / T)) / 2 - values) <= tolerance * np.maximum(values, 1e-12)):
            return side, (float(round(T)) if abs(T - round(T)) <= 1e-2 * T else T)
    return None


def _correction(t: np.ndarray, betas: tuple[float, float]) -> np.ndarray:
    """What Adam's two bias corrections multiply its step by at step t: √(1 - β2^t) / (1 - β1^t)."""
    return np.sqrt(1 - betas[1] ** t) / (1 - betas[0] ** t)


def _counter_law(r: np.ndarray, t: np.ndarray, betas: tuple[float, float], tolerance: float) -> str | None:
    """One side's corrections are those of step t + 1 (or t - 1): a step counter one ahead or one behind."""
    for shift, words in ((1, "one ahead (the corrections of step t + 1: a counter started at 1, or incremented before use)"),
                         (-1, "one behind (the corrections of step t - 1)")):
        if np.any(t + shift < 1):
            continue
        for side, law in (("torch", _correction(t, betas) / _correction(t + shift, betas)),
                          ("NumPy", _correction(t + shift, betas) / _correction(t, betas))):
            if np.all(np.abs(r - law) <= tolerance * np.abs(law)):
                return f"the {side} side's Adam step counter {words}"
    return None


def _with_constant(what: str, constant: float, p: int, q: int, betas: tuple[float, float], tolerance: float) -> str:
    """The law's constant read too: 1 where the corrections are as the law says; the first step's corrections kept
    for every step where the step counter never moves past 1; otherwise another factor besides (a learning rate)."""
    if abs(constant - 1) <= tolerance:
        return what
    frozen = (1 - betas[0]) ** -p * np.sqrt(1 - betas[1]) ** -q
    if p == 1 and q == -1 and abs(constant - frozen) <= tolerance * frozen:
        return "the step counter t stuck at 1: the first step's bias corrections applied at every step"
    return f"{what}, and a constant factor of {constant:.4g} besides"


CLIPPING_NORMS = {
    "the L2 norm of all the gradients together (torch.nn.utils.clip_grad_norm_)": lambda g: np.sqrt(sum(float(np.sum(v ** 2)) for v in g)),
    "the sum of the per-tensor L2 norms": lambda g: sum(float(np.linalg.norm(v)) for v in g),
    "the largest per-tensor L2 norm": lambda g: max(float(np.linalg.norm(v)) for v in g),
    "the L1 norm of all the gradients": lambda g: sum(float(np.abs(v).sum()) for v in g),
    "the largest absolute gradient (the inf-norm)": lambda g: max(float(np.abs(v).max()) for v in g),
    "the squared L2 norm of all the gradients (its square root left out)": lambda g: sum(float(np.sum(v ** 2)) for v in g),
}


def clipping_norms(gradients: dict[str, np.ndarray], ratio: float, tolerance: float = 1e-4) -> tuple[str, str] | None:
    """(the NumPy side's norm, the port's) where one factor on every gradient, numpy over torch, is the ratio of two
    clipping norms, c/N_numpy over c/N_torch: both sides clipped, each by its own norm of the same gradients."""
    values = [np.asarray(v, np.float64) for v in gradients.values()]
    if len(values) < 2:
        return None
    norms = {words: norm(values) for words, norm in CLIPPING_NORMS.items()}
    for numpy_words, numpy_norm in norms.items():
        for torch_words, torch_norm in norms.items():
            if numpy_words != torch_words and numpy_norm > 0 and abs(torch_norm / numpy_norm - ratio) <= tolerance * abs(ratio):
                return numpy_words, torch_words
    return _one_side_clips(norms, ratio, tolerance)


def _one_side_clips(norms: dict[str, float], ratio: float, tolerance: float) -> tuple[str, str] | None:
    """Only the NumPy side clipped: the factor is c / N for one norm N and a round max_norm c (two significant
    figures), and the port's global L2 norm is within c, so clip_grad_norm_ left its gradients alone."""
    global_l2 = next(iter(norms.values()))
    found = []
    for words, norm in norms.items():
        c = ratio * norm
        if 0 < ratio < 1 and c > 0 and abs(c - float(f"{c:.2g}")) <= tolerance * c and global_l2 <= c:
            found.append((words, float(f"{c:.2g}")))
    if len(found) != 1 or found[0][0] == next(iter(norms)):
        return None
    words, c = found[0]
    return f"{words} (max_norm {c:g})", f"the L2 norm of all the gradients, {global_l2:.4g}, within {c:g}: it clips nothing"


def schedule_form(r: np.ndarray, t: np.ndarray, tolerance: float) -> str | None:
    """A ratio of the two sides' learning rates read as a schedule, s = t - 1 steps taken before step t: (1 + k·s)^p
    (an inverse-time decay on one side, or a decay on one side and a growth on the other), or γ^((s mod P)/P) (a smooth
    decay γ^(s/P) against the staircase γ^(s//P) of StepLR)."""
    if len(r) < 4 or np.any(r <= 0):
        return None
    for s in (t - 1, t):
        for p in (-2, -1, 1, 2):
            base = r ** (1 / p)
            k = float(np.vdot(base - 1, s) / max(float(np.vdot(s, s)), 1e-300))
            if abs(k) > 1e-6 and np.all(np.abs(1 + k * s - base) <= tolerance * np.abs(base)):
                return _inverse_time(k, p)
        staircase = _staircase(r, s, tolerance)
        if staircase:
            return staircase
    return None


def cuts(r: np.ndarray, t: np.ndarray, tolerance: float) -> str | None:
    """A ratio constant for stretches of steps, each stretch the last one's times the same factor, from 1 before the
    first failing step: one side's learning rate cut by that factor now and then (StepLR, MultiStepLR,
    ReduceLROnPlateau), the other's not."""
    if len(r) < 3 or np.any(r <= 0):
        return None
    levels, starts = [1.0], []
    for value, step in zip(r, t):
        if abs(value - levels[-1]) > tolerance * abs(value):
            levels.append(float(value))
            starts.append(int(step))
    if len(levels) < 3:
        return None
    factors = np.array(levels[1:]) / np.array(levels[:-1])
    if np.ptp(factors) > 1e-3 * abs(factors[0]):
        return None
    side, cut = ("port", 1 / factors[0]) if factors[0] > 1 else ("NumPy", factors[0])
    return (f"the {side} side's learning rate is cut to {cut:.4g} of itself at steps {', '.join(map(str, starts))} and "
            f"held between: a step-wise schedule on that side only, or on both sides with factors {cut:.4g} apart (StepLR's "
            f"gamma at its default 0.1 where the other side's is 0.5) (StepLR or MultiStepLR, or ReduceLROnPlateau cutting "
            f"the rate when it sees no improvement: built with mode='max' and stepped with a falling loss, it cuts every "
            f"patience + 1 steps)")


def cumulative(r: np.ndarray) -> str | None:
    """A ratio whose step-to-step factor runs as an arithmetic sequence (0.4, 0.6, 0.8), from the first step's ratio as
    that sequence's term before: one side multiplies its rate by each step's factor, cumulatively (self.lr *= f(s),
    MultiplicativeLR), where the other sets it to lr0·f(s) (LambdaLR)."""
    factors = r[1:] / r[:-1]
    rising = factors[: next((i for i, f in enumerate(factors) if abs(f - 1) <= 1e-3), len(factors))]
    step = float(np.diff(rising)[0]) if len(rising) > 1 else 0.0
    if len(rising) < 3 or len(rising) == len(factors) or np.ptp(np.diff(rising)) > 1e-3 * abs(rising).max() or \
            abs(rising[0] - step - r[0]) > 1e-3 or abs(rising[-1] + step - 1) > 1e-3:
        return None  # a warm-up's factors reach 1 and stay there
    return (f"the ratio's step-to-step factor runs {', '.join(f'{f:.4g}' for f in rising)}, each step's factor of a "
            f"warm-up, from {r[0]:.4g} at the first: one side multiplies its rate by each step's factor cumulatively "
            "(self.lr *= f(s), MultiplicativeLR) where the other sets it to lr0·f(s) (LambdaLR)")


def _inverse_time(k: float, p: int) -> str:
    law = f"(1 + {abs(k):.4g}·s)^{p}" if k > 0 else f"(1 - {abs(k):.4g}·s)^{p}"
    if p == -2 and k > 0:
        return (f"the NumPy side's learning rate over the port's is {law}, s the steps taken: one side decays as "
                f"lr/(1 + {k:.4g}·s) while the other grows as lr·(1 + {k:.4g}·s), as 1 / 1 + k·s gives by precedence "
                "(1/1, then + k·s) where 1 / (1 + k·s) belongs")
    if p == 2 and k > 0:
        return (f"the port's learning rate over the NumPy side's is (1 + {k:.4g}·s)^2, s the steps taken: one side decays "
                f"as lr/(1 + {k:.4g}·s) while the other grows as lr·(1 + {k:.4g}·s), as 1 / 1 + k·s gives by precedence")
    side = "NumPy" if p < 0 else "port"
    return f"the {side} side's learning rate decays as lr/(1 + {abs(k):.4g}·s), s the steps taken (an inverse-time schedule) on that side only"


def _staircase(r: np.ndarray, s: np.ndarray, tolerance: float) -> str | None:
    for period in range(2, 26):
        fraction = (s % period) / period
        if not np.any(fraction) or not np.any(fraction == 0):
            continue
        c = float(np.vdot(np.log(r), fraction) / np.vdot(fraction, fraction))
        if abs(c) > 1e-6 and np.all(np.abs(np.exp(c * fraction) - r) <= tolerance * r):
            gamma, side = (np.exp(c), "NumPy") if c < 0 else (np.exp(-c), "port")
            return (f"the ratio is γ^((s mod {period})/{period}) with γ = {gamma:.4g}, s the steps taken: the {side} side "
                    f"decays smoothly as γ^(s/{period}) where the other steps down as a staircase γ^(s//{period}) (StepLR: "
                    "integer division, where true division gives a smooth decay)")
    return None


def data_axis(shape: tuple, ratio: float) -> tuple[int, int] | None:
    """The data axis (past the batch's) whose length is the ratio or its inverse, where exactly one is."""
    found = [(k, n) for k, n in enumerate(shape) if k > 0 and n > 2 and any(abs(r - n) <= 1e-3 * n for r in (ratio, 1 / ratio))]
    return found[0] if len(found) == 1 else None
