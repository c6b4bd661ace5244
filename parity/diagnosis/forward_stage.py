"""The forward stage of two programs as written: the loss or output parts at the shared start. Its ratio (a count, a
keyword of the port's loss), the port's loss called again, a term of the two losses, the values each program traces,
a port idiom, or only the loss parting while every gradient, state and update agrees."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from parity.diagnosis.called_again import loss_call_finding
from parity.diagnosis.finding import Finding
from parity.diagnosis.label_coding import label_coding
from parity.diagnosis.loss_alone import loss_alone_finding
from parity.diagnosis.loss_offsets import port_loss_value
from parity.diagnosis.loss_terms import loss_keyword, loss_terms_finding
from parity.diagnosis.port_idioms import port_idioms
from parity.diagnosis.quietly import quietly
from parity.diagnosis.mean_counts import count_meaning
from parity.diagnosis.ratios import ONE_NUMBER, constant_ratio, ratio_meaning as _ratio_meaning
from parity.diagnosis.replays import replayed, trace_tolerance, traces, widened
from parity.diagnosis.unread_parameters import unread_parameter
from parity.diagnosis.value_match import zero_one
from parity.diagnosis.variance_divisors import variance_divisors
from parity.diagnosis.written_forward import LOCATED, written_forward
from parity.engine.result import RunResult
from parity.engine.setup import Setup


def forward_readings(setup: Setup, built, result: RunResult, name: str, rows: int) -> list[Finding]:
    """The loss or output parts at the shared start: its ratio, the port's loss called again, a term of the losses, the
    two programs' values traced, a port idiom, or only the loss parting while all else agrees."""
    failure, context = result.first_failure, result.failure_context
    numpy_record, torch_record = context.numpy_record, context.torch_record
    found = _forward(name, numpy_record, torch_record, rows, failure.step)
    if name == "loss" and (counted := _columns_counted(setup, found[0])):
        found[0] = counted
    if name == "loss" and found[0].evidence.get("ratio") is not None:  # a ratio of no count: a keyword's, maybe
        found[0] = _loss_keyword(setup, built, failure.step, found[0])
    if name == "loss" and found[0].score < 0.9 and (called := quietly(_loss_call, setup, built, failure.step,
                                                                          float(np.ravel(numpy_record[name])[0]), rows)):
        found.insert(0, called)
    if name == "loss" and found[0].score < 0.8 and (term := quietly(loss_terms_finding, setup, built, failure.step)
                                                     or quietly(label_coding, setup, built, failure.step)):
        found.insert(0, term)
    if found[0].score < 0.8 and (located := quietly(written_forward, setup, _seeing(built, numpy_record, torch_record, name),
                                                    failure.step, name, numpy_record[name])):
        ranked(found, located)
    if found[0].score < 0.8 and (idiom := quietly(variance_divisors, setup, built, failure.step)
                                 or quietly(port_idioms, setup, built, failure.step)):
        ranked(found, idiom)
    if name == "output" and found[0].score < 0.8 and (kept := _kept_beside(result, found[0])):
        found[0] = kept
    if found[0].score < 0.8 and failure.step > 1 and (unread := quietly(unread_parameter, setup, built, failure.step)):
        found.insert(0, unread)  # a parameter moved by the steps before, read by one side's forward pass only
    if name == "loss" and (alone := quietly(loss_alone_finding, setup, built, result.tensors, failure.step)):
        term = "offset" in found[0].evidence  # the two losses' difference read as one of the programs' values
        first = not term and (alone.score > found[0].score or found[0].name == "forward" and found[0].score <= alone.score + 0.05)
        found.insert(0 if first else 1, alone)  # every other tensor agrees: a report apart, said before a forward
        # reading near its fit (a part that moves no gradient); a reading of the losses' term itself stays first
    return found


def _seeing(built, numpy_record: dict, torch_record: dict, name: str):
    """The pair to trace: in float64 where the two values part by less than the trace's own tolerance (a smoothing's
    ε/(K - 1) for ε/K moves a loss by 1e-5: every value before it would agree in float32), else as run."""
    mine, theirs = (np.asarray(record.get(name), np.float64) for record in (numpy_record, torch_record))
    if mine.shape != theirs.shape or not mine.size:
        return built
    apart = float(np.max(np.abs(mine - theirs))) <= trace_tolerance(built) * max(float(np.max(np.abs(theirs))), 1e-12)
    return widened(built) if apart else built


def loss_agrees(result: RunResult, step: int | None) -> bool:
    """Whether the loss is compared and agrees at that step: a value that parts there is made past the loss."""
    loss = result.tensors.get("loss")
    return loss is not None and loss.first_failed_step != step


def _kept_beside(result: RunResult, found: Finding) -> Finding | None:
    """The output parts at a value the port's optimizer writes in place (addcdiv_, lerp_, add_: an update), while the loss
    of the same step agrees: the output is read after the step, from values kept beside the parameters (an average of
    the weights, an EMA), and the two programs keep them otherwise."""
    shared = str(found.evidence.get("agree_up_to", ""))
    written = re.search(r"the port's \w+_ output|\(in place\)", shared) or any(
        re.match(r"\w+_\(", str(op)) for op in found.evidence.get("torch_ops") or [])  # the port's next op writes in place
    if found.name != "forward" or not loss_agrees(result, found.evidence.get("step")) or not written:
        return None
    return Finding("forward", f"{found.explanation} The loss of that step agrees and the programs part where the port "
                   "writes in place: the output is read after the step, from values kept beside the "
                   "parameters (an average of the weights, an EMA of them), and the two programs keep or read those "
                   "otherwise (their update's form, its weight, its order against the step).", found.evidence,
                   "Update the averaged weights alike in both programs (the same weight, after the step).", 0.75)


