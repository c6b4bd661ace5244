"""Where two programs as written part in the backward pass, read from the values each computes at the shared start.

The port's values include each forward value's gradient and each .grad; the NumPy program's, its deltas. From its new value
of the failing parameter (or its kept gradient) back, the last agreeing gradient is the frontier; the first value past it is read."""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.finding import Finding
from parity.diagnosis.held_constants import constant_transposed
from parity.diagnosis.gradient_owner import owned_otherwise
from parity.diagnosis.value_trace import Trace, Value, describe, uses
from parity.diagnosis.local_derivatives import derivative_elsewhere, fused, product_factor
from parity.diagnosis.normalisation_readings import denominator_held
from parity.diagnosis.steps_left_out import factor_left_out, held_step_left_out, step_left_out
from parity.diagnosis.one_use import one_use_replaced
from parity.diagnosis.another_source import another_input
from parity.diagnosis.written_ops import substituted, weight_left_out
from parity.diagnosis.written_entries import forward_values, written_apart
from parity.diagnosis.custom_functions import no_oracle, surrogates, unjudged
from parity.diagnosis.surrogates_compared import surrogate_apart
from parity.diagnosis.port_gradient import enlarged, not_derivative, port_error, why_not_derivative
from parity.diagnosis.delta_factor import before_the_frontier, delta_factor
from parity.diagnosis.bound_derivative import PORT_PASSES
from parity.diagnosis.backward_again import AGAIN, raw_gradients
from parity.diagnosis.backward_readings import axis_apart, frontier_transposed, last_readings, placed, unseen_operand, written_into
from parity.diagnosis.masks_left_out import beside_masked, mask_left_out, mask_on_one_side
from parity.diagnosis.missing_terms import gradient_name, is_gradient, missing_term, port_gradients, toward
from parity.diagnosis.carried_factor import CARRIED, agreed_up_to_factor
from parity.diagnosis.statistic_terms import SOFTMAX_ROW_SUM, statistic_term
from parity.diagnosis.term_apart import terms_weighted
from parity.diagnosis.replays import RAW, clipped_raw, replayed, trace_tolerance, traces
from parity.diagnosis.written_readings import roots
from parity.diagnosis.agreements import first_equal, new_value, own_path_inputs, past_views, region_of
from parity.diagnosis.branches import branch_apart
from parity.diagnosis.added_again import term_taken_in
from parity.diagnosis.reshaped_operands import reshape_for_transpose
from parity.diagnosis.path_terms import path_missing
from parity.diagnosis.pool_backward import spread_backward
from parity.diagnosis.row_factors import row_factor
from parity.diagnosis.precedence import grouped_otherwise
from parity.diagnosis.derivative_factor import derivative_factor, first_factor
from parity.diagnosis.scan_direction import scan_reversed
from parity.diagnosis.written_forward import LOCATED, op_text
from parity.tolerance.diagnosis import FD_AGREES

