"""One factor for every parameter: a difference no layer-by-layer model explains, read by how it moves with the step.

When every parameter's update on one side is the same multiple of the
other's, the cause acts on the whole step, never on one layer: a learning
rate, a loss scale, gradients summed twice in a step (backward() called
twice), clipping by the global norm, a schedule, a bias correction. The
multiple over the next steps tells them apart: one number (a rate or a
scale), a law of the step (1 - β^t, γ^t), or a number that follows the
gradient's norm (clipping). It is never reported as "the output layer
follows one learning rate, the layers below depart".
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from parity.diagnosis.family import reduction_reading
from parity.diagnosis.finding import Finding
from parity.diagnosis.oracles import update_ratio_oracle
from parity.diagnosis.evidence import fit_ratio
from parity.diagnosis.quietly import quietly
from parity.diagnosis.ratios import cuts, schedule_form, step_law
from parity.diagnosis.schedule_forms import schedule_parted
from parity.engine.setup import Setup
from parity.tolerance.diagnosis import MATCH_TOLERANCE, RATIO_SPREAD

LAW_TOLERANCE = 1e-4  # a law fits the ratios to their own precision


def shared_factor(setup: Setup, failure) -> tuple[Finding, dict] | None:
    params = [p for p in setup.init if p in failure.numpy_record and p in failure.torch_record]
    # fitted over each whole tensor, not element by element: in float32 an update's small elements carry a
    # relative rounding error far above RATIO_SPREAD, though the factor holds to 1e-6 over the tensor
    fits = [fit_ratio(np.asarray(failure.numpy_record[p], np.float64) - failure.numpy_before[p],
                      np.asarray(failure.torch_record[p], np.float64) - failure.torch_before[p]) for p in params]
    if len(params) < 2 or any(f is None or f[1] > 10 * MATCH_TOLERANCE[setup.config.dtype] for f in fits):
        return None
    ratios = [f[0] for f in fits]
    if max(ratios) - min(ratios) > RATIO_SPREAD * abs(max(ratios)):
        return None
    factor = float(np.median(ratios))
    oracle = update_ratio_oracle(setup, failure)
    moving = [s["ratio"] for s in oracle["steps"] if s["gap"] <= 1e-2]
    if abs(factor - 1) <= 10 * RATIO_SPREAD and not any(abs(m - 1) > 10 * LAW_TOLERANCE for m in moving):
        return None  # near 1 now and over the next steps: no factor to read (a schedule that drifts away is read)
    steps = [s for s in oracle["steps"] if s["gap"] <= 1e-2]
    evidence = {"step": failure.step, "factor": factor, "ratios": [s["ratio"] for s in steps], "tensors": params}
    found = _read(setup, failure.step, factor, steps, evidence)
    if found.name == "update-scale" and setup.user_sides in (("numpy",), ("torch",)):
        X, y = setup.batch(failure.step)
        ratio = factor if setup.user_sides == ("numpy",) else 1 / factor  # the user's program's step over the kit's
        reading = reduction_reading(ratio, setup.config, np.asarray(y), np.shape(X)[1] if np.ndim(X) == 2 else None,
                                    len(setup.data.X))
        if reading:
            found = replace(found, explanation=f"{found.explanation} {reading[0]}", fix=reading[1], score=0.9)
    return found, {"update_ratios": oracle}


def _read(setup: Setup, step: int, factor: float, steps: list[dict], evidence: dict) -> Finding:
    r = np.array([s["ratio"] for s in steps])
    norms = np.array([s["grad_norm"] or 0.0 for s in steps])
    every = f"Every parameter's NumPy update is {factor:.6g} times the torch side's at step {step}: one factor for all layers"
    if getattr(setup, "written", None) is not None and (parted := quietly(schedule_parted, setup, setup.written, step, list(r),
                                                                            evidence)):
        return parted
    if len(r) >= 2 and np.all(np.abs(r - r[0]) <= RATIO_SPREAD * abs(r[0])) and (named := _of_the_momentum(factor, setup.config)):
        return Finding("update-scale", f"{every}, the same at every step ({', '.join(f'{x:.4g}' for x in r)}).{named}", evidence,
                       "Convert the momentum's learning rate between its two forms: heavy-ball lr = average-form lr · (1 - μ).", 0.9)
    if len(r) >= 2 and np.all(np.abs(r - r[0]) <= RATIO_SPREAD * abs(r[0])) and step >= 3:
        side, cut = ("port", 1 / factor) if factor > 1 else ("NumPy", factor)
        return Finding("learning-rate-schedule", f"{every}, the same at the steps read after it ({', '.join(f'{x:.4g}' for x in r)}), "
                       f"where steps 1 to {step - 1} agreed: the {side} side's learning rate is cut to {cut:.4g} of itself at "
                       f"step {step}: a step-wise schedule on that side only (StepLR or MultiStepLR, or ReduceLROnPlateau "
                       "cutting the rate when it sees no improvement: built with mode='max' and stepped with a falling "
                       "loss, it cuts every patience + 1 steps).", evidence, "Schedule both sides alike, or neither.", 0.85)
    if len(r) >= 2 and np.all(np.abs(r - r[0]) <= RATIO_SPREAD * abs(r[0])):
        return Finding("update-scale", f"{every}, the same at every step ({', '.join(f'{x:.4g}' for x in r)}): a learning "
                       f"rate {factor:.4g} times the other's, a loss scaled by it, or, for a factor of 2 or 1/2, gradients "
                       f"summed twice in a step (backward() called twice, a gradient added to itself){_micro_batches(factor)}.",
                       evidence, "Use the same learning rate and loss scale, and one backward pass a step, on both sides.", 0.85)
    law = _law(setup, r, np.array([s["step"] for s in steps], dtype=np.float64))
    if law:
        return Finding(law[0], f"{every}, moving with the step ({', '.join(f'{x:.6g}' for x in r)}) as {law[1]}",
                       evidence, law[2], 0.9)
    # Adam's step does not scale with the gradient: a ratio following the norm there is no clipping
    clipping = ((r * norms, "NumPy"), (r / np.where(norms > 0, norms, np.nan), "torch")) if setup.config.optimizer != "adam" else ()
    for product, side in clipping:
        # no gradient norms recorded (a check's twin records updates only): no clipping to read
        if len(r) >= 2 and np.all(norms > 0) and np.all(np.isfinite(product)) and np.all(np.abs(product - product[0]) <= 1e-3 * abs(product[0])):
            return Finding("gradient-clipping", f"{every}, and it follows the gradient's norm ({', '.join(f'{x:.4g}' for x in r)}): "
                           f"the {side} side clips the gradients to a global norm (clip_grad_norm_) the other side does not.",
                           evidence, "Clip on both sides, at the same norm and the same point of the step, or on neither.", 0.9)
    return Finding("step-factor", f"{every}, changing from step to step ({', '.join(f'{x:.4g}' for x in r)}): something "
                   "scales the whole step (a schedule, clipping, a bias correction) on one side only.",
                   evidence, "Compare what each side does to the whole step: its learning-rate schedule, clipping, and corrections.", 0.6)


def _of_the_momentum(factor: float, config) -> str:
    """The factor named by the run's momentum μ where it is (1 - μ)^k or (1 + μ)^k: a momentum's learning rate
    converted between its two written forms, the wrong way or not at all."""
    mu = config.momentum if config.optimizer in ("momentum", "nesterov", "ema-momentum") else None
    if not mu:
        return ""
    forms = {(1 - mu) ** 2: ("(1 - μ)²", "an average-form momentum's learning rate converted to heavy-ball form the wrong way "
                             "round: lr / (1 - μ) where lr·(1 - μ) belongs"),
             (1 - mu) ** -2: ("1 / (1 - μ)²", "an average-form momentum's learning rate converted to heavy-ball form the wrong "
                              "way round: lr / (1 - μ) where lr·(1 - μ) belongs"),
             1 - mu: ("1 - μ", "one side's momentum averages the gradients (v = μ·v + (1 - μ)·g, dampening) where the other's "
                      "adds them (v = μ·v + g), its learning rate not converted"),
             1 / (1 - mu): ("1 / (1 - μ)", "one side's momentum adds the gradients (v = μ·v + g) where the other's averages "
                            "them (v = μ·v + (1 - μ)·g, dampening), its learning rate not converted")}
    for value, (form, words) in forms.items():
        if abs(factor - value) <= 1e-4 * value:
            return f" It is {form} with the run's momentum μ = {mu:g}: {words}."
    return ""


def _micro_batches(factor: float) -> str:
    whole = max(factor, 1 / factor)
    if whole < 2.5 or abs(whole - round(whole)) > 1e-3 * whole:
        return ""
    return (f"; for a whole {round(whole)}, the gradients of {round(whole)} micro-batches accumulated with each mean "
            f"loss not divided by {round(whole)}")


def _law(setup: Setup, r: np.ndarray, t: np.ndarray) -> tuple[str, str, str] | None:
    c = setup.config
    law = step_law(r, t, c.betas if c.optimizer == "adam" else None, LAW_TOLERANCE, LAW_TOLERANCE,
                   c.momentum if c.optimizer == "ema-momentum" else None)
    if law is None or law[0] == "linear":
        schedule = schedule_form(r, t, LAW_TOLERANCE) or cuts(r, t, 10 * RATIO_SPREAD)
        if schedule:
            return "learning-rate-schedule", f"a schedule: {schedule}.", "Write the schedule alike on both sides, or none."
    if law is None:
        return None
    kind, detail = law
    if kind == "linear":
        side, intercept, slope = detail
        return ("learning-rate-schedule", f"the {side} side's learning rate a straight line in the step ({intercept:.4g} + "
                f"{slope:.4g}·t, relative to the other's): a linear warm-up or decay schedule (LambdaLR, LinearLR) on that side only.",
                "Schedule both sides alike, stepping the scheduler once per step, or neither.")
    if kind == "cosine":
        side, T = detail
        return ("learning-rate-schedule", f"the {side} side's learning rate annealed along a cosine over T = {T:.6g} steps, "
                f"lr·(1 + cos(π·(t - 1)/{T:.6g}))/2 (CosineAnnealingLR(T_max={T:.6g}) stepped once a step) on that side only.",
                "Schedule both sides alike, or neither.")
    if kind == "step-counter":
        return ("bias-correction", f"Adam's bias corrections at another step: {detail}.",
                "Count Adam's steps from 1 at the first step, incremented once per step, on both sides.")
    if kind == "average-correction":
        return ("bias-correction", f"{detail}.", "Average without the bias correction on both sides (torch.optim.SGD with "
                "dampening=β has none), or with it on both.")
    if kind == "bias-correction":
        return ("bias-correction", f"Adam with {detail} on the NumPy side.",
                "Divide m by (1 - β1^t) and v by (1 - β2^t), once each, as torch.optim.Adam does.")
    return ("learning-rate-schedule", f"a factor of {detail:.6g} from each step to the next: an exponential learning-rate "
            "schedule on one side only.", "Step the same schedule on both sides, once per step, or none.")
