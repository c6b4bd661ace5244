"""Findings about the update: a layer updated with another's step, and the optimizer's conventions."""

from __future__ import annotations

import types
from collections.abc import Iterator

import numpy as np

from parity.diagnosis.evidence import Evidence, common_ratio, relative_gap
from parity.diagnosis.port_trace import count_steps
from parity.diagnosis.finding import Finding
from parity.diagnosis.ratios import step_law


def wrong_layer_update(e: Evidence) -> Finding | None:
    matches = {}
    for name in e.params():
        if not e.failed(name):
            continue
        for other in e.params():
            if other == name or e.before[other].shape != e.before[name].shape:
                continue
            if relative_gap(e.update("numpy", name), e.update("torch", other)) < e.match_tolerance \
                    and not _signs_only(e.update("torch", other), e.config.lr):
                matches[name] = other
                break
    if not matches:
        return None
    name, other = next(iter(matches.items()))
    swapped = sorted(n for n, o in matches.items() if matches.get(o) == n)
    words = (f"{' and '.join(f'{n} and {matches[n]}' for n in swapped if n < matches[n])} took each other's steps (each "
             "updated with the other layer's gradient: a list of gradients built from the output layer down and applied "
             "in layer order, reversed() forgotten, or two names exchanged)" if swapped else
             f"{name} was updated with another layer's step, {other}'s gradient")
    return Finding("wrong-layer-update", f"{words}: the two have the same shape, so nothing complained.",
                   {"tensor": name, "update_matches": other, "matches": matches}, f"Update {name} with the gradient of {name}.", 0.95)


def replaced_by_step(e: Evidence) -> Finding | None:
    """A parameter whose new value on one side is the other side's step itself: the old value dropped (`w =- lr * g`,
    read by Python as w = -(lr * g), where w -= lr * g belongs)."""
    for side, other in (("numpy", "torch"), ("torch", "numpy")):
        for name in (n for n in e.params() if e.failed(n)):
            step = e.update(other, name)
            after = getattr(e, side)(name)
            if np.any(step) and relative_gap(np.asarray(after, np.float64), step) < e.match_tolerance:
                program = "NumPy program" if side == "numpy" else "port"
                return Finding("replaced-by-step", f"The {program}'s {name} after step {e.step} is the step itself "
                               f"(-lr·g, the other side's update): the old value is dropped, {name} = -lr·g where "
                               f"{name} -= lr·g belongs (`=-` typed for `-=`).", {"tensor": name, "side": side},
                               f"Write {name} -= lr * grad.", 0.9)
    return None


def _signs_only(update: np.ndarray, lr: float) -> bool:
    """Every element ±lr (Adam's first step, -lr·g/|g|): two such updates agree wherever their gradients' signs do, so
    their match says nothing about which gradient was used."""
    return bool(np.allclose(np.abs(update), lr, rtol=1e-2))