def written_backward(setup: Any, built: Any, step: int, parameter: str, after: np.ndarray,
                     port_gradient: np.ndarray | None, port_after: np.ndarray | None = None,
                     numpy_gradient: np.ndarray | None = None) -> Finding | None:
    """Only where the port's gradient of the parameter is the derivative of the NumPy program's own loss (the loss
    its step reports, by central differences): then the port's autograd is the reference the NumPy values part from.
    Where it is not, the port's backward is the suspect, unless the NumPy program's gradient (kept, or read from its
    first step's optimizer state) is no derivative of that loss either (a gradient reversal, a capsule's routing): the
    port's values the reference to read the difference against, and no side said."""
    if port_gradient is None:  # a NumPy program that keeps no gradients: the port's, from its own step again
        port_gradient = raw_gradients(setup, built, step).get(parameter)
    if port_gradient is None or not np.any(port_gradient):
        return None
    apart = np.abs(np.asarray(after, np.float64) - np.asarray(port_after, np.float64)) if port_after is not None else None
    error = kept = port_error(setup, built, step, parameter, np.asarray(port_gradient, np.float64), apart)
    if error is None and (raw := raw_gradients(setup, built, step).get(parameter)) is not None:
        error = port_error(setup, built, step, parameter, np.asarray(raw, np.float64), apart)  # .grad clipped by the step
    if error is None and (numpy_gradient is None or (mine := port_error(setup, built, step, parameter, np.asarray(
            numpy_gradient, np.float64), apart)) is None or mine <= FD_AGREES):
        # the port's the derivative times one factor (a hook, a global norm), the NumPy program's no worse
        derivative = numpy_gradient is not None and mine is not None and mine <= FD_AGREES  # the NumPy program's is the loss's own
        return enlarged(step, parameter, port_gradient, numpy_gradient) if derivative else None
    if (error is None or error > FD_AGREES) and (raw := raw_gradients(setup, built, step).get(parameter)) is not None:
        error = port_error(setup, built, step, parameter, np.asarray(raw, np.float64), apart)  # the step clips its .grad
    if error is None:
        return None
    if error > FD_AGREES and (stepped := surrogates(setup, built, step)):
        found = located_backward(setup, built, step, parameter, after)  # central differences judge no surrogate
        return found and unjudged(found, stepped, surrogate_apart(traces(setup, built, step)[0], stepped))
    neither = None  # or both sides' central-difference errors, where neither is the loss's derivative
    if error > FD_AGREES and numpy_gradient is not None and (mine := port_error(
            setup, built, step, parameter, np.asarray(numpy_gradient, np.float64), apart)) is not None and mine > FD_AGREES:
        error, neither = 0.0, (error, mine)  # read against the port's values, no side said
    if error > FD_AGREES:
        why = why_not_derivative(setup, built, step, parameter, apart, (port_gradient, numpy_gradient))
        return Finding("port-gradient", f"The programs' losses agree at the shared start of step {step}, but the port's "
                       f"gradient of {parameter} is not the derivative of that loss (central differences of the loss the "
                       f"NumPy program's step reports, in float64: relative error {error:.3g}): {why}",
                       {"step": step, "parameter": parameter, "stage": "backward", "side": "torch", "fd_error": error},
                       "Check the port's custom backward passes and hooks, and that each parameter is its own tensor.",
                       0.9 if "(measured)" in why else 0.85 if "one Parameter under" in why else 0.7)
    fair = kept is not None and kept <= FD_AGREES  # the port's own .grad the derivative: a clipped one is no yardstick
    found = located_backward(setup, built, step, parameter, after, fair=fair) or (numpy_gradient is not None and located_backward(
        setup, built, step, parameter, numpy_gradient, kept_gradient=True, fair=fair)) or (  # Adam's first step agrees anyway
        not_derivative(setup, built, (step, parameter, apart), error, numpy_gradient) if fair else None)
    return no_oracle(found, parameter, neither) if neither else found


def located_backward(setup: Any, built: Any, step: int, parameter: str, after: np.ndarray,
                     reference: str = "the port", kept_gradient: bool = False, fair: bool = False) -> Finding | None:
    """From the NumPy program's new value (or, `kept_gradient`, its gradient) back: the last gradient it shares with the
    reference (the port, the kit's twin), the first value made from it that the reference never has; else up to a factor."""
    both = traces(setup, built, step, gradients=True)  # traced once, read as they are and then up to a factor
    return _located(setup, built, step, parameter, after, reference, kept_gradient, fair, both) or _located(
        setup, built, step, parameter, after, reference, kept_gradient, fair, both, up_to_factor=True)


