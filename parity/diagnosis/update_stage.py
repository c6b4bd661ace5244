"""The update stage of two programs as written: what the step did with the gradients. Never made on one side;
given the NumPy program's gradients, does the port's update move a parameter alike (a step split by --backward and
--update); a difference proportional to the parameter (weight decay); a ratio that moves with the step, read by its
law (a bias correction, an exponential schedule, one factor for every parameter: clipping or a schedule)."""

from __future__ import annotations

import functools
import math

import numpy as np

from parity.diagnosis.evidence import relative_gap
from parity.diagnosis.clip_law import clipping_law
from parity.diagnosis.decay_gap import weight_decay_finding
from parity.diagnosis.finding import Finding
from parity.diagnosis.optimizer_again import _optimizer
from parity.diagnosis.optimizer_constants import constant_in_steps, constant_law, constants_of
from parity.diagnosis.adaptive_denominator import denominator_form
from parity.diagnosis.group_keys import default_group_rate, group_holding, rate_of_another_group, unread_group_key
from parity.diagnosis.schedule_forms import schedule_parted, stepped_first
from parity.diagnosis.learning_rates import PART, one_learning_rate_factor, port_rates, scale_free_law, scaled_finding
from parity.diagnosis.backward_again import delivered_but_still, raw_gradients, still_because
from parity.diagnosis.replays import lockstep, moves_at, replayed
from parity.diagnosis.stale_state import stale_state
from parity.diagnosis.state_order import state_read_early
from parity.diagnosis.ratios import constant_ratio, data_axis as _data_axis, ratio_meaning as _ratio_meaning
from parity.diagnosis.update_norms import update_norm_law
from parity.diagnosis.update_ratio_laws import step_ratio_law as _law
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


def _still(setup: Setup, built, context, parameter: str, step: int, evidence: dict) -> list[Finding]:
    """One program never moves the parameter at this step while the other does: all its parameters at a rate of 0, one
    step longer on that side, or this one left out of the optimizer."""
    a, b = context.numpy_record[f"{parameter}.update"], context.torch_record[f"{parameter}.update"]
    for still, moved, side, who, record in ((b, a, "torch", "The port", context.torch_record),
                                            (a, b, "numpy", "The NumPy program", context.numpy_record)):
        updates = [v for k, v in record.items() if k.endswith(".update")]
        if np.any(still) or not np.any(moved):
            continue
        if step == 1 and (kind := state_read_early(setup, built, side)):
            return [Finding("state-order", f"{who} moves no parameter at step 1 (every update is 0), and from step 2 on its "
                            f"updates are the other program's applied with the {kind} one step old (the other's update times "
                            f"{kind}_(t-1) / {kind}_t, entry by entry, one factor per step): its step applies the state "
                            f"before this step's gradient enters it (the parameter update written above the line that "
                            f"updates the {kind}), so the first step, at a state of 0, moves nothing.",
                            {**evidence, "side": side, "state": kind},
                            "Update the state (the velocity, the first moment) first, then the parameter with it.", 0.85)]
        if len(updates) > 1 and not any(map(np.any, updates)) and moves_at(setup, built, step + 1, side):
            return [Finding("not-updated", f"{who} moves no parameter at step {step} (every update is 0) where the other moves "
                            "every one, and moves them at the next: its step runs at a learning rate of 0 there (a warm-up or "
                            "schedule whose factor is 0 at that step, t / W counted from t = 0).", {**evidence, "side": side},
                            "Start the schedule's factor above 0 at the first step ((t + 1) / W).", 0.85)]
        why = still_because(setup, built, step, parameter) if side == "torch" else ""
        if not why and step > 1 and moves_at(setup, built, step + 1, side, parameter) and \
                not moves_at(setup, built, step - 1, "numpy" if side == "torch" else "torch", parameter):
            why = (f" It moves it again at step {step + 1}, and both programs held it still before: its warm-up or freeze "
                   f"of {parameter} lasts one step longer on that side (a schedule's factor still 0 at step {step}: <= where "
                   "< belongs, or a step counted from another start).")
        why = why or (delivered_but_still(setup, built, step, parameter) if side == "torch" else "")
        return [Finding("not-updated", f"{who} never moves {parameter} at step {step}; the other program moves it by up to "
                        f"{float(np.abs(moved).max()):.3g}.{why}", {**evidence, "side": side},
                        f"Give {parameter} to the optimizer, let it require a gradient, and update it in the step.", 0.9)]
    return []


