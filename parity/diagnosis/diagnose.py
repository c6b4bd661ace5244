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

import os
from dataclasses import replace
from typing import NamedTuple

import numpy as np

from parity.diagnosis.evidence import Evidence
from parity.diagnosis import family
from parity.diagnosis.absent import absent_parameter
from parity.diagnosis.determinism import randomness_finding
from parity.diagnosis.distributed import distributed_findings
from parity.diagnosis.finding import Finding
from parity.diagnosis.port_forward import port_forward_finding
from parity.diagnosis.port_optimizer import port_optimizer_finding
from parity.diagnosis.port_backward import piled_hooks_finding
from parity.diagnosis.readings import CONFIDENT, adam_reading, measured_stage, silent_if_unmeasurable
from parity.diagnosis.update_law import update_law_finding
from parity.diagnosis.inputs import written_inputs_finding
from parity.diagnosis.shared_factor import shared_factor
from parity.diagnosis.step_laws import step_law_finding
from parity.diagnosis.unknown import unknown
from parity.diagnosis.family_settings import family_findings
from parity.diagnosis.kit_trace import traced_finding
from parity.diagnosis.stages import diagnose_written
from parity.diagnosis.oracles import finite_difference_oracle, float64_oracle, update_ratio_oracle
from parity.diagnosis.rules import backward, bias, derivatives, forward, loss, numerics, optimizer, output_delta, ports, variants
from parity.engine.compare import minimum_tolerance
from parity.engine.loop import run_steps
from parity.engine.result import RunResult
from parity.engine.setup import Setup
from parity.errors import InputError

RULES = (
    ports.not_updated, ports.rows_not_moved, ports.weight_decay, ports.updates_accumulated, ports.one_element,
    numerics.dtype_mismatch, numerics.tf32, numerics.rounding_noise, numerics.summation_order, numerics.unstable_formula, forward.rounded_input,
    numerics.precision_loss, forward.activation_twice,
    loss.target_broadcast, loss.broadcast_target_update, loss.output_twice_update, forward.missing_bias, forward.bias_scaled, forward.transposed_weight, forward.activation_function,
    backward.sign_flip, loss.loss_scale, loss.regularisation, loss.dropped_rows, backward.activation_derivative,
    backward.layer_input, backward.gradient_accumulation, backward.hidden_layer_backprop, bias.bias_gradient,
    bias.gradient_scale, loss.loss_function, output_delta.output_delta, derivatives.measured_derivative,
    optimizer.wrong_layer_update, optimizer.replaced_by_step, variants.optimizer_variant, variants.decay_signs,
    optimizer.optimizer_convention, optimizer.no_update,
    optimizer.state_convention,
)

NOT_A_BUG = {"rounding-noise", "tf32", "summation-order"}
LAWS_OF_THE_STEP = {"learning-rate-schedule", "bias-correction", "gradient-clipping"}


class Diagnosis(NamedTuple):
    findings: list[Finding]  # most likely first
    oracles: dict


# Side-neutral: what the oracles settle. The other rules describe a NumPy network written by hand, against torch.
NEUTRAL_RULES = (numerics.dtype_mismatch, numerics.tf32, numerics.rounding_noise, numerics.summation_order,
                 ports.not_updated, ports.rows_not_moved, ports.weight_decay, ports.updates_accumulated, ports.one_element,
                 loss.broadcast_target_update,
                 loss.output_twice_update, optimizer.no_update, optimizer.replaced_by_step)


ROUNDING = {"rounding-noise", "rounding-growth", "summation-order"}


def departure_proven(oracles: dict) -> bool:
    """An oracle of this run shows a side departing from the mathematics by more than rounding: the finite
    differences name a side whose gradient is not its model's, or float64 copies of both sides still differ."""
    fd, float64 = oracles.get("finite_difference") or {}, oracles.get("float64") or {}
    # (the float64 oracle's "real" verdict also counts a NumPy side merely less precise in float32: not a departure)
    return bool(fd.get("wrong")) or any(not t["same_in_float64"] for t in float64.get("tensors", {}).values())


def findings(evidence: Evidence, rules: tuple = RULES) -> list[Finding]:
    """The rules' findings, most likely first. The one honesty rule: a difference an oracle proves real is never
    called rounding, whatever a rule's fit."""
    found = sorted((f for rule in rules if (f := silent_if_unmeasurable(rule, evidence)) is not None), key=lambda f: -f.score)
    if departure_proven(evidence.oracles):
        found = [f for f in found if f.name not in ROUNDING]
    if found and found[0].name in NOT_A_BUG:
        # the float64 oracle saw the same mathematics on both sides: no porting bug to suggest beside it
        return [f for f in found if f.name in NOT_A_BUG]
    return found or [unknown(evidence)]


