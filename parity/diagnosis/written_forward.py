"""Where two programs as written part in the forward pass, read from the values each computes at the shared start.

Both programs are built afresh, stepped to the failing step, and traced through it (`value_trace`). A NumPy value agrees
where the port computes one equal to it (same shape or transposed, within the run's rounding). On the way from the data
to the loss, the last values that agree are the frontier; the programs part between it and the loss: the ops each side
applies to the frontier are said, then read (`_readings`): a location, not a cause, unless one reading measures one."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable

import numpy as np

from parity.diagnosis.precedence import grouped_otherwise, GROUPED
from parity.diagnosis.op_pairs import sign_apart
from parity.diagnosis.functions_apart import formula_constant, functions_apart, one_side_only, positions_apart, read_on_one_side
from parity.diagnosis.rows_drawn import rows_only, rows_reading
from parity.diagnosis.extra_parameters import CARRIED, carried_or_constant, written_port_moved
from parity.diagnosis.replays import replayed, trace_tolerance, traces
from parity.diagnosis.mean_counts import mean_counts, row_counts
from parity.diagnosis.masked_means import masked_mean_apart
from parity.diagnosis.masks_left_out import mask_unused
from parity.diagnosis.loss_offsets import loss_offset, offset_term
from parity.diagnosis.term_schedule import numbers_followed, scheduled
from parity.diagnosis.clamps import degenerate_clamp
from parity.diagnosis.negated_input import meant, negated_input
from parity.diagnosis.finding import Finding
from parity.diagnosis.held_constants import constants_apart
from parity.diagnosis.layer_weights import given_weights
from parity.diagnosis.op_words import op_text, parting_location
from parity.diagnosis.value_trace import Trace, Value, describe, uses
from parity.diagnosis.comparisons import mask_as_indices, masks_apart, random_draw, semantics, mask_dropped, port_mask_dropped
from parity.diagnosis.written_ops import lengths
from parity.diagnosis.operand_powers import powers_apart
from parity.diagnosis.forward_factors import apart
from parity.diagnosis.term_alone import term_alone
from parity.diagnosis.bound_rows import broadcast_finding
from parity.diagnosis.columns_read import columns_read, lookup_keys
from parity.diagnosis.renormalised import renormalised
from parity.diagnosis.counterparts import counterpart_apart, weighted_by_label
from parity.diagnosis.rearranged import column_order, contraction, layout, partly, reshaped_as_it_lies
from parity.diagnosis.branches import branches_exchanged
from parity.diagnosis.reshaped_operands import viewed_for_transpose
from parity.diagnosis.value_laws import downstream, related
from parity.diagnosis.target_readings import derived_targets, smoothing
from parity.diagnosis.called_again import CALL_AGAIN, recalled, recalled_on
from parity.diagnosis.fused_cells import written_out_calls
from parity.diagnosis.applied_again import again_said
from parity.diagnosis.agreements import agreements, carried, loose_region, plain_write, recorded_value, region_of
from parity.diagnosis.batch_statistics import statistic_for_constant
from parity.diagnosis.index_words import repeated_write
from parity.diagnosis.reduction_axes import axes_of, kinds_apart, normalised_axis
from parity.diagnosis.weights_exchanged import weights_exchanged
from parity.diagnosis.tables import other_parameter, other_table, whole_table
from parity.diagnosis.in_place import written_in_place
from parity.diagnosis.averages import average_apart
from parity.diagnosis.operand_calls import operand_recalled
from parity.diagnosis.target_mass import mass_apart
from parity.diagnosis.einsum_subscripts import contraction_readings, numpy_einsum_again
from parity.diagnosis.softmax_temperature import temperature_apart
from parity.diagnosis.written_readings import columns, columns_said, compared_finding, operands, roots
from parity.tolerance.diagnosis import LAW_AGREES, TRACE_AGREES

LOCATED, SHOWN_OPS = 0.6, 5  # a location's fit (where, not why); the ops said on each side
CONTRACT, OUT_OF_PLACE, EACH = "Contract alike in both programs.", "Compute it out of place (x0 * a + b).", "Weigh each term alike."
SAME, WEIGHT = "Compute that value alike in both programs.", "Build the layer's weight alike in both programs."
NEGATED = "Take the difference in the same order in both programs."


def written_forward(setup: Any, built: Any, step: int, name: str, loss: np.ndarray) -> Finding | None:
    numpy_trace, torch_trace = traces(setup, built, step)
    rows = numpy_trace.values[0].array.shape[0] if numpy_trace.values and numpy_trace.values[0].array.ndim else 0
    if broadcast := broadcast_finding(numpy_trace, torch_trace, rows, step, name):
        return broadcast
    tolerance = trace_tolerance(built)
    target = recorded_value(numpy_trace, np.asarray(loss, np.float64))
    agreed = agreements(numpy_trace, torch_trace, tolerance)
    if target is None and (drawn := rows_only(numpy_trace, torch_trace, agreed, step, name,
                                              traces(setup, built, step - 1)[0] if step > 1 else None)):
        return drawn  # a loss made outside the arrays (a mean of Python floats over batches): the data's rows first
    region = region_of(numpy_trace, target, agreed) if target is not None else loose_region(numpy_trace, agreed)
    region = [i for i in region if not plain_write(numpy_trace, i, agreed)]
    frontier = frontier_of(numpy_trace, region, agreed, past_y=target is None)  # terms picked by the targets: past y
    if frontier is None:
        return None
    law = LAW_AGREES.get(str(getattr(built, "dtype", "float32")), LAW_AGREES["float32"])
    agreed[frontier.index] = carried(agreed[frontier.index], torch_trace, tolerance)
    reading = getattr(built, "reading_tolerance", TRACE_AGREES["float32"])  # readings at float32's, unless built to read finer
    found = parting_finding(numpy_trace, torch_trace, region, frontier, agreed, step, name, law, reading)
    if found.score < 0.8 and (past := frontier_of(numpy_trace, region, agreed, past_y=True)) not in (None, frontier):
        agreed[past.index] = carried(agreed[past.index], torch_trace, tolerance)  # past y: kept only at 0.85, a call measured
        found = again if (again := parting_finding(numpy_trace, torch_trace, region, past, agreed, step, name, law, reading)).score >= 0.85 \
            else found
    found = scheduled(setup, built, step, found, offset_term(numpy_trace, torch_trace, [target])) if "offset" in found.evidence else \
        numbers_followed(setup, built, step, found)
    if CARRIED in found.explanation:
        found = replace(found, explanation=found.explanation.replace(CARRIED, carried_or_constant(built, step)))
    if step > 1 and found.score < 0.8 and (average := average_apart(setup, built, step, tolerance)):
        where = parting_location(step, name, found.evidence) if "agree_up_to" in found.evidence else found.explanation
        return Finding("forward", f"{where} {average}", {**found.evidence, "average": average},
                       "Keep the average with the same decay on both sides: A = decay·A + (1 - decay)·p.", 0.85)
    if step > 1 and found.score < 0.8 and (extra := written_port_moved(built.make_sides()[1], replayed(setup, built, step)[1])):
        return Finding("extra-parameter", f"{found.explanation} Of what is carried, {extra}", {**found.evidence, "side": "torch"},
                       "Hold the value fixed in the port (a plain tensor or register_buffer), or pair it with the NumPy "
                       "program's and update it there too.", 0.85)
    return found if found.score >= 0.8 else broadcast_finding(numpy_trace, torch_trace, rows, step, name, in_losses=True) or found


def frontier_of(trace: Trace, region: list[int], agreed: dict[int, Value], past_y: bool = False) -> Value | None:
    """The agreeing value the earliest disagreeing value is made from (past the data; with past_y, past y's own: a loss's weights)."""
    skipped = [i for i in region if roots(trace, i) == {"y"}] if past_y else []
    for index in (i for i in region if i not in skipped):
        if not np.any(trace.values[index].array):
            continue  # zeros agree with nothing (a batch's all-zero labels): no sign of parting
        fed = [i for i in trace.values[index].inputs if isinstance(i, int) and i in agreed]
        inner = [i for i in fed if trace.values[i].op not in ("X", "y")]
        if fed:
            return trace.values[(inner or fed)[0]]
    return None


def parting_finding(numpy_trace: Trace, torch_trace: Trace, region: list[int], frontier: Value, agreed: dict[int, Value],
                    step: int, name: str, law_tolerance: float = LAW_AGREES["float32"], reading: float = TRACE_AGREES["float32"],
                    kinds: frozenset[str] | None = None, later: str | None = None) -> Finding:
    """Where the programs part past the frontier, read by each reading in turn (only those of `kinds`, where given);
    `later`, what a later step's parting is said with (the forward's: state carried on one side)."""
    twin = agreed[frontier.index]
    numpy_ops = [numpy_trace.values[i] for i in region if uses(numpy_trace.values[i], frontier)][:SHOWN_OPS]
    torch_ops = [torch_trace.values[i] for i in twin.users if torch_trace.values[i].op != "grad"][:SHOWN_OPS]
    where = describe(frontier) if frontier.op in ("X", "y") else \
        f"the value of shape {frontier.array.shape} (the port's {twin.op} output)"
    evidence = {"step": step, "stage": "forward", "agree_up_to": where,
                "numpy_ops": [op_text(v, numpy_trace) for v in numpy_ops], "torch_ops": [op_text(v, torch_trace) for v in torch_ops]}
    text = parting_location(step, name, evidence)
    for key, read in _readings(numpy_trace, torch_trace, region, frontier, agreed, numpy_ops, torch_ops, law_tolerance, reading):
        if (kinds is None or key in kinds) and (found := _guarded(read)):
            finding, said, fix, fit = found
            return Finding(finding, f"{text} {said}", {**evidence, key: said}, fix, fit)
    other, named = operands(numpy_ops, torch_ops, frontier, twin, numpy_trace, torch_trace)
    held = named == "held"
    if other:
        evidence["operands"] = other
        text += " " + other
    if step > 1 and not held:
        text += later or f" Step 1 agreed at its shared start, and step {step} starts from the same parameters on both sides: {CARRIED}"
    return Finding("forward", text, evidence, "Hold the same statistic in both programs." if held else
                   "Compare the two programs from that value on, line by line.", GROUPED if named == "grouped" else 0.75 if named == "complement" else 0.8 if named else LOCATED)


def _readings(numpy_trace: Trace, torch_trace: Trace, region: list[int], frontier: Value, agreed: dict[int, Value],
              numpy_ops: list[Value], torch_ops: list[Value], law_tolerance: float,
              tolerance: float = TRACE_AGREES["float32"]) -> list[tuple[str, Callable[[], tuple | None]]]:
    """Each reading of where the programs part, in order: (evidence key, a reading giving (finding, words, fix, fit))."""
    twin = agreed[frontier.index]
    departing, after = [numpy_trace.values[i] for i in region], downstream(torch_trace, twin)

    def said(finding: str, words: str, fix: str, fit: float = 0.8) -> tuple | None:
        return (finding, words, fix, fit) if words else None

    def targets() -> tuple | None:  # only where the output agrees: parted at X already, the targets' form is no cause
        found = frontier.op != "X" and derived_targets(numpy_trace, region, agreed, torch_trace.values)
        return found and (found[0], found[1] + smoothing(torch_trace.values, frontier.array.shape[-1]),
                          "Give the loss the same targets in both programs.", 0.8)

    def compared() -> tuple | None:
        found = compared_finding(numpy_ops, torch_ops, frontier, twin, numpy_trace, torch_trace)
        return found and (found[0], found[1], "Compare the output with the same values in both programs.", found[2])

    return [
        ("called", lambda: said("forward", operand_recalled(torch_ops, torch_trace, numpy_trace, tolerance), CALL_AGAIN, 0.85)),
        ("called", lambda: said("forward", recalled(written_out_calls(torch_trace, torch_ops), torch_trace.called, [numpy_trace.values[
            i] for i in region], tolerance), CALL_AGAIN, 0.85)),  # parted inside a cell: the cell
        ("law", lambda: _law(related(numpy_ops, after, law_tolerance, numpy_trace), SAME)),  # the very first ops past the frontier
        ("targets", targets),
        ("kinds", lambda: said("forward", kinds_apart(numpy_ops, torch_ops, frontier), "Reduce alike (mean or sum).", 0.85)),
        ("targets", lambda: said("forward", mass_apart(departing, numpy_trace), "Make each row of the targets sum to 1 "
                                 "(ε/K on every class and 1 - ε on the true one).", 0.8)),
        ("in_place", lambda: said("forward", written_in_place(torch_ops, torch_trace), OUT_OF_PLACE, 0.8)),
        *contraction_readings(numpy_trace, torch_trace, departing, numpy_ops, torch_ops, tolerance, said),
        ("weights", lambda: said("forward", given_weights(numpy_ops, torch_ops, frontier, twin, numpy_trace, torch_trace, tolerance), WEIGHT)),
        ("indices", lambda: said("forward", mask_as_indices(departing[:24], numpy_trace), "Index with a boolean mask: mask.astype(bool).", 0.85)),
        ("scatter", lambda: said("forward", repeated_write(departing[:40]), "Scatter-add with np.add.at(a, idx, v).", 0.8)),
        ("random", lambda: said("forward", random_draw(numpy_ops, torch_ops, numpy_trace, torch_trace,
                                                       {v.index for v in agreed.values()}), "Draw the random numbers once and "
                                "give the same ones to both programs (in the data, or from one seeded generator).", 0.85)),
        *_function_readings((numpy_trace, torch_trace), frontier, twin, departing, numpy_ops, torch_ops, tolerance, said),
        ("labels", lambda: said("forward", weighted_by_label(departing, after, numpy_trace, tolerance), "Weigh each class alike.", 0.8)),
        ("meant", lambda: meant(numpy_ops, torch_ops, numpy_trace, torch_trace, region, tolerance)),
        ("negated", lambda: said("forward", negated_input(numpy_ops, frontier, numpy_trace, torch_trace, tolerance), NEGATED)),
        ("negated", lambda: said("forward", sign_apart(numpy_ops, torch_ops, frontier, twin, (numpy_trace, torch_trace), tolerance), NEGATED)),
        ("subscripts", lambda: said("forward", numpy_einsum_again(numpy_ops, numpy_trace, after, tolerance), CONTRACT, 0.85)),
        ("operands", lambda: said("forward", powers_apart(numpy_ops, torch_ops, frontier, twin, torch_trace, numpy_trace), SAME)),
        ("exchanged", lambda: said("forward", weights_exchanged(departing, numpy_trace, torch_trace, tolerance), EACH, 0.85)),
        ("lengths", lambda: said("forward", lengths(departing[:30], torch_ops), "Give both convolutions the same padding and stride.")),
        ("law", lambda: _law(related(departing[:24], after, law_tolerance, numpy_trace), SAME)),
        ("terms", lambda: said("forward", term_alone(departing, after, agreed, (numpy_trace, torch_trace), tolerance), "Add the same terms in both "
                               "programs.") or said("forward", *apart(departing, frontier, twin, after, numpy_ops, (numpy_trace, torch_trace), tolerance, SAME))),
        ("statistic", lambda: said("forward", statistic_for_constant(departing, (numpy_trace, torch_trace), agreed, tolerance),
                                   "Use the same number in both programs: the data set's, held, or the batch's on both sides.")),
        ("grouping", lambda: said("forward", grouped_otherwise(departing, numpy_trace, after, tolerance), "Group as meant.", 0.85)),
        ("counts", lambda: said("forward", mean_counts(departing[:60], numpy_trace, torch_trace) or row_counts(departing[:60],
            numpy_trace, torch_trace), "Divide by the same count in both programs (a masked mean: the masked sum over its count).")),
        *_mask_readings(numpy_trace, torch_trace, departing, after, said, tolerance, agreed),
        *_layout_readings(numpy_trace, torch_trace, frontier, twin, departing, numpy_ops, torch_ops, tolerance, said),
        ("called", lambda: said("forward", recalled_on(twin, torch_trace, departing, tolerance, agreed), CALL_AGAIN, 0.85)),
        ("compared_with", compared),  # after the port's own calls on the agreeing value, called again: measured
        ("rows", lambda: rows_reading(numpy_ops, torch_ops, frontier)),
        *_entry_readings(numpy_trace, torch_trace, departing, after, tolerance, said, (frontier, twin), (numpy_ops, torch_ops)),
    ]


def _entry_readings(numpy_trace: Trace, torch_trace: Trace, departing: list[Value], after: list[Value], tolerance: float,
                    said: Callable, start: tuple[Value, Value], ops: tuple[list[Value], list[Value]]) -> list[tuple[str, Callable[[], tuple | None]]]:
    """The last readings: the entries the two compute otherwise, the difference's pattern; last, a value one side never reads."""
    return [("again", lambda: again_said(said, *start, departing, (numpy_trace, torch_trace), tolerance)),
            ("partly", lambda: said("forward", partly(departing, torch_trace, tolerance), "Compute every element alike in both programs.", 0.75)),
            ("counterpart", lambda: said("forward", counterpart_apart(departing, after, numpy_trace, tolerance, start),
                                         "Compute that value alike in both programs.", 0.75)),
            ("unread", lambda: said("forward", read_on_one_side(*ops, *start, (numpy_trace, torch_trace)), "Use that value alike in "
                                    "both programs.", 0.75))]


