"""A factor between the two programs' updates or optimizer states that is an expression of the optimizer's own
constants: √(1 - β2) (a second moment taken as g² where (1 - β2)·g² belongs), 1 - β1, (1 - β2)/(1 - β1) (a moment
kept with the other β), √α. Measured: the factor is matched against each expression of the port's optimizer's
constants (none where it holds none)."""

from __future__ import annotations

import math
from typing import Any

import torch

from parity.diagnosis.finding import Finding
from parity.diagnosis.group_keys import group_holding

MATCH = 1e-4


def constants_of(optimizer: Any, group: dict | None = None) -> dict[str, float]:
    """The β's, α and momentum of the port's parameter group (the one given, the parameter's own; else the first), by
    name, and its learning rate as "lr" (read by `learning_rate_in_state`, not among the expressions)."""
    group = group if group is not None else next(iter(getattr(optimizer, "param_groups", None) or []), {})
    found = dict(zip(("β1", "β2"), group["betas"])) if "betas" in group else {}
    found.update({name: float(group[key]) for key, name in (("alpha", "α"), ("momentum", "μ"), ("rho", "ρ"))
                  if isinstance(group.get(key), (int, float)) and 0 < group[key] < 1})
    if isinstance(group.get("lr"), (int, float)) and group["lr"] > 0:
        found["lr"] = float(group["lr"])
    if isinstance(group.get("weight_decay"), (int, float)) and group["weight_decay"] > 0 and not isinstance(optimizer, torch.optim.AdamW):
        found["λ"] = float(group["weight_decay"])  # coupled: added to the gradient, read by `decay_in_state` alone
    if type(optimizer) is torch.optim.SGD:
        found["sgd"] = 1.0  # a fact, no constant: its first update is -lr·g (Adagrad's, with lr alone, is not)
        if isinstance(group.get("dampening"), (int, float)) and 0 < group["dampening"] < 1:
            found["dampening"] = float(group["dampening"])  # read by `dampened_start` alone
    return found


NOT_CONSTANTS = ("lr", "sgd", "dampening", "λ")


def dampened_start(kind: str, ratio: float, constants: dict[str, float], step: int) -> str:
    """torch's SGD starts its momentum buffer at g, its dampening applied from the second step: a NumPy buffer that is
    (1 - dampening) times the port's at step 1 dampens its first step too."""
    dampening = constants.get("dampening")
    if step != 1 or kind != "momentum_buffer" or not dampening or abs(ratio - (1 - dampening)) > MATCH * (1 - dampening):
        return ""
    return (f"{ratio:.6g} is 1 - dampening (dampening = {dampening:g}): the NumPy program starts its buffer at "
            f"(1 - dampening)·g, where torch's SGD starts it at g and dampens from the second step on")


def learning_rate_in_state(kind: str, ratio: float, constants: dict[str, float]) -> str:
    """A state that is lr times the port's at every parameter: the learning rate taken into the buffer (v = μv + lr·g,
    then p -= lr·v: the rate applied twice), or the buffer divided by it."""
    lr = constants.get("lr")
    if not lr or abs(lr - 1) <= 1e-9:
        return ""
    for factor, words in ((lr, "multiplied by"), (1 / lr, "divided by")):
        if abs(ratio - factor) <= MATCH * factor:
            return (f"{ratio:.6g} is the learning rate's {'' if factor == lr else 'inverse '}(lr = {lr:g}): the NumPy "
                    f"program's {kind} holds the gradient {words} the learning rate (v = μ·v + lr·g, where the update "
                    "applies lr again: the rate taken twice), where torch's holds the gradient itself")
    return ""


def expressions(constants: dict[str, float]) -> list[tuple[str, float]]:
    """(words, value) of the forms a slip in an update's formula makes of its constants."""
    forms = []
    for name, c in ((k, v) for k, v in constants.items() if k not in NOT_CONSTANTS):
        forms += [(f"1 - {name}", 1 - c), (f"√(1 - {name})", math.sqrt(1 - c)), (f"√{name}", math.sqrt(c)), (name, c)]
        forms += [("1 + μ", 1 + c)] if name == "μ" else []  # Nesterov's first step
        forms += [(f"(1 - {other})/(1 - {name})", (1 - d) / (1 - c)) for other, d in constants.items() if other not in (name, *NOT_CONSTANTS)]
        forms += [(f"(1 - {other})/√(1 - {name})", (1 - d) / math.sqrt(1 - c)) for other, d in constants.items()
                  if other not in (name, *NOT_CONSTANTS)]
    return forms


