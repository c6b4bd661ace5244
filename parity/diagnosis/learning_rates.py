"""The learning rate a NumPy program as written steps with, read off the program itself: an attribute of its objects
(self.lr, self.learning_rate, self.eta) or a module constant its methods read (LR, LEARNING_RATE). Where every
parameter's update is one factor times the port's and the two learning rates are one number, the factor is not the
learning rate: it is in the gradients. Also the factor read as a learning rate: one ratio for every update."""

from __future__ import annotations

import inspect
import math
from typing import Any

import numpy as np

from parity.diagnosis.evidence import fit_ratio
from parity.diagnosis.finding import Finding
from parity.diagnosis.schedule_forms import compounded, cosine_phase, rates_read, schedule_over_run, written_schedule

SCHEDULE_ARGUMENTS = ("step_size", "gamma", "milestones", "start_factor", "end_factor", "factor", "total_iters", "T_max",
                      "eta_min")
RATE_NAMES = {"lr", "learning_rate", "eta", "step_size", "alpha", "learningrate"}


def numpy_learning_rate(names: dict[str, Any]) -> float | None:
    """The one learning rate the program's scope, its objects and their methods' modules name, or None (none, or two
    that differ)."""
    found: set[float] = set()
    for name, value in names.items():
        _add(found, name, value)
        held_by = {} if inspect.ismodule(value) else {**getattr(type(value), "__dict__", {}), **getattr(value, "__dict__", {})}
        for attribute, held in held_by.items():
            _add(found, attribute, held)
        for _, method in inspect.getmembers(type(value), inspect.isfunction) if not inspect.ismodule(value) else ():
            for constant, held in method.__globals__.items():
                if constant in method.__code__.co_names:
                    _add(found, constant, held)
    return found.pop() if len(found) == 1 else None


def _add(found: set[float], name: str, value: Any) -> None:
    if name.lower().strip("_") in RATE_NAMES and isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        found.add(float(value))


def same_learning_rate(built, torch_names: dict, context: Any = None) -> str:
    """Where the NumPy program names the port's learning rate (as it stands at the step), a factor common to every
    update is in the gradients; unless a state made from the gradients (a momentum buffer, Adam's first moment)
    agrees on both sides at this step, which says the gradients agree and the factor is in the step."""
    group = next(iter(getattr(torch_names.get("optimizer"), "param_groups", [])), {})
    rate = numpy_learning_rate(built.make_sides()[0].names)
    if rate is None or "lr" not in group or abs(rate - group["lr"]) > 1e-9 * rate or _gradients_agree(context):
        return ""
    return (f"Yet the NumPy program steps with the port's learning rate ({rate:g}): the factor is not the learning rate "
            "but the gradients, and with the losses equal at this step the NumPy program's gradient is that factor "
            "times its loss's (a chain-rule factor lost or added, a reduction's count).")


def _gradients_agree(context: Any) -> bool:
    if context is None:
        return False
    mine, theirs = context.numpy_record, context.torch_record
    made = [k for k in mine if k.endswith((".momentum_buffer", ".exp_avg")) and k in theirs]
    return bool(made) and all(np.allclose(np.asarray(mine[k], np.float64), np.asarray(theirs[k], np.float64), rtol=1e-4,
                                          atol=1e-7 * float(np.abs(np.asarray(theirs[k], np.float64)).max(initial=1.0)))
                              for k in made)


def scaled_finding(scaled: str, built: Any, torch_names: dict, evidence: dict, context: Any = None) -> Finding:
    """One factor on every update: the learning rate, unless the NumPy program names the port's (then its gradient)."""
    if same_rate := same_learning_rate(built, torch_names, context):
        return Finding("gradient-scale", scaled.split(": a learning rate")[0] + f". {same_rate}", {**evidence, "side": "numpy"},
                       "Give the NumPy gradient every factor of its loss's derivative (the chain rule, the reduction).", 0.8)
    return Finding("update-scale", scaled, evidence, "Give both programs the same learning rate, schedule included.", 0.8)