def _function_readings(traces: tuple[Trace, Trace], frontier: Value, twin: Value, departing: list[Value], numpy_ops: list[Value],
                       torch_ops: list[Value], tolerance: float, said: Callable) -> list[tuple[str, Callable[[], tuple | None]]]:
    """The readings of another function applied: one of the same name and another meaning, or another function."""
    torch_trace = traces[1]
    return [
        ("semantics", lambda: said("forward", semantics(departing[:60], [torch_trace.values[i] for i in twin.users[:12]]
                                                        + torch_ops), "Use the operation with the port's meaning.", 0.75)),
        ("functions", lambda: said("forward", functions_apart(numpy_ops, torch_ops, frontier, twin, tolerance),
                                   "Apply the same function in both programs.")),
        ("renormalised", lambda: said("forward", renormalised(departing, frontier, twin, torch_trace, tolerance), "Renormalise alike.")),
        ("temperature", lambda: said("forward", temperature_apart(numpy_ops, torch_ops, twin, torch_trace), "Take the softmax at the same temperature.")),
        ("one_side", lambda: said("forward", one_side_only(numpy_ops, torch_ops, frontier, twin, traces), "Apply it on both sides alike.", 0.75)),
        ("position", lambda: said("forward", positions_apart(numpy_ops, torch_ops, frontier, twin, traces), "Read the same position on both sides.", 0.75)),
        ("formula", lambda: said("forward", formula_constant(departing, torch_ops, frontier), "Write the formula's constant as the port's function has it.")),
    ]