def _denominator(setup: Setup, built, context, parameter: str, port_names: dict) -> str | None:
    group = group_holding(port_names, built.pairs, parameter)[1]
    fellows = [p.name for p in built.pairs if p.name != parameter and group is not None and
               group_holding(port_names, built.pairs, p.name)[1] is group]
    befores = {p: np.asarray(v, np.float64) for p, v in context.numpy_before.items()}
    gradients = functools.cache(lambda: raw_gradients(setup, built, context.step))
    return denominator_form(port_names, context, parameter, group, gradients, befores, fellows)


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
    if still := _still(setup, built, context, parameter, step, evidence):
        return still
    if decayed := weight_decay_finding(context, parameter, a, b, before, evidence, _port_groups(built)):
        return [decayed]
    port_names = replayed(setup, built, step)[1].names  # the port's optimizer and schedulers as they stand at the step
    if denominator := _denominator(setup, built, context, parameter, port_names):
        return [Finding("optimizer-variant", denominator, {**evidence, "side": "numpy" if denominator.startswith("The NumPy")
                                                           else "torch"}, "Divide by √v + ε (torch's), on both sides alike.", 0.85)]
    plain = _plain_step(port_names, context, parameter) or _sign_step(port_names, context, parameter) or \
        stale_state(port_names, context, parameter)
    if plain:
        return [Finding("update-law", plain, {**evidence, "side": "numpy" if plain.startswith("The NumPy") else "torch"},
                        "Keep the optimizer's state from step to step (create it once), on both sides alike.", 0.85)]
    ratios = _ratios_over_steps(setup, built, step)
    finite = [np.array([x for x in r if math.isfinite(x)]) for r in ratios.values()]  # float32 leaves some unread
    steady = all(len(r) > 1 and np.ptp(r) <= 1e-3 * np.max(np.abs(r)) for r in finite) and sum(map(len, finite)) > len(finite)
    scaled = one_learning_rate_factor(port_names, context) if steady else None  # a factor that holds over the next steps
    if (one := _one_factor(finite)) and (parted := schedule_parted(setup, built, step, one, {**evidence, "ratios": ratios})):
        return [parted]
    if scaled and one and (first := stepped_first(setup, built, step, one[0])):
        return [Finding("learning-rate-schedule", scaled.split(" The port's optimizer steps")[0] + first, {**evidence, "side": "torch"},
                        "Call scheduler.step() after optimizer.step(), once per step.", 0.85)]
    if scaled:
        return [constant_in_steps(scaled_finding(scaled, built, port_names, evidence, context), one, port_names.get("optimizer"))]
    law = _law(ratios, step)
    if (not law or law[0] in ("step-factor", "moving-ratio")) and not steady and (clipped := clipping_law(setup, built, step, ratios)):
        return [Finding("gradient-clipping", clipped, {**evidence, "ratios": ratios}, "Clip alike on both sides.", 0.9)]
    if (law and law[0] == "moving-ratio" or not law and _per_tensor(finite)) and (normed := update_norm_law(setup, built, step)):
        return [Finding("update-norm", normed[0], {**evidence, **({"side": normed[1]} if normed[1] else {})}, "Scale each tensor's step by the same "
                        "norm in both programs (the trust ratio ‖w‖ / ‖step‖ of the whole step; a cap on the RMS or the L2 "
                        "norm, as the other program has it).", 0.85)]
    if law and law[0] in ("step-factor", "moving-ratio", "schedule") and (followed := port_rates(setup, built, step, ratios, LAW_STEPS)) \
            and not (followed.startswith(PART) and "is cut to" in law[1]):  # rates alone say less than cuts that hold
        return [Finding("learning-rate-schedule", followed, {**evidence, "ratios": ratios}, "Schedule both programs alike: "
                        "step the port's scheduler as its documentation says (ExponentialLR.step() takes no loss), or "
                        "give the NumPy program the same schedule.", 0.75 if followed.startswith(PART) else 0.85)]
    if law := law and scale_free_law(law, port_names, next(r for r in ratios.values() if r and all(map(math.isfinite, r))), step):
        fitted = {"fitted": True} if law[0] == "schedule" else {}  # a law fitted to ratios: the port's optimizer rebuilt is measured
        return [Finding(law[0], law[1], {**evidence, "ratios": ratios, **fitted}, law[2], 0.85 if law[0] in ("bias-correction", "schedule") else
                        0.7 if law[0] == "learning-rate-schedule" else 0.6)]
    if evidence.get("optimizers_differ"):
        return [Finding("optimizer-differs", f"Given the same gradients, the two updates move {parameter} differently at step "
                         f"{step} (by {evidence['update_given_numpy_gradients']:.3g} of the NumPy update): the optimizers "
                         f"differ (learning rate, momentum, decay, bias correction, schedule).", evidence,
                         "Compare the two optimizers' update rules and settings term by term.", 0.75)]
    return _constant_ratio(setup, port_names, constant_ratio(a, b), parameter, rows, step, {**evidence, "steady": steady,
                                                                                       "first_ratios": {k: r[0] for k, r in ratios.items() if r}})


