"""Findings about numerics, not mathematics: dtypes, TF32, rounding, unstable formulas, overflow.

The float64 oracle decides most of them: when both sides compute the same
step in float64, what is left is how each rounds in float32.
"""

from __future__ import annotations

import math

import numpy as np

from parity.diagnosis.evidence import Evidence
from parity.diagnosis.finding import Finding
from parity.tolerance.diagnosis import FLOAT32_EPS, FLOAT64_NOISE


def dtype_mismatch(e: Evidence) -> Finding | None:
    for name, c in e.comparisons.items():
        if c.problem and c.problem.startswith("dtype"):
            numpy_dtype, torch_dtype = str(np.asarray(e.numpy_record[name]).dtype), str(np.asarray(e.torch_record[name]).dtype)
            return Finding(
                "dtype-mismatch",
                f"{name} is {numpy_dtype} on the NumPy side and {torch_dtype} on the torch side: "
                "a float64 array leaked into the computation (NumPy promotes silently).",
                {"tensor": name, "numpy_dtype": numpy_dtype, "torch_dtype": torch_dtype, "run_dtype": e.config.dtype},
                "Create every array with the run's dtype (np.zeros(shape, dtype=X.dtype)); cast data and weights once, "
                "at the start; give torch and NumPy the same dtype.",
                1.0,
            )
    return None


def leak_beside(name: str) -> Finding:
    """The float64 leak, said beside what still parts the programs when both run in float64."""
    return Finding("dtype-mismatch", f"Also: {name} is float64 on the NumPy side in a float32 run: a float64 array or "
                   "scalar leaked into the computation (NumPy promotes silently). It is not the whole story: run in "
                   "float64, the programs still part, as said above.", {"tensor": name, "beside": True},
                   "Create every array and scalar in the run's dtype (np.float32(c), arrays with dtype=X.dtype).", 0.5)


def tf32(e: Evidence) -> Finding | None:
    oracle = e.oracles.get("float64")
    if not (e.environment.get("tf32_matmul") and oracle):
        return None
    worse = {n: t for n, t in oracle["tensors"].items() if t.get("same_in_float64") and t["closer"] == "numpy"}
    if not worse or not all(t.get("same_in_float64") for t in oracle["tensors"].values()):
        return None
    name, t = max(worse.items(), key=lambda item: item[1]["torch_error"])
    return Finding(
        "tf32",
        "TF32 matmuls on the GPU: torch rounds its float32 matmul inputs to 10 mantissa bits, "
        "so it is the side far from the float64 result.",
        {"tensor": name, "torch_error_vs_float64": t["torch_error"], "numpy_error_vs_float64": t["numpy_error"]},
        "Leave TF32 off for a parity check (drop --allow-tf32; torch.backends.cuda.matmul.allow_tf32 = False), "
        "or loosen the tolerance to TF32's precision.",
        0.97,
    )


def rounding_noise(e: Evidence) -> Finding | None:
    if any(c.problem for c in e.comparisons.values()):
        return None  # a shape or dtype that differs is never rounding
    oracle = e.oracles.get("float64")
    if oracle is not None:
        if oracle["verdict"] != "rounding" or e.environment.get("tf32_matmul"):
            return None
        failing = {n: oracle["tensors"][n] for n in e.comparisons if e.failed(n) and n in oracle["tensors"]}
        return Finding(
            "rounding-noise",
            "Rounding noise, not a bug: in float64 both sides compute the same step, and the NumPy side's float32 "
            "result is as close to float64 as a plain float32 computation is. The tolerance is tighter than float32 rounding.",
            {"tensors": {n: {"numpy_error": t["numpy_error"], "torch_error": t["torch_error"]} for n, t in failing.items()}},
            _looser_tolerance(e),
            0.99,
        )
    if e.config.dtype != "float64":
        return None
    worst = max((e.comparisons[n].max_abs / max(np.abs(e.torch(n)).max(), 1e-300) for n in e.comparisons if e.failed(n)), default=1.0)
    if worst > FLOAT64_NOISE:
        return None
    return Finding(
        "rounding-noise",
        "Rounding noise, not a bug: the float64 sides differ by a few units in the last place.",
        {"largest_difference_relative_to_scale": worst},
        _looser_tolerance(e),
        0.95,
    )