def one_learning_rate_factor(torch_names: dict, context) -> str | None:
    """Every parameter's NumPy update the same factor r times the port's at this step: a learning rate r times the
    other's. The port's own learning rate is read off its optimizer, and, where a scheduler has moved it from its
    initial_lr, the scheduler is named."""
    names = [k.removesuffix(".update") for k in context.numpy_record if k.endswith(".update") and k in context.torch_record]
    # fitted over each whole tensor: in float32 an update's small elements carry a large relative rounding error
    fits = [fit_ratio(np.asarray(context.numpy_record[f"{n}.update"], np.float64), np.asarray(context.torch_record[f"{n}.update"],
                      np.float64)) for n in names]
    if len(names) < 2 or any(f is None or f[1] > 1e-3 for f in fits):
        return None
    ratios = [f[0] for f in fits]
    if np.ptp(ratios) > 1e-3 * max(abs(r) for r in ratios):
        return None
    r = float(np.mean(ratios))
    if abs(r - 1) <= 1e-3 or r <= 0:
        return None
    group = next(iter(getattr(torch_names.get("optimizer"), "param_groups", [])), {})
    schedulers = [v for v in torch_names.values() if hasattr(v, "get_last_lr") and hasattr(v, "base_lrs")]
    said = f" The port's optimizer steps at lr = {group['lr']:g} at step {context.step}" if "lr" in group else ""
    if said and schedulers and "initial_lr" in group and abs(group["lr"] / group["initial_lr"] - 1) > 1e-6:
        factor = group["lr"] / group["initial_lr"]
        extra = {k: getattr(schedulers[0], k, None) for k in SCHEDULE_ARGUMENTS}
        shown = ", ".join(f"{k}={v:g}" for k, v in extra.items() if isinstance(v, (int, float)) and not isinstance(v, bool))
        said += (f", {factor:.4g} of its initial_lr {group['initial_lr']:g}: its {type(schedulers[0]).__name__} has scaled "
                 f"it{f' ({shown}; check the defaults you left)' if shown else ''}")
        if hasattr(schedulers[0], "lr_lambdas") and abs(r * group["initial_lr"] - 1) <= 1e-4:  # f(t) read as the rate
            said += (f". The NumPy program's rate, {r * group['lr']:.4g}, is that factor itself: the port's lambda returns the "
                     f"rate where {type(schedulers[0]).__name__} wants a factor of it, and multiplies it by the initial_lr "
                     f"{group['initial_lr']:g} once more")
    return (f"Every parameter's NumPy update is {r:.6g} times the port's at step {context.step}, the same for all: a "
            f"learning rate {r:.4g} times the other's (a schedule's factor, a learning rate converted).{said}.")


SCALE_FREE = ("Adam", "AdamW", "Adamax", "NAdam", "RAdam", "RMSprop", "Adagrad")  # updates that do not scale with g


def scale_free_law(law: tuple[str, str, str], torch_names: dict, ratios: list[float], step: int | None = None) -> tuple[str, str, str]:
    """A ratio that moves with the step, one for every parameter, under an optimizer whose update hardly moves with a
    scale of its gradient (g/√v): no clipping makes one factor of the updates there, a learning rate does, or a bias
    correction one side makes."""
    optimizer = torch_names.get("optimizer")
    if law[0] != "step-factor" or type(optimizer).__name__ not in SCALE_FREE:
        return law
    if step is not None and (corrected := _bias_corrected(optimizer, np.array(ratios, np.float64), step)):
        return ("bias-correction", corrected, "Correct the running averages alike in both programs (torch's "
                f"{type(optimizer).__name__} as its documentation writes it).")
    return ("learning-rate-schedule", f"The updates' ratio moves with the step but is the same for every parameter at "
            f"each step ({', '.join(f'{x:.4g}' for x in ratios)}): the port's {type(optimizer).__name__} divides each gradient by its own root mean "
            "square, so a scale of the gradients (clipping) makes no one factor of the updates; the learning rates "
            "part from step to step, a schedule written otherwise on one side.", "Schedule both programs alike.")


def _bias_corrected(optimizer: Any, ratios: np.ndarray, step: int) -> str:
    """The updates' ratio at steps t is (1 - c^t)^p for one of the optimizer's own averaging constants c (RMSprop's
    alpha, Adam's betas): a bias correction on one side, of a mean of squares (p = ±1/2) or of a mean (p = ±1)."""
    group = next(iter(getattr(optimizer, "param_groups", [])), {})
    constants = {"alpha": group.get("alpha"), **dict(zip(("β1", "β2"), group.get("betas", ()))), "momentum": group.get("momentum")}
    t = np.arange(step, step + len(ratios), dtype=np.float64)
    for name, c in constants.items():
        if not isinstance(c, float) or not 0 < c < 1:
            continue
        for p, what in ((0.5, "its mean of squares"), (1.0, "its running mean")):
            for sign, side, other in ((1, "the NumPy program", "the port"), (-1, "the port", "the NumPy program")):
                if np.allclose(ratios, (1 - c ** t) ** (sign * p), rtol=1e-4, atol=0):
                    return (f"The updates' ratio ({', '.join(f'{x:.4g}' for x in ratios)}) is (1 - {name}^t)^{sign * p:g} at "
                            f"steps t = {step}…{step + len(ratios) - 1} ({name} = {c:g}, the port's own): {side} divides "
                            f"{what} by 1 - {name}^t, a bias correction {other}'s {type(optimizer).__name__} step does not make.")
    return ""


