"""Why two programs as written part, stage by stage, each claim measured; no model of the network.

At the first failing step, in the order a step computes:

1. forward: the loss or output at the step's shared start; and where a later stage fails with the losses within their
   tolerance, the forward passes traced all the same (two forwards 5e-4 apart make two functions' gradients).
2. backward: each gradient both programs expose, in back-propagation order, against the other side's, and against
   central finite differences of the NumPy program's own loss at the same parameters and batch: which side's gradient
   is the true one (or all of them scaled together: a clip). The difference: a constant ratio, a sign, zero on one
   side, or the sum of this and the last step's gradient (gradients not zeroed).
3. update: the parameter's update where the gradients agree or are not exposed: never made on one side, a constant
   ratio (a learning rate), the difference proportional to the parameter (weight decay), and the ratio over the next
   steps read by its law: Adam's bias corrections, a cosine or exponential schedule, clipping by norm (one factor for
   every parameter). Where nothing fits: `unknown`, with the step, stage and parameter.
"""
from __future__ import annotations

import numpy as np

from parity.diagnosis.momentum_form import momentum_form_finding
from parity.diagnosis.update_recurrence import recurrence_finding
from parity.diagnosis.gradient_sizes import sizes_apart
from parity.diagnosis.held_rows import held_rows
from parity.diagnosis.clip_handling import accumulated, never_zeroed
from parity.diagnosis.finding import Finding
from parity.diagnosis.forward_stage import forward_beneath, forward_readings, loss_agrees, ranked
from parity.diagnosis.quietly import quietly
from parity.diagnosis.clip_elements import clipped_entries
from parity.diagnosis.norm_constraint import norm_constraint, value_constraint
from parity.diagnosis.average_law import average_law_finding
from parity.diagnosis.optimizer_again import optimizer_again_finding
from parity.diagnosis.adam_written import adam_written_finding
from parity.diagnosis.pair_rows import rows_weighted
from parity.diagnosis.row_batch import STAGE
from parity.diagnosis.ratios import constant_ratio
from parity.diagnosis.mean_counts import counted_meaning
from parity.diagnosis.optimizer_constants import port_optimizer_constants
from parity.diagnosis.clipped_again import clipped_again_finding
from parity.diagnosis.scaled_together import scaled_together
from parity.diagnosis.state_stage import frozen_rows, state_findings
from parity.diagnosis.decay_gap import decay_kinds, decayed_gradient
from parity.diagnosis.reparameterised import reparameterised_finding
from parity.diagnosis.after_step import after_step_finding
from parity.diagnosis.copies_loaded import copy_not_loaded
from parity.diagnosis.gradient_layout import rearranged_gradient
from parity.diagnosis.entry_factors import entry_factor
from parity.diagnosis.accumulated_terms import summed_over_steps, terms_kept_at
from parity.diagnosis.backward_located import located_in_backward, port_changes_gradient
from parity.diagnosis.detached_again import detached_again_finding, uncut_finding
from parity.diagnosis.update_stage import update_findings
from parity.diagnosis.backward_again import no_gradient, port_still
from parity.diagnosis.written_update import optimizer_stage, written_update
from parity.diagnosis.written_forward import LOCATED
from parity.diagnosis.transposed_gradient import transposed_finding
from parity.diagnosis.clipped_together import clipped_together
from parity.diagnosis.flipped_sign import flipped_sign
from parity.diagnosis.replays import trace_tolerance, traces
from parity.diagnosis.moved_weights import passes_read
from parity.engine.result import RunResult
from parity.engine.setup import Setup
from parity.diagnosis.loss_differences import (error_words, finite_differences, follows, handled_after_backward, oracle_fit,
                                               ratio_fix, ratio_side, side_of, where_words)