def _located(setup: Any, built: Any, step: int, parameter: str, after: np.ndarray, reference: str, kept_gradient: bool,
             fair: bool, both: tuple[Trace, Trace], up_to_factor: bool = False) -> Finding | None:
    (numpy_trace, torch_trace), tolerance = both, trace_tolerance(built)
    target = (first_equal if kept_gradient else new_value)(numpy_trace, np.asarray(after, np.float64))
    agreed, torch_trace, factor = agreed_up_to_factor(numpy_trace, torch_trace, tolerance, up_to_factor)  # a count divided out
    if target is None or up_to_factor and factor is None:  # at the end: dz = 2(p - y), h.T @ dz / n
        return None
    if any(twin.op == f"{parameter}.grad" and (twin.detail != RAW or clipped_raw(twin, torch_trace)) for twin in agreed.values()):
        return None  # the NumPy program computes the port's gradient of the parameter (before its clip): they part after
    region = region_of(numpy_trace, target, agreed)
    fed = sorted({i for r in region for i in numpy_trace.values[r].inputs if isinstance(i, int) and i in agreed
                  and is_gradient(agreed[i])})
    name = lambda v: gradient_name(v, torch_trace)  # noqa: E731 - the port's values as every reading below names them
    if (early := before_the_frontier(numpy_trace, torch_trace, target, region, tolerance, (step, parameter, reference),
                                     bool(fed), name)) is not None:
        return None if factor else early  # read up to a factor: only from a gradient the two share
    if not fed:
        return None if factor else _other_targets(numpy_trace, torch_trace, region, tolerance, name, (step, parameter, reference))
    if not (own := own_path_inputs(numpy_trace, target, region, fed)) and target.array.size > 1 and any(
            twin.detail == RAW for twin in agreed.values()):
        return None  # its own gradient agrees: it parts through one number made from the others (a clip's factor)
    frontier = _frontier(own or fed, region, numpy_trace)
    twin = agreed[frontier.index]
    first = next((numpy_trace.values[i] for i in region if uses(numpy_trace.values[i], frontier)), None)
    frontier, first = past_views(frontier, first, region, numpy_trace)
    if first is None:
        return None
    evidence = {"step": step, "stage": "backward", "parameter": parameter,
                "agree_up_to": gradient_name(twin, torch_trace), "numpy_op": op_text(first, numpy_trace)}
    text = (f"At step {step} the two programs' backward passes agree up to {evidence['agree_up_to']} ({frontier.array.shape}); "
            f"the first value the NumPy program makes from it that {reference} never has is {evidence['numpy_op']}, on "
            f"the way to {parameter}'s update.") + (CARRIED.format(factor) if factor else "")
    if reference != "the port":
        text = text.replace("the port's", f"{reference}'s")
    weights = lambda: replayed(setup, built, step)[0].params()  # noqa: E731 - only where read
    moved = False if not own else None if kept_gradient else (target.array, weights().get(parameter))  # a kept gradient: no step
    if owned := owned_otherwise(text, evidence, (first, frontier, twin), (numpy_trace, torch_trace), tolerance, name, moved, fair):
        return owned
    if held := held_step_left_out(frontier, twin, torch_trace, parameter, weights().get(parameter), tolerance):
        return Finding("numpy-backward", f"{text} {held}", {**evidence, "side": "numpy"},
                       "Apply that op's derivative before the update (the chain rule through every op from the parameter).", 0.8)
    if apart := written_apart(first, numpy_trace, torch_trace, tolerance, name):  # another write into that array parts
        return _sided(f"{text} {apart[0]}", {**evidence, "written": apart[0]}, "Take that value from the right source.", apart[1])
    if masked := mask_on_one_side(first, frontier, numpy_trace, torch_trace):  # which side is meant, not said: "neutral"
        return _sided(f"{text} {masked}", {**evidence, "neutral": masked}, "Apply the same mask on both sides, or on neither.", 0.8)
    if (inside := _inside_fused(text, evidence, twin, (numpy_trace, torch_trace), (region, tolerance))) is not None:
        return inside
    if found := _reading(first, frontier, twin, region, fed, (numpy_trace, torch_trace), tolerance, name, weights, parameter):
        key, said, fix, fit = found
        evidence.update({key: said} if key else {})
        return _sided(f"{text} {said.replace('the port', reference)}", evidence, fix, fit)
    if factor := delta_factor(numpy_trace, torch_trace, region, tolerance, name, constants_only=True) or terms_weighted(
            [numpy_trace.values[i] for i in region[:24]], port_gradients(torch_trace), numpy_trace, tolerance, name):  # a delta
        # on another path, one constant with a meaning apart, or a sum's term weighted otherwise
        return _sided(f"{text} {factor}", evidence, "Apply the chain rule's factor there.", 0.75)  # read past the first value
    return Finding("numpy-backward", text, {**evidence, "side": "numpy"}, "Compare the NumPy backward pass with the chain rule from that value on.", LOCATED)