def optimizer_convention(e: Evidence) -> Finding | None:
    grads_agree = not any(e.failed(g) for g in e.grads())
    failing = [p for p in e.params() if e.failed(p)]
    if not grads_agree or not failing:
        return None
    c = e.config
    ratio = common_ratio(e, e.params(), e.update)
    evidence = {"update_ratio": ratio, "step": e.step, "optimizer": c.optimizer}
    known = []
    if ratio is not None and e.step == 1:
        if c.optimizer in ("momentum", "nesterov"):
            known.append((1 - c.momentum, f"a momentum average that starts from zero (v = βv + (1-β)g, v₀ = 0): "
                          f"torch.optim.SGD seeds its buffer with the first raw gradient, so its first step is 1/(1-β) = "
                          f"{1 / (1 - c.momentum):.3g} times larger", "For torch's semantics, start the buffer at the first gradient; to keep the average, use --optimizer ema-momentum (SGD with dampening=β and a zero buffer)."))
            if c.dampening:
                known.append((1 - c.dampening, "dampening applied on the first step: torch.optim.SGD's first step uses the raw gradient",
                              "Skip dampening when the buffer is first filled."))
        if c.optimizer == "ema-momentum":
            known.append((1 / (1 - c.momentum), "a buffer seeded with the raw gradient (torch's default momentum) where the run asks for an average from zero",
                          "Start the velocity at zero: v = βv + (1-β)g."))
        known.append((0.0, "no movement on the first step: the update used the buffer before this step's gradient was added (one step behind)",
                      "Add the gradient to the buffer first, then step with it."))
    if ratio is not None and c.optimizer == "adam":
        beta1, beta2 = c.betas
        known.append(((1 - beta1**e.step) / np.sqrt(1 - beta2**e.step), "Adam without bias correction: m and v are not divided by (1-β1^t) and (1-β2^t)",
                      "Divide by the bias corrections: lr/(1-β1^t) · m / (√v/√(1-β2^t) + ε)."))
    # code checked with `parity check` and a stateful optimizer records updates only
    agree = "The gradients agree but the updates are" if e.grads() else "The updates are"
    for expected, what, fix in known:
        if ratio is not None and abs(ratio - expected) <= 2e-2 * max(abs(expected), 1e-2):
            return Finding("optimizer-convention", f"{agree} {ratio:.4g} times torch's: {what}.", evidence, fix, 0.95)
    steps = e.oracles.get("update_ratios", {}).get("steps", [])
    evidence["ratios_by_step"] = [round(s["ratio"], 6) for s in steps]
    across = _across_steps(e, ratio, steps, agree, evidence)
    if across:
        return across
    if not e.grads() and (e.oracles.get("finite_difference") or {}).get("wrong"):
        return None  # gradients unrecorded, and the oracle says where they depart: the unknown finding says it plainly
    return Finding(
        "optimizer-convention",
        ("The gradients agree but the updates do not" if e.grads() else "The updates do not agree")
        + ": the optimizer's formula or state differs from torch.optim's.",
        evidence,
        "Compare the update rule with torch.optim's documented algorithm, step by step from the first.",
        0.5,
    )


NO_UPDATE_CAUSES = {
    "numpy": ("the update never ran, or it ran on copies of the weights that the network does not use: a local or loop "
              "variable rebound to a new array (param = param - lr * g makes a new array, dropped; param -= lr * g updates "
              "in place), an array rebuilt from a list",
              "Make sure the step calls the update (for parity check: --step runs backpropagation too) and updates the arrays "
              "in place (W -= lr * g, or self.W = ...)."),
    "torch": ("optimizer.step() never ran, ran before loss.backward() (at the first step there is no gradient yet, and each "
              "later step applies the step before's), or zero_grad() came between backward() and step()",
              "Call optimizer.zero_grad(), then loss.backward(), then optimizer.step(), in that order, every step."),
}


def no_update(e: Evidence) -> Finding | None:
    """One side's step changed no parameter at all, while the other side's moved."""
    params = e.params()
    for side, other in (("numpy", "torch"), ("torch", "numpy")):
        if not params or any(np.any(e.update(side, p)) for p in params) or not any(np.any(e.update(other, p)) for p in params):
            continue
        if side == "numpy" and e.step == 1 and e.config.optimizer in ("momentum", "nesterov"):
            return None  # a momentum step one behind also stands still at first: optimizer_convention names it
        cause, fix = NO_UPDATE_CAUSES[side]
        spent = _spent_iterators(e) if side == "torch" else []
        calls = _step_calls(e) if side == "torch" and not spent else []
        if calls and any(calls) and not all(calls):
            every = next(i for i, c in enumerate(calls) if c) + 1
            cause = (f"it calls optimizer.step() in only some training steps ({', '.join(map(str, calls))} calls in steps "
                     f"{e.step} to {e.step + len(calls) - 1}): gradients accumulated over {every} calls before each step "
                     f"(an accumulation count left in the step), so step {e.step} moves nothing")
            fix = "Step the optimizer once every training step (accumulation steps 1)."
        if spent:
            cause = (f"its optimizer holds {', '.join(spent)}, a generator or iterator (model.parameters() is one), which its "
                     "first pass over it used up (zero_grad() or step()): from then on the optimizer steps no parameter")
            fix = "Keep the parameters as a list in the optimizer: list(model.parameters())."
        return Finding(
            "no-update",
            f"The {'NumPy' if side == 'numpy' else 'PyTorch'} step changed no parameter at step {e.step}, while the other side "
            f"moved them: {cause}.",
            {"side": side, "step": e.step, "tensors": params},
            fix,
            0.98 if side == "numpy" else 0.9,
        )
    return None