def diagnose_written(setup: Setup, result: RunResult) -> tuple[list[Finding], dict]:
    failure, context = result.first_failure, result.failure_context
    if failure is None or context is None:
        return [], {}
    built = setup.written
    rows = len(setup.data.X[setup.rows(failure.step)])
    numpy_record, torch_record = context.numpy_record, context.torch_record
    name = _after_the_step(setup, result, failure.tensor, failure.step) or failure.tensor
    found: list[Finding] = []
    problem = failure.comparison.problem or ""
    if problem.startswith("dtype"):
        found.append(_dtype_leak(name, problem, failure.step))
    elif name in ("loss", "output"):
        found += forward_readings(setup, built, result, name, rows)
    elif name.endswith(".grad"):
        found += _backward(setup, built, context, name.removesuffix(".grad"), rows, failure.step)
    elif "." in name and not name.endswith(".update"):
        found += port_still(setup, built, context, held := name.partition(".")[0], failure.step) + frozen_rows(
            built, held, numpy_record, torch_record, failure.step)
        found += state_findings(name, numpy_record, torch_record, failure.step,
                                quietly(port_optimizer_constants, built, name.partition(".")[0]), context)
        if found and found[0].name == "weight-decay" and (kinds := quietly(decay_kinds, built, found[0])):
            found[0] = kinds
    else:
        found += update_findings(setup, built, context, name.removesuffix(".update"), rows, failure.step)
    if "." in name and not name.endswith(".update") and (not found or found[0].score < 0.8) and (through := quietly(
            reparameterised_finding, setup, built, failure.step, name, context)):
        found.insert(0, through)
    if "." in name and not name.endswith(".update") and (not found or found[0].score < 0.8) and (together := quietly(
            clipped_together, setup, built, name, numpy_record, torch_record, failure.step, quietly(port_optimizer_constants, built))):
        found.insert(0, together)
    if "." in name and not name.endswith(".grad") and (not found or found[0].score < 0.8) and (turned := quietly(
            transposed_finding, setup, built, name, context, failure.step)):
        found.insert(0, turned)
    if kept := _never_zeroed(setup, built, failure.step, name):  # measured: before any state or update is read otherwise
        found.insert(0, kept)
    if again := _stepped_again(setup, built, failure.step, name, found):
        found.insert(0, again)
    parameter = name.removesuffix(".grad").removesuffix(".update").partition(".")[0]
    if name not in ("loss", "output") and (not found or found[0].score < 0.8) and \
            (detached := quietly(detached_again_finding, setup, built, failure.step, trace_tolerance(built))):
        found.insert(0, detached)
    if (not found or found[0].score < 0.8 or _oracle_only(found[0])) and parameter in numpy_record and \
            name not in ("loss", "output") and not (found and _only_scaled(setup, built, failure.step, found[0], parameter)) and \
            (located := quietly(located_in_backward, setup, built, failure.step, parameter, numpy_record, torch_record, name)):
        ranked(found, located, after_oracle=bool(found) and _oracle_only(found[0])) if found else found.append(located)
    if name not in ("loss", "output"):
        _detached_later(setup, built, failure.step, found)
    if name.endswith(".update"):
        _update_readings(setup, built, context, failure.step, parameter, found)
    if (name.endswith(".update") or name == parameter) and (not found or found[0].score < 0.8) and \
            (after := quietly(after_step_finding, setup, built, failure.step, parameter)):
        found.insert(0, after)  # after the entries at a bound: a value clipped on one side names the side
    if beneath := quietly(forward_beneath, setup, built, failure, numpy_record, found):
        found.insert(0, beneath)
    if (written := _written_optimizer(setup, built, failure.step, name, numpy_record, found)) is not None:
        found.insert(0, written)
    if not found:
        found.append(optimizer_stage(name, numpy_record, torch_record, failure.step) or _unknown(failure.step, name))
    return found, {}


def _never_zeroed(setup: Setup, built, step: int, name: str) -> Finding | None:
    """At a state or an update from the second step: the port's gradients summed over the steps, never zeroed."""
    if step < 2 or name.endswith(".grad") or name in ("loss", "output") or not quietly(accumulated, setup, built, step):
        return None
    return never_zeroed(step)