def shifted_rates(numpy_rate: np.ndarray, rates: list[float], series: np.ndarray, earlier: float | None = None) -> str | None:
    """The NumPy program's learning rates (the port's times the updates' ratio) are the port's own one step ahead or
    behind: the same schedule, its step counted from another start (a scheduler stepped before the update, t from 0).
    `rates` runs one step past the NumPy program's; `earlier` is the port's rate the step before them."""
    port, n = np.asarray(rates, np.float64), len(numpy_rate)
    before = np.array([] if earlier is None else [earlier], np.float64)
    for shift, words in ((1, "one step ahead of"), (-1, "one step behind")):
        theirs = port[1:n + 1] if shift == 1 else np.concatenate([before, port])[:n] if before.size else port[:n - 1]
        mine = numpy_rate if shift == 1 or before.size else numpy_rate[1:]
        moving = port[:n + 1] if shift == 1 else np.concatenate([before, port[:n]])  # the rate moves where it is read
        if len(mine) >= 3 and len(theirs) == len(mine) and np.ptp(moving) > 1e-12 * max(abs(moving).max(), 1e-30) and \
                np.allclose(mine, theirs, rtol=1e-4, atol=0):
            return (f"The updates' ratio moves with the step ({', '.join(f'{x:.4g}' for x in series)}); read with the port's "
                    f"own learning rates ({', '.join(f'{x:.4g}' for x in port[:n])}), the NumPy program's rates run "
                    f"{words} the port's: the same schedule with its step counted from another start (a scheduler "
                    "stepped before the update, or a step counter from 0 where the other counts from 1).")
    return None


PART = "The learning rates part"  # a schedule read by its rates alone, no form found


def port_rates(setup: Any, built: Any, step: int, ratios: dict[str, list[float]], steps: int) -> str | None:
    """The port's learning rate read off its optimizer at each step: ratios c / lr_t for one c say the port's rate moves."""
    read = rates_read(setup, built, step + steps)  # one step past the ratios: a schedule a step ahead
    ahead = read[step - 1:]
    rates = ahead[:-1]
    series = next((np.array(r) for r in ratios.values() if r and all(math.isfinite(x) for x in r)), None)
    if None in ahead or series is None or len(series) != len(rates):
        return None
    earlier = read[step - 2] if step >= 2 else None  # the rate before the window: a schedule that moved just before it
    moved = [*rates, *([earlier] if earlier is not None else [])]
    numpy_rate = series * np.array(rates)
    scheduler = built.make_sides()[1].names.get("scheduler") if isinstance(getattr(built.make_sides()[1], "names", None), dict) else None
    if scheduler is not None and (form := written_schedule(scheduler, np.array(rates), numpy_rate)):
        return f"The updates' ratio moves with the step ({', '.join(f'{x:.4g}' for x in series)}), the same for every parameter: {form}."
    if step > 1 and (compounding := compounded(numpy_rate, np.array(rates), getattr(scheduler, "base_lrs", read[:1]), series)):
        return compounding  # the steps before agreed
    if np.ptp(moved) <= 1e-12 * max(moved):
        return _rising(numpy_rate, rates[0], step, series)
    factors = numpy_rate[1:] / numpy_rate[:-1]
    if shifted := shifted_rates(numpy_rate, ahead, series, earlier):  # steps before agreed: a constant rate here is a shift as likely
        return shifted
    if hasattr(scheduler, "base_lrs") and (phase := cosine_phase(numpy_rate, np.array(rates), float(scheduler.base_lrs[0]))):
        return f"The updates' ratio moves with the step ({', '.join(f'{x:.4g}' for x in series)}): {phase}."
    if np.ptp(numpy_rate) <= 1e-3 * abs(numpy_rate[0]) and scheduler is not None and \
            (whole := schedule_over_run(setup, built, scheduler)):  # a rate held: a staircase shows over the whole run
        return f"The updates' ratio moves with the step ({', '.join(f'{x:.4g}' for x in series)}); over the whole run, {whole}."
    if np.ptp(numpy_rate) <= 1e-3 * abs(numpy_rate[0]):
        own = f"steps at lr = {numpy_rate[0]:.4g} throughout"
    elif np.ptp(factors) <= 1e-3 * abs(factors[0]):
        own = f"steps at lr = {', '.join(f'{x:.4g}' for x in numpy_rate)}, ×{factors[0]:.4g} each step (an exponential schedule)"
        if times := _decays_per_step(factors[0], np.array(rates), len(built.pairs)) or _factor_apart(factors[0], np.array(rates)):
            return (f"The updates' ratio moves with the step ({', '.join(f'{x:.4g}' for x in series)}): the NumPy program "
                    f"{own}, where the port's rate falls ×{rates[1] / rates[0]:.4g} each step ({', '.join(f'{x:.4g}' for x in rates)}): "
                    f"{times}.")
    elif scheduler is not None:
        return (f"{PART} from step {step}: the port's {type(scheduler).__name__} gives {', '.join(f'{x:.4g}' for x in rates)}; "
                f"the NumPy program steps at {', '.join(f'{x:.4g}' for x in numpy_rate)} (its updates over the port's, "
                f"{', '.join(f'{x:.4g}' for x in series)}, the same for every parameter): one schedule's formula written "
                "otherwise on one side (another horizon, power, denominator or precedence).")
    else:
        return None
    return (f"The updates' ratio moves with the step ({', '.join(f'{x:.4g}' for x in series)}), and the port's own learning rate, "
            f"read off its optimizer at each step ({', '.join(f'{x:.4g}' for x in rates)}), accounts for every ratio: the "
            f"NumPy program {own}; the port's scheduler moves its rate otherwise (a scheduler stepped with an argument it "
            "takes as the epoch, such as the loss; a schedule the NumPy program does not have).")


