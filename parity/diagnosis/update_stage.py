"""The update stage of two programs as written: what the step did with the gradients.

Never made on one side; given the NumPy program's gradients, does the port's
update move a parameter alike (a step split by --backward and --update);
a difference proportional to the parameter (weight decay); a ratio that
moves with the step, read by its law (a bias correction, an exponential
schedule, one factor for every parameter: clipping or a schedule).
"""

from __future__ import annotations

import math

import numpy as np

from parity.diagnosis.finding import Finding
from parity.diagnosis.ratios import constant_ratio, ratio_meaning as _ratio_meaning, schedule_form
from parity.engine.setup import Setup

LAW_STEPS = 6  # steps over which a moving ratio is read


def same_gradients_update(setup: Setup, built, step: int) -> dict[str, float] | None:
    """Given the NumPy program's gradients, does the port's update move each parameter as the NumPy update does?
    Both programs replayed to the step's start in lockstep, each runs its --backward, the port's gradients are
    replaced by the NumPy program's, and each runs its --update. Per parameter, the largest difference of the two
    updates relative to the NumPy update's size; None where a program's step is not split."""
    if not (built.numpy_program.split and built.torch_program.split):
        return None
    numpy, torch = built.make_sides()
    for t in range(1, step):
        rows = setup.rows(t)
        numpy.step(rows), torch.step(rows)
        torch.load(numpy.params())
    rows = setup.rows(step)
    before = numpy.params()
    numpy_scope = {**numpy.names, "X": numpy.X[rows], "y": numpy.y[rows]}
    X, y = torch.batch(rows)
    torch_scope = {**torch.names, "X": X, "y": y}
    numpy.program.run(numpy.code, "backward", numpy_scope, step)
    gradients = numpy.gradients()
    if not gradients:
        return None
    torch.program.run(torch.code, "backward", torch_scope, step)
    torch.set_gradients(gradients)
    numpy.program.run(numpy.code, "update", numpy_scope, step)
    torch.program.run(torch.code, "update", torch_scope, step)
    after_numpy, after_torch = numpy.params(), torch.params()
    found = {}
    for name in before:
        moved = after_numpy[name].astype(np.float64) - before[name]
        gap = np.abs(moved - (after_torch[name].astype(np.float64) - before[name]))
        found[name] = float(gap.max(initial=0.0) / max(float(np.abs(moved).max(initial=0.0)), 1e-30))
    return found


def update_findings(setup: Setup, built, context, parameter: str, rows: int, step: int) -> list[Finding]:
    a, b = context.numpy_record[f"{parameter}.update"], context.torch_record[f"{parameter}.update"]
    before = np.asarray(context.numpy_before[parameter], np.float64)
    evidence = {"step": step, "parameter": parameter, "stage": "update"}
    same = same_gradients_update(setup, built, step)
    if same is not None and parameter in same:
        evidence["update_given_numpy_gradients"] = same[parameter]
        if same[parameter] <= 1e-5:
            return [Finding("gradients-differ", f"Given the NumPy program's gradients, the port's update moves {parameter} as the "
                             f"NumPy update does (to {same[parameter]:.2g}): the optimizers agree, and the difference at step "
                             f"{step} comes from the gradients the port computes.", evidence,
                             "Compare the two programs' backward passes (the gradients the port's autograd makes).", 0.8)]
        evidence["optimizers_differ"] = True
    if not np.any(b) and np.any(a):
        return [Finding("not-updated", f"The port never moves {parameter} at step {step}; the NumPy program moves it by up to "
                         f"{float(np.abs(a).max()):.3g}.", {**evidence, "side": "torch"},
                         f"Give {parameter} to the optimizer, and let it require a gradient.", 0.9)]
    if not np.any(a) and np.any(b):
        return [Finding("not-updated", f"The NumPy program never moves {parameter} at step {step}; the port moves it by up to "
                         f"{float(np.abs(b).max()):.3g}.", {**evidence, "side": "numpy"},
                         f"Update {parameter} in the NumPy program's step.", 0.9)]
    gap = np.asarray(a, np.float64) - np.asarray(b, np.float64)
    decay = constant_ratio(gap, before) if np.any(before) else None
    if decay is not None and abs(decay) < 0.5:
        side = "torch" if decay > 0 else "NumPy"
        return [Finding("weight-decay", f"The updates of {parameter} differ by {abs(decay):.3g} times the parameter itself: "
                         f"weight decay (lr x λ = {abs(decay):.3g}) applied on the {side} side only, or with other "
                         f"coefficients.", {**evidence, "lr_times_decay": decay},
                         "Apply the same weight decay (and the same kind: L2 in the gradient, or decoupled) on both sides.", 0.85)]
    ratios = _ratios_over_steps(setup, built, step)
    law = _law(ratios, step)
    if law:
        return [Finding(law[0], law[1], {**evidence, "ratios": ratios}, law[2], 0.85)]
    if evidence.get("optimizers_differ"):
        return [Finding("optimizer-differs", f"Given the same gradients, the two updates move {parameter} differently at step "
                         f"{step} (by {evidence['update_given_numpy_gradients']:.3g} of the NumPy update): the optimizers "
                         f"differ (learning rate, momentum, decay, bias correction, schedule).", evidence,
                         "Compare the two optimizers' update rules and settings term by term.", 0.75)]
    ratio = constant_ratio(a, b)
    if ratio is not None:
        meaning = _ratio_meaning(ratio, rows)
        text = meaning[1] if meaning else f"{ratio:.6g} times"
        return [Finding("update-scale", f"The NumPy update of {parameter} is {text} the port's at step {step} (constant over "
                         f"the tensor): a learning rate, a loss scale or a sign differs.", {**evidence, "ratio": ratio},
                         "Use the same learning rate and loss scale in both programs.", 0.7)]
    return []