def _written_optimizer(setup: Setup, built, step: int, name: str, numpy_record: dict, found: list[Finding]) -> Finding | None:
    """An update or a state parting with no reading but the stage's: where a written optimizer leaves torch's, op by op."""
    if "." not in name or name.endswith(".grad") or found and found[0].score >= 0.8:
        return None
    after = numpy_record.get(name.removesuffix(".update") if name.endswith(".update") else name)
    written = quietly(written_update, setup, built, step, name, after) if after is not None else None
    if written is None or found and not (written.score > found[0].score and found[0].score < LOCATED):
        return None  # the ops of an optimizer say more than a stage, and less than a law read from its updates or state
    return written


def _after_the_step(setup: Setup, result: RunResult, name: str, step: int) -> str | None:
    """Where the output parts while the loss of the same step agrees, the output is read after the step (from weights
    it averages or updates): the first state or update that parts at that step, where one does, is where to read."""
    tensors = result.tensors
    if name != "output" or not loss_agrees(result, step):
        return None
    return next((t for t in setup.names if t not in ("loss", "output") and "." in t and t in tensors
                 and tensors[t].first_failed_step == step), None)


def _stepped_again(setup: Setup, built, step: int, name: str, found: list[Finding]) -> Finding | None:
    """The port stepped again (its optimizer rebuilt, a law of a written optimizer, the gradients clipped otherwise)
    where an update or a state parts, or a gradient one factor apart (scaled on one side), and no confident reading
    stands (a schedule fitted to ratios is no measurement)."""
    one_factor = name.endswith(".grad") and found and found[0].name == "clipping"
    if not (name.endswith(".update") or ("." in name and not name.endswith(".grad")) or one_factor) or \
            found and found[0].score >= 0.8 and not found[0].evidence.get("fitted"):
        return None
    return (quietly(optimizer_again_finding, setup, built, step, trace_tolerance(built), one_factor)
            or quietly(average_law_finding, setup, built, step)
            or quietly(adam_written_finding, setup, built, step)
            or quietly(momentum_form_finding, setup, built, step, name.partition(".")[0])
            or quietly(recurrence_finding, setup, built, step, name.partition(".")[0])
            or quietly(clipped_again_finding, setup, built, step, trace_tolerance(built)))


def _dtype_leak(name: str, problem: str, step: int) -> Finding:
    return Finding("dtype-leak", f"{name} comes out of the step in another dtype than the run's at step {step} ({problem}): "
                   "an array made in float64 (np.zeros, np.random.rand and np.array of Python floats default to it) reaches "
                   f"{_stage(name)}.", {"step": step, "tensor": name, "stage": _stage(name)},
                   "Give every array the program makes the parameters' dtype (dtype=..., .astype(...)).", 0.95)


def _only_scaled(setup: Setup, built, step: int, finding: Finding, parameter: str) -> bool:
    """A reading of gradients clipped together that finds this parameter's gradient only scaled by the shared factor,
    where the port's step clips it: its backward is read where the gradients part otherwise, not here."""
    scaled = parameter in finding.evidence.get("scaled", ()) or parameter not in finding.evidence.get("apart", (parameter,))
    return scaled and bool(quietly(lambda: port_changes_gradient(traces(setup, built, step, gradients=True)[1], parameter)))


def _detached_later(setup: Setup, built, step: int, found: list[Finding]) -> None:
    """After the backward's own reading: a function called several times, its factor detached in every call; then the
    port's own .detach() calls undone."""
    if (not found or _oracle_only(found[0]) or found[0].score <= 0.7) and \
            (alike := quietly(detached_again_finding, setup, built, step, trace_tolerance(built), True)):
        found.insert(0, alike)
    if (not found or found[0].score < 0.8) and (uncut := quietly(uncut_finding, setup, built, step, trace_tolerance(built))):
        found.insert(0, uncut)