JOINS = ("concatenate", "stack", "hstack", "vstack", "column_stack")


def _frontier(fed: list[int], region: list[int], trace: Trace) -> Value:
    """The last shared gradient the NumPy program goes on from, but one whose first use is an op of its own before
    one that joins it to others: gates' gradients concatenated, the gate whose own derivative parts comes first."""
    def first_use(index: int) -> Value | None:
        return next((trace.values[i] for i in region if index in trace.values[i].inputs), None)
    own = [i for i in fed if (use := first_use(i)) is not None and use.op not in JOINS]
    return trace.values[(own or fed)[-1]]


def _inside_fused(text: str, evidence: dict, twin: Value, both: tuple[Trace, Trace], where: tuple[list[int], float]) -> Finding | None:
    """Through the port's fused op (an LSTM cell) no port values are met: the place, or a write of its own that loses values."""
    numpy_trace, torch_trace = both
    if not fused(twin, torch_trace):
        return None
    if written := written_into(where[0], numpy_trace, torch_trace, where[1]):
        return _sided(f"{text} {written[0]}", evidence, written[1], 0.85)
    return Finding("numpy-backward", f"{text} That gradient enters the port's {describe(torch_trace.values[twin.inputs[0]])}, "
                   "a fused op whose backward the trace does not see step by step.", {**evidence, "side": "numpy"},
                   "Compare the NumPy backward pass through that op with its derivative, factor by factor.", LOCATED)


def _sided(text: str, evidence: dict, fix: str, fit: float) -> Finding:
    """A reading of the NumPy backward pass, or, where it shows the port letting a gradient through a bound, the port's."""
    if PORT_PASSES in text:
        return Finding("port-gradient", text, {**evidence, "side": "torch"}, "Apply the port's straight-through estimator "
                       "to the clamped value, so the clamp's zero derivative masks it as the NumPy program's does.", fit)
    return Finding("numpy-backward", text, {**evidence, "side": "numpy"}, fix, fit)