def _looser_tolerance(e: Evidence) -> str:
    """The least --atol that passes the whole run (the run's own minimum, so it never moves), else twice this step's."""
    if e.minimum_atol is not None and math.isfinite(e.minimum_atol):
        atol, whole = _rounded_up(e.minimum_atol), "every step of this run"
    else:
        atol, whole = _rounded_up(2 * max((c.max_abs for c in e.comparisons.values() if not c.passed), default=0.0)), "this step"
    return (f"The tolerance is tighter than this run's rounding (long float32 sums over a batch round more than "
            f"torch.testing.assert_close's elementwise defaults allow): --atol {atol:.2g} is the least that passes "
            f"{whole} at --rtol {e.config.tolerances[0]:g}; or run in float64.")


def _rounded_up(value: float) -> float:
    """Up to two significant digits, never down: a suggested tolerance must pass."""
    if value <= 0:
        return 0.0
    unit = 10.0 ** (math.floor(math.log10(value)) - 1)
    return math.ceil(value / unit * (1 - 1e-12)) * unit


def _same_in_float64(e: Evidence) -> dict[str, dict]:
    """The failing tensors' float64-oracle results, where every one of them is the same mathematics in float64
    (and TF32 is off); else empty."""
    oracle = e.oracles.get("float64")
    if oracle is None or e.environment.get("tf32_matmul"):
        return {}
    failing = {n: oracle["tensors"][n] for n in e.comparisons if e.failed(n) and n in oracle["tensors"]}
    return failing if failing and all(t["same_in_float64"] for t in failing.values()) else {}


def unstable_formula(e: Evidence) -> Finding | None:
    failing = _same_in_float64(e)
    if not failing:
        return None
    worse = [n for n, t in failing.items() if not t["numpy_within_rounding"] and not _within_summation(e, n, t)]
    if not worse:
        return None
    name, t = worse[0], failing[worse[0]]
    factor = t["numpy_error"] / max(t["torch_error"], 1e-300)
    return Finding(
        "unstable-formula",
        f"In float64 both sides compute the same {name}, but the NumPy side's float32 result is {factor:.3g} times further "
        "from it than torch's: the NumPy code uses a form that loses digits in float32, such as log(1 - σ(z)) as σ(z) → 1, "
        "where torch works from the logits.",
        {"tensor": name, "numpy_error_vs_float64": t["numpy_error"], "torch_error_vs_float64": t["torch_error"]},
        "Compute cross-entropy from the logits, max(z, 0) - z y + log(1 + e^-|z|); avoid subtracting nearly equal numbers.",
        0.9,
    )


def summation_order(e: Evidence) -> Finding | None:
    """A float32 sum over the batch taken in another order: NumPy adds the rows of a column one after another,
    whose error grows with the number of rows, where torch sums pairwise. The same mathematics, not a bug."""
    failing = _same_in_float64(e)
    if not failing:
        return None
    summed = [n for n, t in failing.items() if not t["numpy_within_rounding"] and _within_summation(e, n, t)]
    if not summed or not all(t["numpy_within_rounding"] or n in summed for n, t in failing.items()):
        return None
    t = failing[summed[0]]
    return Finding(
        "summation-order",
        f"Rounding, not a bug: in float64 both sides compute the same step. The NumPy side's {summed[0]} is further from "
        f"float64 than torch's ({t['numpy_error']:.3g} against {t['torch_error']:.3g}) but within what a float32 sum of "
        f"{e.n} rows may lose when the rows are added one after another, as NumPy does down a column, where torch sums pairwise.",
        {"tensors": summed, "rows": e.n, "numpy_error_vs_float64": t["numpy_error"], "torch_error_vs_float64": t["torch_error"]},
        _looser_tolerance(e),
        0.95,
    )


def _within_summation(e: Evidence, name: str, t: dict) -> bool:
    """Is this error within a float32 sum of the batch's rows added in sequence: rows · eps · |sum|?
    Only for tensors summed over the batch; |sum| understates Σ|terms|, so the bound errs toward blaming."""
    if name.startswith(("hidden", "output")) or e.config.dtype != "float32":
        return False
    return t["numpy_error"] <= e.n * FLOAT32_EPS * t.get("scale", 0.0)