def _oracle_only(finding: Finding) -> bool:
    """A finding that says only which side's gradient is not its loss's derivative (finite differences): a side, no
    place in the backward pass and no mechanism (the port's numbers in another order are one); the values are read."""
    return finding.name == "numpy-backward" and finding.score <= 0.8 and finding.evidence.keys() & {"numpy_error", "rearranged"} == {"numpy_error"}


def _update_readings(setup: Setup, built, context, step: int, parameter: str, found: list[Finding]) -> None:
    """Where an update parts with no reading at 0.8: rows weighted unequally, then entries clipped."""
    numpy_record, torch_record = context.numpy_record, context.torch_record
    if (not found or found[0].score < 0.8) and (copied := copy_not_loaded(parameter, numpy_record, torch_record, step)):
        found.insert(0, copied)
    if (not found or found[0].score < 0.8) and (weighted := quietly(rows_weighted, setup, built, step)):
        said, side, lawful = weighted
        if lawful or not found or found[0].score < STAGE:  # unequal weights of no law: a per-row factor, not where it is
            found.insert(0, Finding("dropped-rows", said, {"step": step, "stage": "batch", "side": side},
                                    "Give every row of the batch one weight: sum the micro-batches' gradients, then divide "
                                    "once by their number (or by the rows).", 0.85 if lawful else STAGE))
    if (not found or found[0].score < 0.8) and (flipped := quietly(flipped_sign, setup, built, step, parameter, numpy_record, torch_record)):
        found.insert(0, flipped)
    after = (numpy_record[parameter], torch_record[parameter], step) if parameter in numpy_record else None
    if (not found or found[0].score < 0.8) and (clipped := after and value_constraint(parameter, *after) or quietly(
            clipped_entries, setup, built, step, parameter, _parted(context, parameter, trace_tolerance(built))) or
            after and norm_constraint(parameter, *after)):  # values at a bound first: the gradients' extremes follow them
        found.insert(0, clipped)


def _parted(context, parameter: str, tolerance: float) -> np.ndarray:
    """The entries where the updates part; none where one update is the other times one number: a learning rate or
    a schedule's factor apart parts the largest entries first, which a bound on the gradient would also pick."""
    a, b = (np.asarray(r[f"{parameter}.update"], np.float64) for r in (context.numpy_record, context.torch_record))
    allowed = tolerance * max(float(np.abs(b).max(initial=0.0)), 1e-30)
    scale = float(a.ravel() @ b.ravel()) / max(float(b.ravel() @ b.ravel()), 1e-300)
    if np.all(np.abs(a - scale * b) <= allowed):
        return np.zeros(a.shape, bool)
    return np.abs(a - b) > allowed


def _stage(name: str) -> str:
    if name in ("loss", "output"):
        return f"the forward pass ({name})"
    if name.endswith(".grad"):
        return f"the gradient of {name.removesuffix('.grad')}"
    parameter, _, kind = name.partition(".")
    return f"the optimizer's {kind} of {parameter}" if "." in name and kind != "update" else f"the update of {parameter}"


def _unknown(step: int, name: str) -> Finding:
    return Finding("unknown", f"No measured pattern explains it. The programs first part at step {step} in {_stage(name)}.",
                    {"step": step, "tensor": name, "stage": _stage(name)}, "Compare the two programs at that stage line by line.", 0.0)