def _rising(numpy_rate: np.ndarray, port_rate: float, step: int, series: np.ndarray) -> str | None:
    """The port's rate constant and the NumPy program's rising by one amount each step: a linear warm-up that goes
    on past its end (its min(1, ·) cap left out), the rate still climbing where the port's has stopped."""
    rises = np.diff(numpy_rate)
    if len(rises) < 2 or rises[0] <= 1e-12 * port_rate or np.ptp(rises) > 1e-4 * rises[0]:
        return None
    k = port_rate / rises[0]  # the warm-up's length in steps where the rate reaches the port's: lr·t/k
    said = f" = lr·t/{k:.4g}" if abs(k - round(k)) <= 1e-3 * k else ""
    return (f"The updates' ratio moves with the step ({', '.join(f'{x:.4g}' for x in series)}): the port steps at lr = "
            f"{port_rate:.4g} throughout, the NumPy program at {', '.join(f'{x:.4g}' for x in numpy_rate)} from step "
            f"{step}, {rises[0]:.4g} more each step{said}: a linear warm-up that goes on past its end (its min(1, ·) cap "
            "left out), or a rate that rises on one side only.")


def _port_decay(port_rates: np.ndarray, least: int) -> float | None:
    """The port's rate's one factor per step (an exponential decay), from `least` rates or more; None where it has none."""
    if len(port_rates) < least or not port_rates[0]:
        return None
    gamma = port_rates[1] / port_rates[0]
    return gamma if 0 < gamma < 1 and np.ptp(port_rates[1:] / port_rates[:-1]) <= 1e-6 * gamma else None


def _factor_apart(numpy_factor: float, port_rates: np.ndarray) -> str:
    """Both rates exponential, with two factors per step: the decay's factor written otherwise on one side (1 - k
    for exp(-k), the two first-order alike and apart from the second step on)."""
    gamma = _port_decay(port_rates, 3)
    if gamma is None or not 0 < numpy_factor < 1 or abs(gamma - numpy_factor) <= 1e-6:
        return ""
    linear = next((f"; {low:.4g} is 1 - k and {high:.4g} is exp(-k) for k = {1 - low:.4g}: one side's decay linearised"
                   for low, high in [(min(gamma, numpy_factor), max(gamma, numpy_factor))]
                   if abs(math.exp(-(1 - low)) - high) <= 1e-4 * high), "")
    return f"two exponential schedules, ×{numpy_factor:.4g} against ×{gamma:.4g} each step, their factors apart{linear}"


def _decays_per_step(numpy_factor: float, port_rates: np.ndarray, parameters: int) -> str:
    """The NumPy program's factor per step as the port's to a whole power k: its decay applied k times each step (a
    decay written inside the loop over the parameters, k of them)."""
    gamma = _port_decay(port_rates, 2)
    if gamma is None or not 0 < numpy_factor < 1:
        return ""
    k = math.log(numpy_factor) / math.log(gamma)
    if round(k) < 2 or abs(k - round(k)) > 1e-3 * k:
        return ""
    k = round(k)
    where = (f", once per parameter: the decay written inside the loop over the {k} parameters, where it belongs after "
             "it" if k == parameters else "")
    return f"{numpy_factor:.4g} is {gamma:.4g}^{k}, the port's decay applied {k} times at every step{where}"