def _ratios_over_steps(setup: Setup, built, step: int) -> dict[str, list[float]]:
    """Per parameter, the NumPy update over the port's at each of the next LAW_STEPS steps in lockstep."""
    numpy, torch = built.make_sides()
    found: dict[str, list[float]] = {p.name: [] for p in built.pairs}
    for t in range(1, step + LAW_STEPS):
        rows = setup.rows(t)
        a, b = numpy.step(rows), torch.step(rows)
        if t >= step:
            for p in built.pairs:
                ratio = constant_ratio(a[f"{p.name}.update"], b[f"{p.name}.update"])
                found[p.name].append(float("nan") if ratio is None else ratio)
        torch.load(numpy.params())
    return found


def _law(ratios: dict[str, list[float]], first_step: int) -> tuple[str, str, str] | None:
    """A ratio that moves with the step, read by its law."""
    series = [r for r in ratios.values() if r and all(math.isfinite(x) for x in r)]
    if not series:
        return None
    same_for_all = all(np.allclose(s, series[0], rtol=1e-3) for s in series)
    first = np.array(series[0])
    if np.allclose(first, first[0], rtol=1e-3):
        return None  # a constant ratio: not a law of the step
    for beta in (0.9, 0.99, 0.999):
        t = np.arange(1, len(first) + 1)
        correction = 1 - beta ** t
        if np.allclose(first * correction, (first * correction)[0], rtol=2e-3) or np.allclose(first / correction, (first / correction)[0], rtol=2e-3):
            return ("bias-correction", f"The updates' ratio moves with the step as 1 - {beta}^t ({', '.join(f'{x:.4g}' for x in first)}): "
                    f"Adam's bias correction applied on one side only.", "Apply both bias corrections on both sides.")
    steps = first[1:] / first[:-1]
    if np.allclose(steps, steps[0], rtol=1e-3):
        return ("schedule", f"The updates' ratio changes by the same factor {steps[0]:.6g} every step: an exponential learning-rate "
                f"schedule on one side only.", "Step the same schedule on both sides, once per step.")
    schedule = schedule_form(first, np.arange(1, len(first) + 1) + first_step - 1, 1e-3) if same_for_all else None
    if schedule:
        return ("schedule", f"The updates' ratio moves with the step ({', '.join(f'{x:.4g}' for x in first)}), the same for every "
                f"parameter: {schedule}.", "Write the schedule alike on both sides.")
    if same_for_all and len(series) > 1:
        return ("clipping", "The updates' ratio moves with the step but is the same for every parameter at each step "
                f"({', '.join(f'{x:.4g}' for x in first)}): one factor for all, as clipping by the global norm or a "
                "learning-rate schedule on one side.", "Clip (or schedule) alike on both sides, at the same point of the step.")
    return ("moving-ratio", f"The updates' ratio moves with the step ({', '.join(f'{x:.4g}' for x in first)}): a schedule, a "
            "bias correction or clipping differs.", "Compare the optimizers' step-dependent terms.")
