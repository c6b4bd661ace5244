"""A ratio of two programs' updates that moves with the step, read by its law: Adam's bias corrections, an exponential
or inverse-time schedule, a staircase, a cumulative product; or one factor for every parameter by no known law."""

from __future__ import annotations

import math

import numpy as np

from parity.diagnosis.ratios import cumulative, cuts, schedule_form, step_law


def step_ratio_law(ratios: dict[str, list[float]], first_step: int) -> tuple[str, str, str] | None:
    """A ratio that moves with the step, read by its law."""
    series = [r for r in ratios.values() if r and all(math.isfinite(x) for x in r)]
    if not series:
        return None
    same_for_all = all(np.allclose(s, series[0], rtol=1e-3) for s in series)
    first = np.array(series[0])
    if np.allclose(first, first[0], rtol=1e-3):
        return None  # a constant ratio: not a law of the step
    if len(series) < len([r for r in ratios.values() if r]) and np.ptp(first) <= 1e-2 * abs(first[0]):
        return None  # a drift near one factor while another parameter's update is no one factor of the other's: no law
    if corrected := _bias_corrections({k: r for k, r in ratios.items() if r in series}, first_step):
        return corrected
    for beta in (0.9, 0.99, 0.999):
        t = np.arange(1, len(first) + 1)
        correction = 1 - beta ** t
        if np.allclose(first * correction, (first * correction)[0], rtol=2e-3) or np.allclose(first / correction, (first / correction)[0], rtol=2e-3):
            return ("bias-correction", f"The updates' ratio moves with the step as 1 - {beta}^t ({', '.join(f'{x:.4g}' for x in first)}): "
                    f"Adam's bias correction applied on one side only.", "Apply both bias corrections on both sides.")
    steps = first[1:] / first[:-1]
    logs = np.log(np.abs(steps))  # an exponential's log-steps agree; a ratio drifting near 1 has steps near 1 by any law
    if np.all(steps > 0) and abs(logs[0]) > 1e-6 and np.allclose(logs, logs[0], rtol=1e-2, atol=0):
        return ("schedule", f"The updates' ratio changes by the same factor {steps[0]:.6g} every step: an exponential learning-rate "
                f"schedule on one side only.", "Step the same schedule on both sides, once per step.")
    t = np.arange(1, len(first) + 1) + first_step - 1
    schedule = (schedule_form(first, t, 1e-3) or cuts(first, t, 1e-3) or cumulative(first)) if same_for_all else None
    if schedule:
        return ("schedule", f"The updates' ratio moves with the step ({', '.join(f'{x:.4g}' for x in first)}), the same for every "
                f"parameter: {schedule}.", "Write the schedule alike on both sides.")
    if same_for_all and len(series) > 1:
        return ("step-factor", "The updates' ratio moves with the step but is the same for every parameter at each step "
                f"({', '.join(f'{x:.4g}' for x in first)}): one factor for all, as clipping by the global norm or a "
                "learning-rate schedule on one side.", "Clip (or schedule) alike on both sides, at the same point of the step.")
    return ("moving-ratio", f"The updates' ratio moves with the step ({', '.join(f'{x:.4g}' for x in first)}): a schedule, a "
            "bias correction or clipping differs.", "Compare the optimizers' step-dependent terms.")


BETAS = ((0.9, 0.999), (0.9, 0.98), (0.9, 0.99), (0.8, 0.99), (0.8, 0.999), (0.95, 0.999), (0.9, 0.995), (0.5, 0.999))
# Adam's usual (β1, β2): torch's defaults first, then those of books and of param groups that set their own


def _bias_corrections(ratios: dict[str, list[float]], first_step: int) -> tuple[str, str, str] | None:
    """Every parameter's ratio by Adam's bias-correction law, with one (β1, β2) per group of parameters whose ratios
    agree (param groups with betas of their own): the same correction left out in each."""
    groups: list[tuple[list[float], list[str]]] = []
    for name, series in ratios.items():
        group = next((g for g in groups if np.allclose(series, g[0], rtol=1e-3)), None)
        (group[1].append(name) if group is not None else groups.append((series, [name])))
    laws = []
    for series, names in groups:
        t = np.arange(first_step, first_step + len(series))
        law = next(((betas, found) for betas in BETAS if (found := step_law(np.array(series), t, betas, 2e-3, 1e-3))
                    and found[0] in ("bias-correction", "step-counter")), None)
        if law is None:
            return None
        laws.append((law, names, series))
    if len({found for (_, found), _, _ in laws}) != 1:
        return None  # another correction in each group: no one slip
    (betas, (kind, said)), _, first = laws[0]
    shown = ", ".join(f"{x:.4g}" for x in first)
    if len(laws) == 1:
        text = f"The updates' ratio moves with the step ({shown}), the same for every parameter, as Adam's bias corrections with β = {betas} give it: {said}."
    else:
        beta = (lambda b: f"β2 = {b[1]}") if "second moment" in said else (lambda b: f"β1 = {b[0]}") if "first moment" in said \
            else (lambda b: f"β = {b}")
        each = "; ".join(f"{', '.join(names[:4])}{' ...' * (len(names) > 4)}: {beta(b)}" for (b, _), names, _ in laws)
        text = (f"The updates' ratio moves with the step ({shown} for the first group), in each parameter group as Adam's "
                f"bias corrections with that group's β give it ({each}): {said}.")
    return ("bias-correction", text, "Write both bias corrections as Adam does: m / (1 - β1^t) and v / (1 - β2^t)."
            if kind == "bias-correction" else "Count Adam's steps from t = 1 at the first update, on both sides.")