def _reading(first: Value, frontier: Value, twin: Value, region: list[int], fed: list[int], both: tuple[Trace, Trace],
             tolerance: float, name: Any, weights: Any, parameter: str) -> tuple[str, str, str, float] | None:
    """What the first departing value of the NumPy backward pass shows, each reading in turn: (key, words, fix, fit)."""
    numpy_trace, torch_trace = both
    own = toward(parameter)
    if term := term_taken_in(frontier, first, numpy_trace, torch_trace, tolerance):
        return "term", *term, 0.8
    after = [numpy_trace.values[u] for u in first.users[:4]]
    if grouped := grouped_otherwise([first, *after[:2]], numpy_trace, port_gradients(torch_trace), tolerance):
        return "grouping", grouped, "Write the parentheses as the chain rule means them.", 0.85
    if pooled := spread_backward(first, twin, numpy_trace, torch_trace, tolerance):
        return "", pooled, "Write the pooling's backward as its forward pools: the max's to its argmax, the mean's over k.", 0.85
    if turned := frontier_transposed(frontier, twin, region, numpy_trace, torch_trace, tolerance) or next(
            (t for v in [first, *after] if (t := constant_transposed(v, numpy_trace, torch_trace, tolerance))), ""):
        return "", turned, "Send the gradient back through the transpose the layout needs (h.T @ da for a weight held (in, out)).", 0.85
    if skipped := step_left_out(first, frontier, twin, numpy_trace, torch_trace, tolerance, weights) or factor_left_out(
            first, frontier, numpy_trace, torch_trace, tolerance) or first_factor([first, *after[:2]], numpy_trace, torch_trace, tolerance, name) \
            or denominator_held(first, frontier, twin, numpy_trace, torch_trace):
        return "", skipped, "Apply each op's derivative once, where the chain rule takes it (through every op of the forward pass).", 0.8
    if turned := reshape_for_transpose(first, numpy_trace, torch_trace, tolerance, name):
        return "", turned, "Transpose where the layout needs it (reshape(-1, C).T), not reshape(C, -1).", 0.85
    if through := product_factor(first, frontier, twin, numpy_trace, torch_trace):  # a form measured, or only "another"
        return _through(through)
    if swapped := substituted(first, numpy_trace, torch_trace, tolerance, name) or scan_reversed(  # or a scan's direction
            [numpy_trace.values[i] for i in region], numpy_trace, torch_trace, tolerance, name):
        return "substituted", swapped, "Use that operation there.", 0.85
    if other := another_input(first, numpy_trace, torch_trace, tolerance, name, accept=own, kin=True) or \
            weight_left_out(first, numpy_trace, torch_trace, tolerance, list(weights().values()), name) or \
            unseen_operand(first, numpy_trace, torch_trace, tolerance, name, weights()):
        return "another_input", other, "Take that value from the right source.", 0.8
    if elsewhere := derivative_elsewhere(first, frontier, twin, numpy_trace, torch_trace):
        return "", elsewhere, "Take the op's derivative at its own input (the value that op made there).", 0.8
    if written := written_into(region, numpy_trace, torch_trace, tolerance):
        return "", written[0], written[1], 0.85
    earlier = [numpy_trace.values[r] for r in region if r < first.index and any(i in fed for i in numpy_trace.values[r].inputs)]
    if SOFTMAX_ROW_SUM in (statistic := statistic_term(first, region, numpy_trace, torch_trace, tolerance)):
        return "term", statistic, "Add the path through that statistic.", 0.8  # measured as the softmax's, before any term
    if term := missing_term(first, region, numpy_trace, torch_trace, tolerance) or path_missing(first, torch_trace, tolerance) or next(
            (t for value in earlier[:4] if (t := missing_term(value, region, numpy_trace, torch_trace, tolerance))), ""):
        return ("term", term, "Add every path the gradient takes, each with its own factor (each use of a value adds its "
                "term).", 0.8 if "second use of that parameter" in term else 0.75)
    if summed := axis_apart([i for i in region if i >= first.index], numpy_trace, torch_trace, tolerance):
        return "", summed, "Sum over the axis the chain rule sums over (keepdims where the result is broadcast back).", 0.8
    from_first = [numpy_trace.values[i] for i in region if i >= first.index]
    if masked := mask_left_out(from_first, torch_trace, tolerance, name, numpy_trace):
        return "", masked, "Apply the forward pass's mask to the gradient too (zero where the forward zeroed).", 0.8
    if branch := branch_apart(from_first[:8], numpy_trace, torch_trace, name):
        return "", branch, "Differentiate each branch of the piecewise function on its own.", 0.8
    if rows := row_factor(first, numpy_trace, torch_trace, name):  # a count per row read before a term per row
        return "", rows, "Divide by each row's own count where the forward pass's mean does (and only there).", 0.8
    if statistic:  # read above; the softmax's own said there
        return "term", statistic, "Add the path through that statistic.", 0.75
    if where := placed([first.index, *region], numpy_trace, torch_trace, tolerance, name):
        return "", where, "Apply the chain rule there, factor by factor and element by element.", 0.85 if AGAIN in where else 0.75
    if weighted := terms_weighted([numpy_trace.values[i] for i in region if i < first.index and numpy_trace.values[i].users],
                                  port_gradients(torch_trace), numpy_trace, tolerance, name):
        return "", weighted, "Give that term the weight the loss's derivative gives it.", 0.75
    if other := another_input(first, numpy_trace, torch_trace, tolerance, name, accept=own):
        return "", other, "Take that value from the right source.", 0.6  # any value that fits: as likely a coincidence as the slip
    return last_readings(first, region, (numpy_trace, torch_trace), tolerance, name)