def _mask_or_derivative(said: Callable, words: str) -> tuple | None:
    """A mask only the NumPy program makes; on a gradient, an op's derivative written otherwise (its backward pass's)."""
    if "a derivative." in words:
        return said("numpy-backward", words, "Multiply by the op's own derivative there.", 0.8)
    return said("forward", words, "Mask the same entries in both programs.", 0.8)


def _mask_readings(numpy_trace: Trace, torch_trace: Trace, departing: list[Value], after: list[Value], said: Callable,
                   tolerance: float, agreed: dict) -> list[tuple[str, Callable[[], tuple | None]]]:
    """A mask or bound applied otherwise (other entries masked, a mask's mean, a clamp cutting all); a loss's term apart."""
    return [
        ("bounds", lambda: said("forward", degenerate_clamp(numpy_trace, torch_trace, tolerance), "Put the bound on the "
                                "side of the values it is meant to guard (clamp(min=1) for a count).", 0.8)),
        ("masks", lambda: said("forward", masks_apart(departing[:24], after), "Mask the same entries in both programs.", 0.85)),
        ("masks", lambda: _mask_or_derivative(said, mask_dropped(departing, numpy_trace, agreed, torch_trace))),
        ("masks", lambda: said("forward", port_mask_dropped(after, torch_trace, agreed, numpy_trace), "Mask the same entries in "
                               "both programs.", 0.75)),  # where the NumPy program's own op stands, not said
        ("masks", lambda: said("forward", mask_unused(departing, numpy_trace, agreed, torch_trace), "Apply the mask the port "
                               "makes (the loss's terms times the mask, summed, over the count it means).", 0.85)),
        ("masks", lambda: said("forward", masked_mean_apart(numpy_trace, torch_trace, departing), "Average the loss over the "
                               "same entries in both programs (the masked sum over the mask's count).", 0.85)),
        ("branches", lambda: said("forward", branches_exchanged(departing, numpy_trace, torch_trace, tolerance), "Take each branch "
                                  "where its condition holds (np.where(c, a, b): a where c, b elsewhere).", 0.85)),
        ("offset", lambda: said("forward", loss_offset(numpy_trace, torch_trace, departing), "Write the loss's terms alike.", 0.7)),
    ]