def divergence(summary: dict) -> Finding:
    """One side produced NaN/Inf while the other stayed finite (from the engine's Divergence.to_dict())."""
    blown = "the NumPy" if summary["numpy_tensor"] else "the torch"
    return Finding(
        "divergence",
        f"{summary['summary'][0].upper()}{summary['summary'][1:]}: {blown} side overflowed while the other stayed finite.",
        summary,
        "Look for an overflow on that side (an exp of a large value, a sum that grows with the batch); a lower learning rate keeps both finite.",
        0.99,
    )


def rounding_growth(step: int, lockstep_max_abs: float) -> Finding:
    """A free run failed where a lockstep run of the same length passes: drift, not a bug."""
    return Finding(
        "rounding-growth",
        f"Each single step agrees (lockstep, max abs difference {lockstep_max_abs:.3g} over {step} steps), but the two "
        f"independent runs drift apart as rounding accumulates, past the tolerance at step {step}.",
        {"lockstep_max_abs": lockstep_max_abs, "free_first_failure_step": step},
        "Not a porting bug. Use --mode lockstep for a parity gate, run in float64, or loosen the tolerance for free runs.",
        0.98,
    )


def shape_change(names: list[str], init: dict, record: dict, step: int) -> Finding:
    """A parameter of the NumPy side left the step with another shape than it started with."""
    changes = ", ".join(f"{n} {tuple(np.shape(init[n]))} -> {tuple(np.shape(record[n]))}" for n in names)
    return Finding(
        "shape-change",
        f"A parameter changed shape during step {step}: {changes}. Broadcasting let the update through: "
        "a (h,) bias minus a (1, h) gradient is (1, h), and a (1, h) bias minus an (n, h) one is (n, h).",
        {"step": step, "tensors": names, "shapes": {n: [list(np.shape(init[n])), list(np.shape(record[n]))] for n in names}},
        "Give each gradient its parameter's shape: sum a bias's delta over the batch with the parameter's own "
        "keepdims, or reshape it (grad.reshape(b.shape)).",
        0.98,
    )


def precision_loss(e: Evidence) -> Finding | None:
    """A tensor that equals torch's rounded to float16 or bfloat16: it went through a narrower type."""
    failing = [n for n in e.comparisons if e.failed(n) and not e.comparisons[n].problem]
    if not failing:
        return None
    name = failing[0]
    torch_value = e.torch(name)
    narrower = {"float16": torch_value.astype(np.float16).astype(np.float64), "bfloat16": _bfloat16(torch_value)}
    for kind, rounded in narrower.items():
        if np.array_equal(rounded, e.numpy(name)) and not np.array_equal(rounded, torch_value):
            return Finding(
                "precision-loss",
                f"The NumPy {name} is torch's rounded to {kind}: it went through a {kind} array on the way.",
                {"tensor": name, "type": kind},
                f"Keep every array in the run's dtype ({e.config.dtype}); look for an astype or a {kind} buffer.",
                0.96,
            )
    return None


def narrower_arithmetic(note: str, dtype: str) -> Finding:
    """The port's step computed in a narrower float type than the run's (seen by the run at its first step)."""
    kinds = note.split("computes in ")[1].split(" (")[0]
    return Finding(
        "precision-loss",
        f"Your PyTorch port's step computes in {kinds}, narrower than the run's {dtype}: torch.autocast, .half() or "
        f".bfloat16() in its step or model. Its parameters and gradients stay {dtype}, but each operation rounds to "
        f"{kinds}, so the difference from the NumPy side is that rounding, not {dtype}'s, and no float64 copy of the "
        "port reproduces it.",
        {"side": "torch", "types": kinds.split(" and ")},
        f"Run the port's step in {dtype} (leave torch.autocast out of the check), or check in the precision it trains in.",
        0.97,
    )


def _bfloat16(values: np.ndarray) -> np.ndarray:
    """Round to bfloat16 (float32 with 7 mantissa bits), to nearest even."""
    bits = values.astype(np.float32).view(np.uint32).astype(np.uint64)
    rounded = ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16 << 16).astype(np.uint32)
    return rounded.view(np.float32).astype(np.float64)