def _columns_counted(setup: Setup, found: Finding) -> Finding | None:
    """A loss ratio with a plain meaning (half, the batch size) that is also 1/c (or c) for c the columns of y: a mean
    over every element where the rows' count belongs (or the reverse), said beside it (half: 0.5·Σ, or y's 2 columns)."""
    ratio = found.evidence.get("ratio")
    meaning = ratio is not None and found.name in ("factor-2", "loss-reduction") and count_meaning(ratio, np.shape(setup.data.y))
    if not meaning:
        return None  # a count alone fits by its number: the readings of the losses' counts say it with the others
    return Finding("loss-reduction", f"{found.explanation[:-1]}, or {meaning[1]}.", dict(found.evidence),
                   "Divide the loss by the same count in both programs.", found.score)


def _loss_keyword(setup: Setup, built, step: int, ratio_finding: Finding) -> Finding:
    """A constant ratio of the losses that one keyword of the port's loss function gives: that call, named."""
    said = quietly(loss_keyword, setup, built, step, ratio_finding.evidence["ratio"])
    if not said:
        return ratio_finding
    return Finding("loss-function", ratio_finding.explanation + said, {**ratio_finding.evidence, "side": "torch"},
                   "Compute the same loss in both programs (torch.nn.functional.huber_loss for a Huber loss).", 0.9)


def _loss_call(setup: Setup, built, step: int, numpy_loss: float, rows: int) -> Finding | None:
    numpy_trace, torch_trace = traces(setup, built, step)
    total = next((float(v.array.ravel()[0]) for v in port_loss_value(torch_trace)), None)
    masks = [(rows, np.flatnonzero(v.array)) for v in numpy_trace.values if v.array.shape == (rows,) and zero_one(v.array)
             and 0 < np.count_nonzero(v.array) < rows][:8]  # a 0/1 weight per row
    return loss_call_finding(torch_trace.calls, numpy_loss, rows, trace_tolerance(built), step, numpy_trace.picks + masks, total)


def _forward(name: str, numpy_record: dict, torch_record: dict, rows: int, step: int) -> list[Finding]:
    ratio = constant_ratio(numpy_record[name], torch_record[name])
    evidence = {"step": step, "tensor": name, "numpy": float(np.ravel(numpy_record[name])[0]),
                "torch": float(np.ravel(torch_record[name])[0]), "ratio": ratio}
    if ratio is not None and (meaning := _ratio_meaning(ratio, rows, ONE_NUMBER if np.size(numpy_record[name]) == 1 else 1e-3)):
        return [Finding(meaning[0], f"The {name} at the shared start of step {step} is {meaning[1]} on the NumPy side against "
                         f"the port's (ratio {ratio:.6g}, constant over the tensor).", evidence,
                         "Use the same reduction and scale of the loss in both programs.", 0.9)]
    outputs_agree = "output" in numpy_record and "output" in torch_record and name == "loss" and np.allclose(
        numpy_record["output"], torch_record["output"], rtol=1e-5, atol=1e-6)
    where = "the loss function (the outputs agree)" if outputs_agree else "the forward pass"
    return [Finding("forward", f"The programs part at step {step} in {where}: {name} differs at the shared start, before "
                     f"any update.", evidence, f"Compare the two programs' {where.split(' (')[0]} line by line.", 0.5)]


def ranked(found: list[Finding], finding: Finding, after_oracle: bool = False) -> None:
    """Put a finding first unless the one first has a higher fit (a stage alone goes after a reading); after an oracle
    that names a side alone, a form read on that side's values goes first whatever its fit."""
    form = after_oracle and finding.evidence.get("side") == found[0].evidence.get("side") and "agree_up_to" in \
        finding.evidence and finding.score > LOCATED
    found.insert(0 if form or finding.score >= found[0].score else 1, finding)


SEEN = 1e-7  # relative: a float64 loss difference float32 could see (two methods of one value agree far closer)


def forward_beneath(setup: Setup, built, failure, record: dict, found: list[Finding]) -> Finding | None:
    """The losses agree within their tolerance, yet the forward passes part before the loss (an exact GELU against its
    tanh approximation, 5e-4 apart): every gradient after that is of another function, so a backward reading would
    compare two programs' derivatives of two forwards. Traced in float64 (a float32 trace's tolerance lets that much
    through) at the first step, and said only where the two losses part in float64 there and a reading of the
    parting is confident."""
    step = 1  # read from the one start both programs share whole: later, state the port is not given (an unpaired
    # parameter, a running statistic) parts the forwards as well as any slip
    if failure.tensor in ("loss", "output") or "loss" not in record or found and found[0].name != "unknown" and \
            (found[0].evidence.get("stage") != "backward" or found[0].score >= 0.9):
        return None  # a reading of the update stands (it reads the updates, not the forward), as does a sure backward one
    wide = widened(built)
    losses = quietly(lambda: [side.step(setup.rows(step)).get("loss") for side in replayed(setup, wide, step)])
    if not losses or any(loss is None for loss in losses):
        return None
    mine, theirs = (float(np.ravel(loss)[0]) for loss in losses)
    if abs(mine - theirs) <= SEEN * max(abs(theirs), 1e-12):
        return None  # the two losses one number to what float32 could see: no forward parts that a later stage shows
    parted = quietly(written_forward, setup, wide, step, "loss", np.asarray(losses[0], np.float64))
    if parted is None or parted.score < 0.8 or "agree_up_to" not in parted.evidence:
        return None
    return replace(parted, explanation=f"The losses agree within their tolerance at step {failure.step}, but the forward "
                   f"passes part before the loss from step 1 on (traced in float64), and every gradient after that point is "
                   f"of another function. {parted.explanation}")