def _layout_readings(numpy_trace: Trace, torch_trace: Trace, frontier: Value, twin: Value, departing: list[Value],
                     numpy_ops: list[Value], torch_ops: list[Value], tolerance: float,
                     said: Callable) -> list[tuple[str, Callable[[], tuple | None]]]:
    """The readings of where the values sit: columns, lookups, tables, held constants, layouts and axes."""
    return [
        ("columns", lambda: said("forward", columns_read(numpy_trace, torch_trace, frontier, twin), "Read the same columns in both programs.")),
        ("columns", lambda: said("forward", lookup_keys(departing[:12], numpy_trace, torch_trace), "Look each table up by its own key column.")),
        ("tables", lambda: said("forward", whole_table(numpy_ops, frontier, torch_trace), "Penalise the same rows on both sides.", 0.75)),
        ("tables", lambda: said("forward", other_table(twin, torch_trace, numpy_trace, tolerance) or other_parameter(
            twin, torch_trace, numpy_trace, tolerance), "Look the rows up in the same table (read the same weight) in both programs.", 0.85)),
        ("constants", lambda: said("forward", constants_apart(numpy_trace.constants, torch_trace.constants, any(v.op == "linear" for v in torch_ops[:2]))
                                   if any("?" in v.inputs for v in numpy_ops[:1] + torch_ops[:2]) else "",
                                   "Build the constant matrix alike in both programs.", 0.75)),
        ("columns", lambda: said("forward", *layout(numpy_ops, torch_ops, torch_trace))),
        ("columns", lambda: said("forward", reshaped_as_it_lies(numpy_ops, torch_ops, frontier, twin) or viewed_for_transpose(
            torch_ops, frontier, twin, numpy_ops), "Put the axes in the same order before the reshape on both sides.")),
        ("columns", lambda: said("forward", contraction(numpy_ops, torch_ops, frontier, twin), "Weigh the entries alike in both programs.")),
        ("columns", lambda: said("forward", column_order(departing, torch_trace, tolerance, numpy_trace), "Lay the values out in the same order in both programs.")),
        ("columns", lambda: columns_said(said, columns(departing[:12], torch_ops, frontier, numpy_trace), LOCATED)),
        ("axes", lambda: said("forward", normalised_axis(departing[:24], torch_ops), "Normalise over the classes' axis.", 0.85)),
        ("axes", lambda: said("forward", axes_of(numpy_ops, torch_ops, frontier), "Reduce over the same axis in both programs.")),
    ]


def _guarded(read: Callable[[], tuple | None]) -> tuple | None:  # None where a reading fails on values it was not written for
    try:
        return read()
    except Exception:  # noqa: BLE001 - one reading's failure leaves the location and the other readings
        return None


def _law(found: tuple[str, float], fix: str) -> tuple | None:
    return ("forward", found[0], fix, found[1]) if found[0] else None
