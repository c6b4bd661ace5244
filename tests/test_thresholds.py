"""Each diagnosis threshold at its edge: just inside it the finding holds, just outside it does not.

The edges are written here as numbers, not read from the constants: a
threshold that moves must fail a test, and be moved here too, on purpose.
"""

from types import SimpleNamespace

import numpy as np
import pytest

from parity.diagnosis.evidence import Evidence, common_ratio
from parity.tolerance.diagnosis import MATCH_TOLERANCE, RATIO_TOLERANCE
from parity.diagnosis.oracles import _rounding_of
from parity.tolerance.diagnosis import FLOAT32_EPS
from parity.diagnosis.rules.numerics import rounding_noise

RATIO_EDGE = {"float32": 1e-2, "float64": 1e-6}
MATCH_EDGE = {"float32": 1e-4, "float64": 1e-10}
SAME_MATHEMATICS_EDGE = 1e-9
FLOAT64_NOISE_EDGE = 1e-12
ROUNDING_FACTOR_EDGE, ROUNDING_ULPS_EDGE = 4, 8
from parity.engine.compare import compare

BASE = np.array([1.0, -2.0, 3.0, -4.0])
DIRECTION = np.array([1.0, 1.0, -1.0, 1.0])  # a perturbation orthogonal to nothing in particular


def test_the_thresholds_are_the_ones_pinned_here():
    assert RATIO_TOLERANCE == RATIO_EDGE and MATCH_TOLERANCE == MATCH_EDGE


def evidence(dtype: str, numpy: dict, torch: dict) -> SimpleNamespace:
    return SimpleNamespace(
        ratio_tolerance=RATIO_TOLERANCE[dtype], match_tolerance=MATCH_TOLERANCE[dtype],
        numpy=lambda name: np.asarray(numpy[name], dtype=np.float64), torch=lambda name: np.asarray(torch[name], dtype=np.float64),
    )


def perturbed(relative: float) -> np.ndarray:
    """BASE plus a perturbation of this size relative to BASE (in norm), along DIRECTION minus its BASE component."""
    d = DIRECTION - BASE * np.vdot(DIRECTION, BASE) / np.vdot(BASE, BASE)
    return BASE + d / np.linalg.norm(d) * relative * np.linalg.norm(BASE)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_a_common_ratio_holds_within_the_ratio_tolerance_and_not_beyond(dtype):
    tolerance = RATIO_EDGE[dtype]
    for relative, holds in ((0.5 * tolerance, True), (2 * tolerance, False)):
        e = evidence(dtype, {"g": -perturbed(relative)}, {"g": BASE})
        ratio = common_ratio(e, ["g"], lambda side, name: getattr(e, side)(name))
        assert (ratio is not None) == holds, (relative, ratio)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_a_hypothesis_matches_within_the_match_tolerance_and_not_beyond(dtype):
    tolerance = MATCH_EDGE[dtype]
    for relative, holds in ((0.5 * tolerance, True), (2 * tolerance, False)):
        e = evidence(dtype, {"g": perturbed(relative)}, {"g": BASE})
        assert Evidence.matches(e, BASE, "g") == holds


def records(float64_gap: float, numpy_error: float, torch_error: float) -> dict:
    t64 = BASE * 0.5  # scale 2
    sides = {"torch64": t64, "numpy64": t64 + float64_gap * DIRECTION / 2, "numpy32": t64 + numpy_error * DIRECTION, "torch32": t64 + torch_error * DIRECTION}
    return {side: {"g": value} for side, value in sides.items()}


def test_the_float64_oracle_calls_it_the_same_mathematics_only_within_its_threshold():
    scale = 2.0
    inside = _rounding_of("g", records(2 * 0.5 * SAME_MATHEMATICS_EDGE * scale, 0, 0))
    outside = _rounding_of("g", records(2 * 2 * SAME_MATHEMATICS_EDGE * scale + 2e-13, 0, 0))
    assert inside["same_in_float64"] and not outside["same_in_float64"]


def test_a_float32_side_rounds_like_float32_only_within_its_bound():
    scale, torch_error = 2.0, 1e-7
    bound = ROUNDING_FACTOR_EDGE * torch_error + ROUNDING_ULPS_EDGE * FLOAT32_EPS * scale
    assert _rounding_of("g", records(0, 0.9 * bound, torch_error))["numpy_within_rounding"]
    assert not _rounding_of("g", records(0, 1.1 * bound, torch_error))["numpy_within_rounding"]
    # each term on its own: the factor with no ulps, the ulps with no torch error
    assert not _rounding_of("g", records(0, 1.1 * ROUNDING_ULPS_EDGE * FLOAT32_EPS * scale, 0.0))["numpy_within_rounding"]


def test_float64_rounding_noise_only_within_its_threshold():
    torch = np.array([1.0, 2.0, 4.0])

    def finding(relative: float):
        numpy = torch + np.array([0.0, 0.0, relative * 4.0])
        c = compare(numpy, torch, 0.0, 0.0, "float64")
        e = SimpleNamespace(comparisons={"w": c}, oracles={}, environment={}, config=SimpleNamespace(dtype="float64"),
                            failed=lambda name: True, torch=lambda name: torch)
        return rounding_noise(e)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("parity.diagnosis.rules.numerics._looser_tolerance", lambda e: "loosen")
        assert finding(0.5 * FLOAT64_NOISE_EDGE) is not None
        assert finding(2 * FLOAT64_NOISE_EDGE) is None