def _one_factor(finite: list[np.ndarray]) -> list[float] | None:
    """The one factor every parameter's updates share at each step read (a parameter that never moves left out): the
    longest series, or None where two parameters or two steps part."""
    known = [r for r in finite if len(r)]
    joined = np.concatenate(known) if known else np.array([])
    if len(joined) < 2 or np.ptp(joined) > 1e-3 * np.max(np.abs(joined)):
        return None
    return max(known, key=len).tolist()


def _squared_average_decay(torch_names: dict, ratio: float) -> str | None:
    """RMSprop's first step is lr·sign(g)/√(1 - α): a first-step ratio r is √((1 - α_port)/(1 - α_numpy)): α solved."""
    optimizer = torch_names.get("optimizer")
    group = next(iter(getattr(optimizer, "param_groups", [])), {})
    if type(optimizer).__name__ != "RMSprop" or "alpha" not in group or group.get("momentum") or group.get("centered"):
        return None
    alpha = 1 - (1 - group["alpha"]) / ratio ** 2
    if not 0 < alpha < 1 or abs(alpha - group["alpha"]) < 1e-6 or abs(alpha * 1000 - round(alpha * 1000)) > 1e-3:
        return None
    return (f"RMSprop's first step is lr·sign(g)/√(1 - α): the ratio is √((1 - α_port)/(1 - α_NumPy)), so the NumPy "
            f"program's squared-gradient average decays by α = {alpha:.4g} where the port's RMSprop uses alpha = "
            f"{group['alpha']:g}{' (torch default)' if group['alpha'] == 0.99 else ''}.")


def _plain_step(torch_names: dict, context, parameter: str) -> str | None:
    """One side's update is -lr·g, the port's gradient alone (lr read off the port's optimizer), where the other's is
    not: that side keeps no optimizer state from step to step (a velocity re-created each step, never stored)."""
    grad = context.torch_record.get(f"{parameter}.grad")
    optimizer = torch_names.get("optimizer")
    groups = getattr(optimizer, "param_groups", None)
    if context.step < 2 or grad is None or not groups or not (groups[0].get("momentum") or groups[0].get("betas")):
        return None  # at a first step momentum's update is -lr·g too
    lr = float(groups[0]["lr"])
    plain = -lr * np.asarray(grad, np.float64)
    for side, record, other in (("NumPy program", context.numpy_record, context.torch_record), ("port", context.torch_record,
                                                                                               context.numpy_record)):
        update = np.asarray(record[f"{parameter}.update"], np.float64)
        if np.any(plain) and relative_gap(update, plain) <= 1e-4 and relative_gap(np.asarray(other[f"{parameter}.update"], np.float64), plain) > 1e-3:
            return (f"The {side}'s update of {parameter} is -lr·g, the gradient alone (lr = {lr:g}, read off the port's "
                    f"optimizer), where the other program's optimizer carries state from step to step: no momentum on the "
                    f"{side.split()[0]} side (its velocity or moments re-created at every step, or never stored).")
    return None