def _through(said: str) -> tuple[str, str, str, float]:
    """A product's factor read against the op's derivative: a form measured, another function, or only the place
    (the forward values the backward reads part)."""
    if "compute otherwise" in said:
        return "", said, "Compare the parameters each side's backward pass reads with those its forward pass used.", 0.6
    return "", said, "Write that op's derivative as the chain rule takes it.", 0.75 if "another function" in said else 0.8


def _other_targets(numpy_trace: Trace, torch_trace: Trace, region: list[int], tolerance: float, name, at: tuple) -> Finding | None:
    """An output delta that parts before any gradient the two share, recomputed with another of the program's values
    in place of one it is made from (the one-hot y where the mixed targets belong): the source it should take."""
    step, parameter, reference = at
    if reference != "the port":
        return None

    def parted(said: str, fix: str, fit: float) -> Finding:
        return Finding("numpy-backward", f"At step {step} the NumPy program's backward pass parts from {reference}'s before "
                       f"any gradient they share{said}", {"step": step, "stage": "backward", "parameter": parameter,
                                                          "side": "numpy"}, fix, fit)
    if summed := axis_apart(region, numpy_trace, torch_trace, tolerance):  # a softmax's sum over the batch, say
        return parted(f". {summed}", "Sum over the axis the chain rule sums over.", 0.8)
    deltas = [numpy_trace.values[i] for i in region[:24] if "y" in roots(numpy_trace, i)][:8]
    named = lambda v: gradient_name(v, torch_trace)  # noqa: E731
    if masked := mask_left_out(deltas, torch_trace, tolerance, named, numpy_trace) or mask_left_out(
            beside_masked(numpy_trace, torch_trace, region), torch_trace, tolerance, named, numpy_trace):  # a padded step's delta
        return parted(f". {masked}", "Apply the forward pass's mask to the gradient too (zero where the forward zeroed).", 0.8)
    if turned := next(((d, t) for d in deltas if (t := constant_transposed(d, numpy_trace, torch_trace, tolerance))), None):
        return parted(f", at {op_text(turned[0], numpy_trace)}. {turned[1]}", "Send the gradient back through the transpose of "
                      "the matrix.", 0.85)
    if factor := next((f for d in deltas if (f := derivative_factor(d, numpy_trace, torch_trace, tolerance, name))), ""):
        return parted(f". {factor}", "Apply each op's derivative once, where the chain rule takes it.", 0.85)
    forward = forward_values(numpy_trace)  # a forward value recomputed
    made = lambda v: v.op != "y" and "y" in roots(numpy_trace, v.index)  # noqa: E731 - targets as the program makes them
    for value, replaced in [*((d, lambda v: v.op == "y") for d in deltas[:4]), *((d, forward) for d in deltas), *((d, made) for d in deltas)]:
        # y (where the mixed targets belong), a forward value (exp(eta) for exp(eta + offset)), made targets (one-hot for smoothed)
        if other := another_input(value, numpy_trace, torch_trace, tolerance, name, accept=is_gradient, replaced=replaced) \
                or one_use_replaced(value, numpy_trace, torch_trace, tolerance, name, is_gradient, replaced):
            return parted(f", at {op_text(value, numpy_trace)}. {other}", "Take that value from the right source.", 0.8)
    if branch := branch_apart([numpy_trace.values[i] for i in region[:40] if "y" in roots(numpy_trace, i)], numpy_trace,
                              torch_trace, name):
        return parted(f". {branch}", "Differentiate each branch of the piecewise function on its own (np.where of the two "
                      "derivatives).", 0.8)
    return None