def _step_calls(e: Evidence, steps: int = 4) -> list[int]:
    """How many times the port calls optimizer.step() in each training step from the failing one on."""
    try:
        port = e._setup.replay(e.step)[1]
        counted, calls = count_steps(getattr(getattr(port, "side", port), "optimizer")), []
        for k in range(steps):
            counted[0] = 0
            port.step(e._setup.rows(e.step + k))
            calls.append(counted[0])
        return calls
    except Exception:  # a port that cannot be replayed: nothing counted
        return []


def _spent_iterators(e: Evidence) -> list[str]:
    """The port's optimizer's attributes that are one-pass iterators with nothing left (a stored model.parameters())."""
    try:
        port = e._setup.replay(e.step)[1]
        port.step(e._setup.rows(e.step))  # the failing step itself, which found nothing left to step
        optimizer = getattr(getattr(port, "side", port), "optimizer", None)
        found = []
        for name, value in vars(optimizer).items():
            if isinstance(value, (types.GeneratorType, Iterator)) and not isinstance(value, (list, tuple, dict, str)) \
                    and next(iter(value), None) is None:
                found.append(f"self.{name}")
        return found
    except Exception:  # a port that cannot be replayed, an optimizer without attributes: nothing read
        return []


def _one_rate(e: Evidence, steps: list[dict]) -> bool:
    """One learning rate explains the updates only if one ratio holds at several steps."""
    if len(steps) < 2 or any(s["gap"] > e.ratio_tolerance for s in steps):
        return False
    ratios = [s["ratio"] for s in steps]
    return max(ratios) - min(ratios) <= e.ratio_tolerance * abs(np.mean(ratios))


def _clipped_by_norm(e: Evidence, steps: list[dict]) -> float | None:
    """The threshold c when the update ratio is c / ‖g‖ (below 1) at every step: clipping by global norm."""
    if len(steps) < 2 or any(s["gap"] > e.ratio_tolerance or not s["grad_norm"] or not 0 < s["ratio"] < 1 for s in steps):
        return None
    products = [s["ratio"] * s["grad_norm"] for s in steps]
    if max(products) - min(products) > e.ratio_tolerance * np.mean(products) or _one_rate(e, steps):
        return None
    return float(np.mean(products))


def state_convention(e: Evidence) -> Finding | None:
    """The optimizer's state differs by one constant factor while every update agrees: the same optimizer, its
    state kept in another convention (lr folded into a velocity, v = μv - lr g)."""
    state = [n for n in e.comparisons if n.rsplit(".", 1)[-1] in ("momentum", "exp_avg", "exp_avg_sq") and e.failed(n)]
    if not state or any(e.failed(p) for p in e.params()) or any(e.failed(g) for g in e.grads()):
        return None
    ratio = common_ratio(e, state, lambda side, n: getattr(e, side)(n))
    if ratio is None:
        return None
    return Finding(
        "state-convention",
        f"Every update agrees, but the NumPy side keeps its optimizer state as {ratio:.6g} times torch's "
        f"({', '.join(state[:3])}): the same optimizer in another convention, such as a velocity with the learning rate "
        "folded in (v = μv - lr g). Not a bug in the update.",
        {"ratio": ratio, "tensors": state},
        "Nothing to mend in the training; to compare state too, keep it as torch.optim does (the buffer without lr).",
        0.9,
    )


def _varying_rate(e: Evidence, steps: list[dict]) -> bool:
    """Each step a pure multiple of torch's update, but not one multiple: the rate itself moves."""
    if len(steps) < 2 or any(s["gap"] > e.ratio_tolerance or s["ratio"] <= 0 for s in steps):
        return False
    return not _one_rate(e, steps)


