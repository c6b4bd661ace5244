"""Why parity failed: ranked findings about the first failing step.

Two oracles settle which side departs from the mathematics (oracles.py).
Then every rule looks at the evidence of the first failing step (both
records, the weights both sides started it from, the data) and either says
nothing or returns a Finding with a score: how well the numbers fit it.
Two kinds of rule, one module per family under rules/:

- signatures: a constant ratio between the NumPy and torch gradients or
  updates (-1: a sign flip; n*k: a sum where torch takes a mean; 1-β: a
  momentum average that starts from zero);
- hypotheses: the tensor recomputed in float64 as the suspected bug would
  compute it, which must then match what the NumPy side produced.

The torch twin is the reference throughout: findings describe the NumPy side.
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from parity.diagnosis.evidence import Evidence
from parity.diagnosis.finding import Finding
from parity.diagnosis.oracles import finite_difference_oracle, float64_oracle
from parity.diagnosis.rules import backward, forward, loss, numerics, optimizer
from parity.engine.loop import run_steps
from parity.engine.result import RunResult
from parity.engine.setup import Setup

RULES = (
    numerics.dtype_mismatch, numerics.tf32, numerics.rounding_noise, numerics.unstable_formula,
    loss.target_broadcast, forward.missing_bias, forward.transposed_weight, backward.sign_flip,
    loss.loss_scale, backward.activation_derivative, backward.hidden_layer_backprop, backward.bias_gradient,
    optimizer.wrong_layer_update, optimizer.optimizer_convention,
)

NOT_A_BUG = {"rounding-noise", "tf32"}


class Diagnosis(NamedTuple):
    findings: list[Finding]  # most likely first
    oracles: dict


def findings(evidence: Evidence) -> list[Finding]:
    found = sorted((f for rule in RULES if (f := rule(evidence)) is not None), key=lambda f: -f.score)
    if found and found[0].name in NOT_A_BUG:
        # the float64 oracle saw the same mathematics on both sides: no porting bug to suggest beside it
        return [f for f in found if f.name in NOT_A_BUG]
    return found


def diagnose(setup: Setup, result: RunResult) -> Diagnosis:
    """Ranked findings for a failed run, most likely first, and the oracles' results."""
    failure = result.failure_context
    if failure is None:
        return Diagnosis([], {})
    if result.divergence and result.divergence["step"] == failure.step:
        return Diagnosis([numerics.divergence(result.divergence)], {})
    if setup.config.mode == "free":
        return _diagnose_free(setup, failure.step)
    oracles = {}
    if setup.config.dtype == "float32":
        oracles["float64"] = float64_oracle(setup, failure)
    if any(not result.tensors[g].passed for g in result.tensors if g.endswith((".grad", ".update"))):
        fd = finite_difference_oracle(setup.config, *setup.batch(failure.step), failure)
        if fd["tensors"]:  # none where only updates of a stateful optimizer were recorded
            oracles["finite_difference"] = fd
    return Diagnosis(findings(Evidence(setup, failure, oracles)), oracles)


def _diagnose_free(setup: Setup, step: int) -> Diagnosis:
    """Free runs drift; a lockstep run of the same length tells drift from a bug."""
    lockstep_setup = replace(setup, config=replace(setup.config, mode="lockstep", steps=step))
    lockstep = run_steps(lockstep_setup)
    if lockstep.passed:
        worst = max(s.max_abs for s in lockstep.tensors.values())
        return Diagnosis([numerics.rounding_growth(step, worst)], {})
    found, oracles = diagnose(lockstep_setup, lockstep)
    return Diagnosis(found, {**oracles, "lockstep_first_failure": lockstep.first_failure.to_dict()})