def diagnose(setup: Setup, result: RunResult, settings_search: bool = True) -> Diagnosis:
    """Ranked findings for a failed run, most likely first, and the oracles' results.

    settings_search: for the user's programs, look for the settings their output layer follows and, where
    those differ from the run's, diagnose again under them (once)."""
    found = _diagnose(setup, result, settings_search)
    if not settings_search or setup.written is not None or not found.findings or found.findings[0].score >= CONFIDENT:
        return found
    traced = traced_finding(setup, result)  # nothing else confident: the user's program traced against the kit's
    if traced is None or traced.score <= found.findings[0].score:
        return found
    return Diagnosis([traced, *(f for f in found.findings if f.name != "unknown")], found.oracles)


def _written(setup: Setup, result: RunResult) -> Diagnosis:
    """The stages' findings; where a reading of the kit fails on these programs, the stage where they part, said as
    unknown: the verdict and the table stand (PARITY_DEBUG=1 raises the failure instead)."""
    try:
        return Diagnosis(*diagnose_written(setup, result))
    except Exception as error:  # noqa: BLE001 - the kit's own reading, never the user's verdict
        if os.environ.get("PARITY_DEBUG") or result.first_failure is None:
            raise
        failure = result.first_failure
        stage = "the forward pass" if failure.tensor in ("loss", "output") else failure.tensor
        return Diagnosis([Finding("unknown", f"The programs first part at step {failure.step} at {stage}; a reading of "
                                  f"the kit stopped there ({type(error).__name__}: {error}), so no pattern is measured.",
                                  {"step": failure.step, "tensor": failure.tensor},
                                  "Compare the two programs at that step and tensor line by line.", 0.0)], {})


def _diagnose(setup: Setup, result: RunResult, settings_search: bool) -> Diagnosis:
    if setup.written is not None:  # two programs as written: stage by stage, no family (stages.py)
        return _written(setup, result)
    failure = result.failure_context
    if failure is None:
        return Diagnosis([], {})
    if result.divergence and result.divergence["step"] == failure.step:
        return Diagnosis([numerics.divergence(result.divergence)], {})
    absent = absent_parameter(result)
    if absent:
        return Diagnosis([absent], {})
    leak = _float64_leak(setup, result, settings_search)
    if leak:
        return leak
    changed = [name for name in setup.init if name in failure.numpy_record and np.shape(failure.numpy_record[name]) != np.shape(setup.init[name])]
    if changed:
        return Diagnosis([numerics.shape_change(changed, setup.init, failure.numpy_record, failure.step)], {})
    if setup.config.world_size > 1:
        return Diagnosis(distributed_findings(setup.config, failure), {})
    if setup.config.mode == "free":
        return _diagnose_free(setup, failure.step)
    narrower = result.first_failure.comparison.note or ""
    if "narrower than the run's dtype" in narrower:
        return Diagnosis([numerics.narrower_arithmetic(narrower, setup.config.dtype)], {})
    random_step = randomness_finding(setup, failure)
    if random_step:
        return Diagnosis([random_step], {})
    written = written_inputs_finding(setup, failure) or silent_if_unmeasurable(piled_hooks_finding, setup, failure)
    if written:
        return Diagnosis([written], {})
    declared = port_optimizer_finding(setup, failure)
    if declared and declared.evidence.get("confirmed"):
        return Diagnosis([declared], {})
    law = step_law_finding(setup, failure)
    if law:
        return Diagnosis([law], {})
    found = _diagnose_rest(setup, result, failure, settings_search)
    if declared and (found.findings[0].name == "unknown" or found.findings[0].score < declared.score):
        return Diagnosis([declared, *(f for f in found.findings if f.name != "unknown")], found.oracles)
    return found


