"""The member of the kit's family a user's program computes at step 1, stated only where a short run of that side
under the member's settings agrees with the kit's twin (VERIFY_STEPS steps)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from parity.diagnosis import family
from parity.diagnosis.finding import Finding
from parity.diagnosis.learning_rates import numpy_learning_rate
from parity.engine.loop import run_steps
from parity.engine.setup import Setup
from parity.errors import InputError

VERIFY_STEPS = 8  # a hypothesis about the run's settings must hold for this many steps (RAdam is SGD-like for 5)
MAX_VERIFIED = 6


def family_findings(setup: Setup, failure) -> list[Finding]:
    """For each of the user's own programs that parts from the kit at step 1: the family member it computes,
    stated only when a short run with that member's settings agrees."""
    if failure.step != 1 or setup.remake is None:
        return []
    X, y = setup.batch(1)
    found = []
    for side in setup.user_sides:
        before, record = (failure.numpy_before, failure.numpy_record) if side == "numpy" else (failure.torch_before, failure.torch_record)
        candidates = family.family_candidates(setup.config, setup.spec, before, X, y, record)
        verified = [c for c in candidates[:MAX_VERIFIED] if _holds(setup, c, side)]
        counts = (np.shape(X)[1] if np.ndim(X) == 2 else None, len(setup.data.X))
        if verified and (scaled := _gradients_scaled(setup, verified[0], side, np.asarray(y), counts)) is not None:
            found.append(scaled)
        elif verified:
            places = (setup.network or {}).get("parameters", {}) if side == "numpy" else {}
            found.append(family.finding(setup.config, side, verified[0], verified[1:], VERIFY_STEPS, places, np.asarray(y),
                                        *counts))
    if setup.user_sides == ("numpy", "torch"):
        found = [_between_two_programs(f) for f in found]
    return found


def _gradients_scaled(setup: Setup, best: family.Fit, side: str, y: np.ndarray, counts: tuple) -> Finding | None:
    """The run's own model at another learning rate, where the NumPy program names the run's learning rate (self.lr,
    LR) and no count of the data gives the factor: the factor is in its gradients, not its learning rate."""
    config = setup.config
    ratio = best.lr / config.lr
    if side != "numpy" or best.member != family.Member(setup.spec) or abs(ratio - 1) <= 1e-3 or ratio <= 0 or \
            family.reduction_reading(ratio, config, y, *counts) is not None:
        return None
    numpy_side = setup.make_sides()[0]
    rate = numpy_learning_rate(getattr(numpy_side, "names", None) or {"net": getattr(numpy_side, "net", None)})
    if rate is None or abs(rate - config.lr) > 1e-9 * config.lr:
        return None
    return Finding("gradient-scale", f"Every update of your NumPy program is {ratio:.6g} times the run's model's, in every "
                   f"layer (with --lr {best.lr:.6g} the first {VERIFY_STEPS} steps agree), yet the program steps with the "
                   f"run's learning rate ({rate:g}): the factor is in its gradients, {ratio:.6g} times the run's model's (a "
                   "factor of the loss or of its derivative lost or doubled: a chain-rule constant, a weight, a count).",
                   {"side": "numpy", "factor": ratio, "learning_rate": rate, "verified_steps": VERIFY_STEPS},
                   "Give the NumPy gradient every factor of its loss's derivative, and no other (the chain rule, the "
                   "loss's weights and reduction).", 0.8)


def _between_two_programs(finding: Finding) -> Finding:
    """Both programs are the user's: a flag that makes one agree with the kit makes the other disagree, so the advice
    names the program to change, never a flag the next run would contradict."""
    if finding.name != "model-family":
        return finding
    side = finding.evidence["side"]
    this, other = ("PyTorch", "NumPy") if side == "torch" else ("NumPy", "PyTorch")
    flags = " ".join(finding.evidence["flags"])
    explanation = finding.explanation.replace(
        f"Run with {flags} to compare like with like.",
        f"Your {other} program computes the run's model ({flags or 'the settings given'} is what sets them apart): "
        f"the two programs differ, and no flag makes both agree.")
    fix = f"Change your {this} program to compute what your {other} program does, or the other way round."
    return replace(finding, explanation=explanation, fix=fix, evidence={**finding.evidence, "between_programs": True})


def _holds(setup: Setup, candidate: family.Fit, side: str) -> bool:
    """Does a short run of that side against the kit's twin, under the candidate's settings, pass?"""
    try:
        config = replace(candidate.member.config(setup.config, candidate.lr), steps=VERIFY_STEPS)
        return run_steps(setup.remake(config, side, candidate.member.transposed)).passed
    except InputError:  # settings the kit cannot run (nesterov with dampening, say)
        return False