def _law_of_the_step(e: Evidence, steps: list[dict]) -> tuple[str, str, str] | None:
    """A ratio that moves with the step, matched against the laws that make one (ratios.step_law). A law fits to the
    ratios' own precision (1e-4), far inside what a coincidence of three numbers allows; ε moves Adam's ratio a little
    off its law (2e-3), still only a law of Adam's own β's."""
    t = np.array([s["step"] for s in steps], dtype=np.float64)
    r = np.array([s["ratio"] for s in steps])
    ratios = ", ".join(f"{x:.4g}" for x in r)
    law = step_law(r, t, e.config.betas if e.config.optimizer == "adam" else None, 2e-3, 1e-4,
                   e.config.momentum if e.config.optimizer == "ema-momentum" else None)
    if law is None:
        return None
    kind, detail = law
    if kind == "linear":
        side, intercept, slope = detail
        return ("learning-rate-schedule", f"torch's times a factor that moves in a straight line with the step on the {side} "
                f"side ({ratios}; {intercept:.4g} + {slope:.4g}·t): a linear warm-up or decay schedule (LambdaLR, LinearLR) on "
                "that side only.",
                "Schedule both sides alike, stepping the scheduler once per step, or neither.")
    if kind == "step-counter":
        return ("bias-correction", f"torch's times the law of Adam's bias corrections at steps {int(t[0])} to {int(t[-1])} "
                f"({ratios}): {detail}.", "Count Adam's steps from 1 at the first step, incremented once per step, on both sides.")
    if kind == "average-correction":
        return ("bias-correction", f"torch's times the law of a moving average's bias correction at steps {int(t[0])} to "
                f"{int(t[-1])} ({ratios}): {detail}.", "Average without the bias correction on both sides, or with it on both.")
    if kind == "bias-correction":
        return ("bias-correction", f"torch's times the law of Adam's bias corrections at steps {int(t[0])} to {int(t[-1])} "
                f"({ratios}): {detail} on the NumPy side.", "Divide m by (1 - β1^t) and v by (1 - β2^t), once each, as torch.optim.Adam does.")
    return ("learning-rate-schedule", f"torch's times a factor that changes by {detail:.6g} from each step to the next "
            f"({ratios}): an exponential learning-rate schedule on the NumPy side only.",
            "Give both sides the same schedule (torch.optim.lr_scheduler.ExponentialLR), or none.")


def _across_steps(e: Evidence, ratio: float | None, steps: list[dict], agree: str, evidence: dict) -> Finding | None:
    """What the update ratios at several steps say: one learning rate, clipping by norm, or a schedule."""
    c = e.config
    if ratio is not None and ratio > 0 and abs(ratio - 1) > 10 * e.ratio_tolerance and _one_rate(e, steps):
        return Finding(
            "update-scale",
            f"{agree} {ratio:.6g} times torch's at each of steps {steps[0]['step']} to {steps[-1]['step']}: the learning rate "
            f"differs (NumPy behaves as lr = {ratio * c.lr:.6g}, the run says {c.lr:g}).",
            evidence,
            "Use the same learning rate on both sides; a hard-coded rate in the NumPy code is the usual cause.",
            0.9,
        )
    threshold = _clipped_by_norm(e, steps)
    if threshold is not None:
        return Finding(
            "optimizer-variant",
            f"{agree} a fraction of torch's that shrinks as the gradient grows: the gradient is clipped to a global norm "
            f"of {threshold:.4g} (the update's ratio times the gradient's norm is {threshold:.4g} at every step).",
            evidence,
            "Drop the clipping, or clip in torch too (torch.nn.utils.clip_grad_norm_).",
            0.95,
        )
    law = _law_of_the_step(e, steps) if _varying_rate(e, steps) else None
    if law is not None:
        name, text, fix = law
        # a law fitted over several steps outweighs a variant that reproduces one step (a counter stuck at 1 is one behind at step 2)
        return Finding(name, f"{agree} {text}", {**evidence, "ratios": [s["ratio"] for s in steps]}, fix, 0.97)
    if _varying_rate(e, steps):
        ratios = ", ".join(f"{s['ratio']:.4g}" for s in steps)
        return Finding(
            "learning-rate-schedule",
            f"{agree} a pure multiple of torch's at every step, but a different one each step "
            f"({ratios} at steps {steps[0]['step']} to {steps[-1]['step']}): "
            "the NumPy learning rate changes as it trains, a schedule or decay the torch side does not have.",
            evidence,
            "Give both sides the same schedule (torch.optim.lr_scheduler), or none.",
            0.7,  # ratios that move by no known law: room for the update law, which may reproduce every update
        )
    return None