def _diagnose_rest(setup: Setup, result: RunResult, failure, settings_search: bool) -> Diagnosis:
    """The family's members, one factor over every layer, then the oracles and the rules."""
    if failure.step >= 2 and (shared := shared_factor(setup, failure)) and shared[0].name in LAWS_OF_THE_STEP:
        # one factor on every layer, moving with the step by a known law; unless one law of the optimizer's own family
        # reproduces every update exactly (a term of Nesterov's written otherwise moves the ratio too)
        law = silent_if_unmeasurable(update_law_finding, setup, failure)
        return Diagnosis([law if law is not None and law.score >= shared[0].score else shared[0]], shared[1])
    settings = family_findings(setup, failure)
    if not settings and (adam := adam_reading(setup, failure)):
        return Diagnosis([adam], {})  # Adam's first step fits SGD at some rate in a layer: read Adam's own law first
    if not settings and setup.user_sides == ("torch",) and (staged := silent_if_unmeasurable(port_forward_finding, setup, failure)) \
            and staged.score >= CONFIDENT:
        return Diagnosis([staged], {})  # the port's stages, measured under the run's own settings, before any other's
    if not settings and settings_search:
        again = _under_output_layer_settings(setup, failure)
        if again:
            # one factor on every layer is never "the output layer follows one setting, the layers below depart"
            shared = shared_factor(setup, failure)
            if shared and shared[0].score < CONFIDENT and (staged := measured_stage(setup, failure, shared[0].score)):
                return Diagnosis([staged, shared[0]], shared[1])  # a stage read from the numbers says what the factor is
            return Diagnosis([shared[0]], shared[1]) if shared else again
    oracles = {}
    if setup.config.dtype == "float32" and not settings and (float64 := float64_oracle(setup, failure)):
        oracles["float64"] = float64
    if any(not result.tensors[g].passed for g in result.tensors if g.endswith((".grad", ".update"))):
        models = {f.evidence["side"]: (f.evidence["spec"], f.evidence["learning_rate"]) for f in settings if "spec" in f.evidence}
        fd = finite_difference_oracle(setup.config, *setup.batch(failure.step), failure, models)
        if fd["tensors"]:  # none where only updates of a stateful optimizer were recorded
            oracles["finite_difference"] = fd
    grads_agree = all(result.tensors[g].passed for g in result.tensors if g.endswith(".grad"))
    if grads_agree and any(not result.tensors[p].passed for p in setup.init if p in result.tensors):
        oracles["update_ratios"] = update_ratio_oracle(setup, failure)
    if settings:
        return Diagnosis([_public(f) for f in settings], oracles)
    # a port checked alone against the kit's NumPy network: the hand-written-NumPy rules would describe the wrong side
    rules = NEUTRAL_RULES if setup.user_sides == ("torch",) else RULES
    evidence = Evidence(setup, failure, oracles, minimum_atol=minimum_tolerance(result.tensors)[0])
    found = findings(evidence, rules)
    if found[0].score < CONFIDENT and (staged := measured_stage(setup, failure, found[0].score)):
        found = [staged, *(f for f in found if f.name != "unknown")]
    return Diagnosis(found, oracles)


def _under_output_layer_settings(setup: Setup, failure) -> Diagnosis | None:
    """When no member explains every layer, but one explains the output layer: the diagnosis under its settings."""
    if failure.step != 1 or setup.remake is None:
        return None
    X, y = setup.batch(1)
    for side in setup.user_sides:
        before, record = (failure.numpy_before, failure.numpy_record) if side == "numpy" else (failure.torch_before, failure.torch_record)
        layers = sum(1 for name in before if name[0] == "W")
        candidates = family.family_candidates(setup.config, setup.spec, before, X, y, record, layer=layers)
        if not candidates:
            continue
        best = candidates[0]
        try:
            other = setup.remake(best.member.config(setup.config, best.lr), side, best.member.transposed)
        except InputError:
            continue
        result = run_steps(other)
        if result.passed or result.failure_context is None:
            continue
        found, oracles = diagnose(other, result, settings_search=False)
        # a stage whose settings were remade (the activations, the output unit, the loss) is read against the remade
        # model: a departure read there is the remade settings', not the program's
        remade = other.config
        if (remade.hidden_activation, remade.output_activation, remade.loss) != (setup.config.hidden_activation,
                                                                                 setup.config.output_activation, setup.config.loss):
            found = [f for f in found if "stage" not in f.evidence]
        places = (setup.network or {}).get("parameters", {}) if side == "numpy" else {}
        note = family.output_layer_finding(setup.config, side, best, places)
        return Diagnosis([*found, note] if found and found[0].name != "unknown" else [note, *found], oracles)
    return None


def _public(finding: Finding) -> Finding:
    """The finding without the NetworkSpec object that only the oracle needed."""
    return replace(finding, evidence={k: v for k, v in finding.evidence.items() if k != "spec"})


def _float64_leak(setup: Setup, result: RunResult, settings_search: bool) -> Diagnosis | None:
    """A float64 array leaked into a float32 program: where the same programs still part in float64, the leak is not the
    whole story, and what parts them there comes first."""
    leaked = [name for name, c in result.tensors.items() if (c.problem or "").startswith("dtype")]
    if setup.config.dtype != "float32" or not leaked or len(setup.user_sides) != 1 or setup.remake is None:
        return None
    try:
        wide = setup.remake(replace(setup.config, dtype="float64"), setup.user_sides[0], ())
    except InputError:
        return None
    again = run_steps(wide)
    if again.passed or again.failure_context is None:
        return None  # the leak is the story: the rules name it
    found, oracles = diagnose(wide, again, settings_search)
    return Diagnosis([*found, numerics.leak_beside(leaked[0])], oracles)


def _diagnose_free(setup: Setup, step: int) -> Diagnosis:
    """Free runs drift; a lockstep run of the same length tells drift from a bug."""
    lockstep_setup = replace(setup, config=replace(setup.config, mode="lockstep", steps=step))
    lockstep = run_steps(lockstep_setup)
    if lockstep.passed:
        worst = max(s.max_abs for s in lockstep.tensors.values())
        return Diagnosis([numerics.rounding_growth(step, worst)], {})
    found, oracles = diagnose(lockstep_setup, lockstep)
    return Diagnosis(found, {**oracles, "lockstep_first_failure": lockstep.first_failure.to_dict()})