def _backward(setup: Setup, built, context, parameter: str, rows: int, step: int) -> list[Finding]:
    """The gradients read against each other and against finite differences; a NumPy gradient of zeros may be a sum
    whose terms cancel (one mask used for two passes): a place there, not a cause."""
    a, b = context.numpy_record[f"{parameter}.grad"], context.torch_record[f"{parameter}.grad"]
    evidence = {"step": step, "parameter": parameter, "stage": "backward"}
    if sized := sizes_apart(parameter, a, b, step):
        return [sized]
    found = []
    if missing := no_gradient(setup, built, step, parameter, (a, b), evidence):
        found.append(missing)
    passes, taken, at = passes_read(setup, built, context, parameter, evidence)
    found += passes
    for side in ("torch", "NumPy"):
        scale = summed_over_steps(context, side, [p.name for p in built.pairs])
        if scale is not None:
            scaled = "" if abs(scale - 1) < 1e-3 else f", the sum scaled by {scale:.4g} (as clipping by the global norm scales it)"
            found.append(Finding("gradient-accumulation", f"The {side} side's gradient of {parameter} at step {step} is the sum "
                                  f"of this step's and the last step's{scaled}: its gradients are never zeroed.",
                                  {**evidence, "side": side.lower(), "scale": scale},
                                  "Call optimizer.zero_grad() (or reset the gradients) every step."
                                  if side == "torch" else "Assign the gradients each step instead of adding to them.", 0.95))
    if not found and (kept := quietly(terms_kept_at, setup, built, step, b)):
        found.append(Finding("gradient-accumulation", kept, {**evidence, "side": "torch"}, "Reset the port's gradients "
                             "once per step, before the accumulation loop (optimizer.zero_grad() outside it).", 0.85))
    held = None if found else held_rows(a, b, parameter, step)
    ratio = constant_ratio(a, b)
    oracle = finite_differences(setup, built, context, parameter, step, taken, at)
    if ratio is not None and (meaning := counted_meaning(ratio, rows, setup.batch(step)[0])):
        found.append(Finding(meaning[0], f"The NumPy gradient of {parameter} is {meaning[1]} the port's at step {step} "
                              f"(ratio {ratio:.6g}, constant over the tensor).{ratio_side(oracle, parameter)}",
                              {**evidence, "ratio": ratio, **side_of(oracle)}, ratio_fix(oracle, parameter), 0.85))
    if ratio is None and not found and (decayed := decayed_gradient(a, b, context.numpy_before, {**evidence, **side_of(oracle)})):
        found.append(decayed)
    if held is not None and oracle and not oracle["numpy_follows"] and oracle["torch_follows"]:
        return [held]  # the port trains the row and follows the loss's derivative: the NumPy program holds it by design
    if oracle:
        evidence.update(oracle)
        numpy_true, torch_true = follows(oracle, "numpy"), follows(oracle, "torch")
        if not numpy_true and torch_true and (together := quietly(scaled_together, setup, built, context, step, oracle)):
            found.append(together)
        elif not numpy_true and torch_true:
            form = (layout := rearranged_gradient(a, b)) or entry_factor(a, b, context.numpy_before, parameter)
            found.append(Finding("numpy-backward", f"The NumPy program's gradient of {parameter} is not the derivative of its own "
                                  f"loss{where_words(oracle)} (finite differences: relative error {oracle['numpy_error']:.3g}); the port's is "
                                  f"({error_words(oracle, 'torch')}). The NumPy backward pass is wrong at {parameter}." + form,
                                  {**evidence, "side": "numpy", **({"rearranged": True} if layout else {})}, f"Check the NumPy backward pass where it computes {parameter}'s gradient.",
                                  oracle_fit(oracle, form)))
        elif numpy_true and not torch_true and oracle.get("torch_delivered_follows"):
            found.append(handled_after_backward(parameter, oracle, evidence))
        elif numpy_true and not torch_true:
            found.append(Finding("port-gradient", f"The NumPy gradient of {parameter} is the derivative of the NumPy loss"
                                  f"{where_words(oracle)} (finite differences: {error_words(oracle, 'numpy')}); the port's is not "
                                  f"({oracle['torch_error']:.3g}): the port computes another loss or forward pass.",
                                  {**evidence, "side": "torch"}, "Compare the port's forward pass and loss with the NumPy program's.", 0.7))
    return sorted(found, key=lambda f: -f.score)