def _constant_ratio(setup: Setup, port_names: dict, ratio: float | None, parameter: str, rows: int, step: int,
                    evidence: dict) -> list[Finding]:
    """The updates a constant ratio apart at this step: RMSprop's decay at a first step, a length of the data, or a
    learning rate, a loss scale or a sign."""
    first_ratios = {**evidence.pop("first_ratios", {}), parameter: ratio}  # every parameter's at this step
    if ratio is not None and step == 1 and (decay := _squared_average_decay(port_names, ratio)):
        return [Finding("optimizer-settings", f"The NumPy update of {parameter} is {ratio:.6g} times the port's at step 1 "
                        f"(constant over the tensor). {decay}", {**evidence, "ratio": ratio},
                        "Give both RMSprop optimizers the same decay (alpha in torch, rho or beta in NumPy code).", 0.85)]
    if ratio is not None and (unread := unread_group_key(port_names, getattr(setup.written, "pairs", []), parameter, ratio)):
        return [Finding("optimizer-settings", unread, {**evidence, "ratio": ratio, "side": "torch"},
                        "Name the group's rate 'lr'.", 0.9)]
    if ratio is not None and (other := rate_of_another_group(port_names, getattr(setup.written, "pairs", []), parameter, first_ratios)):
        return [Finding("optimizer-settings", other, {k: v for k, v in {**evidence, "ratio": ratio}.items() if k != "steady"}, "Give each group the rate "
                        "the NumPy program steps its parameters with.", 0.8)]
    if ratio is not None and (grouped := default_group_rate(port_names, getattr(setup.written, "pairs", []), parameter, ratio)):
        return [Finding("optimizer-settings", grouped, {**evidence, "ratio": ratio}, "Give that group its own 'lr' in the "
                        "port, as the NumPy program's rate for it.", 0.8)]
    constants = constants_of(port_names.get("optimizer"), group_holding(port_names, getattr(setup.written, "pairs", []), parameter)[1])
    if ratio is not None and (law := constant_law(ratio, constants)) and evidence.pop("steady", False):
        return [Finding("optimizer-settings", f"The NumPy update of {parameter} is {ratio:.6g} times the port's at step "
                        f"{step} and at each step after it from the shared start, one factor: a learning rate {ratio:.6g} "
                        f"times the port's for it (another group's, or another optimizer's rate), or {law}. Both scale "
                        "every step alike; the numbers do not tell them apart.", {**evidence, "ratio": ratio},
                        "Compare the learning rate, then the optimizer's formula, for that parameter.", 0.7)]
    evidence.pop("steady", None)
    if ratio is not None and (law := constant_law(ratio, constants)):
        return [Finding("optimizer-settings", f"The NumPy update of {parameter} is {ratio:.6g} times the port's at step "
                        f"{step} (constant over the tensor): {law}.", {**evidence, "ratio": ratio},
                        "Write the optimizer's formula with each constant where the other program has it.", 0.75)]
    if ratio is not None:
        meaning = _ratio_meaning(ratio, rows)
        text = meaning[1] if meaning else f"{ratio:.6g} times"
        axis = _data_axis(setup.data.X.shape, ratio) if not meaning else None
        said = (f"a factor of {axis[1]}, the length of the data's axis {axis[0]} (X is {tuple(setup.data.X.shape)}): a mean "
                f"over that axis whose backward leaves out (or adds) its 1/{axis[1]}, on one parameter only") if axis else \
            "a learning rate, a loss scale or a sign differs"
        return [Finding("update-scale", f"The NumPy update of {parameter} is {text} the port's at step {step} (constant over "
                         f"the tensor): {said}.", {**evidence, "ratio": ratio},
                         "Use the same learning rate and loss scale in both programs.", 0.8 if axis else 0.7)]
    return []


def _sign_step(torch_names: dict, context, parameter: str) -> str | None:
    """Past the first step, one side's update is ±lr in every element (lr·sign(g)) where the other's is not: an adaptive
    optimizer whose squared-gradient state holds only this step's g² (cache = g² where cache += g² belongs)."""
    groups = getattr(torch_names.get("optimizer"), "param_groups", None)
    if context.step < 2 or not groups or "lr" not in groups[0]:
        return None
    lr = float(groups[0]["lr"])
    for side, record, other in (("NumPy program", context.numpy_record, context.torch_record), ("port", context.torch_record,
                                                                                               context.numpy_record)):
        mine, theirs = (np.abs(np.asarray(r[f"{parameter}.update"], np.float64)) for r in (record, other))
        moved = mine > 0
        if moved.sum() >= 4 and np.allclose(mine[moved], lr, rtol=1e-3) and not np.allclose(theirs[moved], lr, rtol=1e-3):
            return (f"The {side}'s update of {parameter} at step {context.step} is ±lr in every element (lr·sign(g), lr = "
                    f"{lr:g}): its adaptive denominator is |g| of this step alone, the squared-gradient state assigned "
                    f"(cache = g²) where it accumulates or averages (cache += g²), as the other program's does.")
    return None


def _ratios_over_steps(setup: Setup, built, step: int) -> dict[str, list[float]]:
    """Per parameter, the NumPy update over the port's at each of the next LAW_STEPS steps in lockstep."""
    found: dict[str, list[float]] = {p.name: [] for p in built.pairs}
    for t, a, b, _ in lockstep(setup, built, step + LAW_STEPS - 1):
        for p in built.pairs if t >= step else ():
            ratio = constant_ratio(a[f"{p.name}.update"], b[f"{p.name}.update"])
            found[p.name].append(float("nan") if ratio is None else ratio)
    return found


def _port_groups(built) -> list[dict]:
    try:
        return list(getattr(_optimizer(built.make_sides()[1]), "param_groups", []))
    except Exception:  # noqa: BLE001 - a port that cannot be built again here: no constants to read
        return []


def _per_tensor(finite: list[np.ndarray]) -> bool:
    """Ratios that hold over the steps, each tensor's its own (1/√n each): no one factor for all."""
    firsts = [r[0] for r in finite if len(r)]
    return len(firsts) > 1 and np.ptp(firsts) > 1e-3 * max(abs(x) for x in firsts)