def constant_law(ratio: float, constants: dict[str, float]) -> str:
    """Words for a ratio that is one of the expressions or its reciprocal, with the constants' values; else "" (and
    always where the optimizer holds no such constant: plain SGD's factor of 10 is no β)."""
    forms = [form for words, value in expressions(constants)
             for form, v in ((words, value), *(((f"1/({words})", 1 / value),) if "/" not in words else ()))
             if abs(ratio - v) <= MATCH * abs(v)]  # a quotient's reciprocal is the other quotient, listed already
    if not forms:
        return ""
    if set(forms) <= {"1 + μ", "1/(1 + μ)"}:  # (1 + μ)·g: a momentum's look-ahead at its first step
        return (f"{ratio:.6g} is {forms[0]} (μ = {constants['μ']:g}): at the first step, v = g, Nesterov's step g + μ·v is "
                f"(1 + μ)·g; the {'port' if forms[0] == '1/(1 + μ)' else 'NumPy program'}'s step has it and the other's "
                "leaves out μ·v (Nesterov momentum on one side only, or its v taken before this step's gradient enters it)")
    values = ", ".join(f"{k} = {c:g}" for k, c in constants.items() if any(k in form for form in forms))
    corrected = any(form in ("1/(1 - β1)", "1/(1 - β2)") for form in forms)  # m / (1 - β^t) at t = 1
    return (f"{ratio:.6g} is {' or '.join(dict.fromkeys(forms))} ({values}): the optimizer's own constant taken "
            "otherwise on one side (a moment kept with another β, a (1 - β) or a square root left out, g² where the "
            "average belongs" + ("; or, read at the first step, the bias-corrected moment m / (1 - β^t) kept as the "
                                 "state where the raw moment belongs" if corrected else "") + ")")


STATE_CONSTANT = {"exp_avg": "β1", "exp_avg_sq": "β2", "square_avg": "α"}  # v = c·v + (1 - c)·g^k, from v = 0
TORCH_DEFAULTS = {"β1": 0.9, "β2": 0.999, "α": 0.99}  # Adam's betas, RMSprop's alpha
USUAL = (0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999, 0.9999)  # the values people write for a moment's decay


def other_constant(kind: str, ratio: float, constants: dict[str, float], step: int) -> str:
    """At the first step a moment is (1 - c)·g^k on both sides: a ratio r of the two is (1 - c')/(1 - c), and c' is
    the constant the NumPy program keeps it with. Said where c' is a value people write (0.99 against 0.999)."""
    name = STATE_CONSTANT.get(kind)
    if step != 1 or name not in constants:
        return ""
    theirs = constants[name]
    mine = 1 - ratio * (1 - theirs)
    if abs(mine - (1 - theirs)) <= 1e-6 and abs(theirs - 0.5) > 1e-6:
        return (f"{ratio:.6g} is {name}/(1 - {name}) ({name} = {theirs:g}): the NumPy program keeps its {kind} as "
                f"(1 - {name})·{kind} + {name}·g², the two coefficients exchanged, where the port's optimizer takes "
                f"{name}·{kind} + (1 - {name})·g²")
    usual = next((u for u in USUAL if abs(mine - u) <= 1e-6 and abs(u - theirs) > 1e-9), None)
    if usual is None:
        return ""
    default = TORCH_DEFAULTS.get(name)
    why = (f"torch's default, left in place on the port's side where the NumPy program gives {usual:g}" if theirs == default
           else f"the NumPy program's is torch's default, {default:g}" if usual == default else "two other constants")
    return (f"{ratio:.6g} is (1 - {name}')/(1 - {name}) with {name}' = {usual:g}: the NumPy program keeps its {kind} with "
            f"{name} = {usual:g} where the port's optimizer has {name} = {theirs:g} ({why})")


def coupled_decay(built: Any) -> float:
    """The port's weight decay where its optimizer adds it to the gradient (not AdamW's, decoupled)."""
    optimizer = built.make_sides()[1].names.get("optimizer")
    group = next(iter(getattr(optimizer, "param_groups", None) or []), {})
    return 0.0 if isinstance(optimizer, torch.optim.AdamW) else float(group.get("weight_decay") or 0.0)


def port_optimizer_constants(built: Any, parameter: str | None = None) -> dict[str, float]:
    """The port's optimizer's β's, α and momentum, as it builds them: those of the parameter's own group, where given."""
    names = getattr(built.make_sides()[1], "names", None)
    if not isinstance(names, dict):
        return {}
    group = group_holding(names, list(getattr(built, "pairs", [])), parameter)[1] if parameter else None
    return constants_of(names.get("optimizer"), group)


def constant_in_steps(scaled: Finding, factors: list[float] | None, optimizer: Any) -> Finding:
    """Every update one factor apart with the port's learning rate on both sides (a gradient-scale reading), where the
    factor is one of the port's optimizer's own constants (√(1 - α): a square average without its 1 - α): that state;
    else the reading as it is."""
    if scaled.name != "gradient-scale" or not factors or optimizer is None or not (law := constant_law(factors[0], constants_of(optimizer))):
        return scaled
    return Finding("optimizer-state", f"{scaled.explanation.split('. Yet')[0]}, with the port's learning rate on both sides: "
                   f"{law}.", scaled.evidence, "Keep the optimizer's state with the port's constants.", 0.75)
