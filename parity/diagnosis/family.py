"""Is the user's network another member of the family? A finding about the run's settings, not a bug.

When a user's program and the kit part at step 1 from the same weights, the
first question is whether they compute different models: another output
unit, hidden activation, loss or reduction, a square weight stored the other
way round, another learning rate. Each member of the family is stepped once
in float64 from the step's starting weights with a fresh optimizer, and its
update (and output, where recorded) is compared with what the user's side
did. Every optimizer's first update is linear in the learning rate, so the
rate is fitted, not guessed.

A member is stated only when it reproduces the side to the run's precision
and fits far better than the configured model; otherwise the search says
nothing and the rules take over.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

import numpy as np

import numpy_net
from numpy_net import NetworkSpec
from parity.config.config import RunConfig
from parity.diagnosis.finding import Finding
from parity.tolerance.diagnosis import FIT_TOLERANCE

LOSS_KIND = {"sse": "squared", "half-sse": "squared", "mse": "squared", "half-mse": "squared",
             "bce": "bce", "bce-sum": "bce", "ce": "ce", "ce-sum": "ce"}
LOSS_WORDS = {
    "sse": "the sum of squared errors", "half-sse": "half the sum of squared errors",
    "mse": "the mean of squared errors", "half-mse": "half the mean of squared errors",
    "bce": "binary cross-entropy averaged", "bce-sum": "binary cross-entropy summed",
    "ce": "cross-entropy averaged over rows", "ce-sum": "cross-entropy summed",
}
BETTER_BY = 20  # the member must fit this many times better than the configured model


@dataclass(frozen=True)
class Member:
    spec: NetworkSpec
    transposed: tuple[str, ...] = ()  # square weights the network uses transposed
    optimizer: str | None = None  # another of the kit's optimizer conventions; None: the run's

    def config(self, config: RunConfig, lr: float) -> RunConfig:
        """The run's config with this member's settings."""
        return replace(
            config, hidden_activation=self.spec.hidden_activation, output_activation=self.spec.output_activation,
            loss=self.spec.loss, lr=float(lr), optimizer=self.optimizer or config.optimizer,
        )

    def flags(self, config: RunConfig, lr: float, places: dict | None = None) -> list[str]:
        """The options that run this member, where they differ from the config; places: where each parameter lives."""
        changes = [f"--optimizer {self.optimizer}"] if self.optimizer else []
        if self.spec.hidden_activation != config.hidden_activation:
            changes.append(f"--hidden-activation {self.spec.hidden_activation}")
        if self.spec.output_activation != config.output_activation:
            changes.append(f"--output-activation {self.spec.output_activation}")
        if self.spec.loss != config.loss:
            changes.append(f"--loss {self.spec.loss}")
        if not np.isclose(lr, config.lr, rtol=1e-3):
            changes.append(f"--lr {lr:.6g}")
        for name in self.transposed:
            place = (places or {}).get(name, "EXPR")
            expression, stored = (place[:-2], f"{name}") if place.endswith(".T") else (place, f"{name}.T")
            changes.append(f"--param {expression}={stored}")
        return changes


@dataclass(frozen=True)
class Fit:
    member: Member
    lr: float
    gap: float  # relative distance of the side's update (and output) from the member's


def predict(member: Member, config: RunConfig, before: dict, X: np.ndarray, y: np.ndarray,
            loss: numpy_net.Loss | None = None) -> tuple[np.ndarray, dict]:
    """(output, updates at lr = 1) of one step of this member from `before`, in float64, with a fresh optimizer;
    loss: another loss object in place of the member's."""
    params = {name: value.astype(np.float64).copy() for name, value in before.items()}
    for name in member.transposed:
        params[name] = params[name].T.copy()
    spec = member.spec
    name = member.optimizer or config.optimizer
    dampening = 0.0 if name == "nesterov" else config.dampening
    optimizer = numpy_net.make_optimizer(name, 1.0, config.momentum, dampening, config.betas, config.eps)
    trainer = numpy_net.Trainer(params, loss or numpy_net.make_loss(spec.loss, spec.output_activation), optimizer, spec.hidden_activation)
    with np.errstate(all="ignore"):
        outcome = trainer.step(X.astype(np.float64), y.astype(np.float64))
    after = {name: (params[name].T if name in member.transposed else params[name]) for name in before}
    return outcome.activations.output, {name: after[name] - before[name].astype(np.float64) for name in before}


def fit(member: Member, config: RunConfig, before: dict, X, y, observed_updates: dict, observed_output) -> Fit | None:
    output, updates = predict(member, config, before, X, y)
    predicted = np.concatenate([updates[n].ravel() for n in observed_updates])
    observed = np.concatenate([np.asarray(v, dtype=np.float64).ravel() for v in observed_updates.values()])
    if not np.all(np.isfinite(predicted)) or not np.any(predicted) or not np.any(observed):
        return None
    lr = float(np.vdot(observed, predicted) / np.vdot(predicted, predicted))
    gap = float(np.linalg.norm(observed - lr * predicted) / np.linalg.norm(observed))
    if observed_output is not None:
        target = np.asarray(observed_output, dtype=np.float64)
        if target.shape != output.shape:
            return None
        gap = max(gap, float(np.linalg.norm(target - output) / max(np.linalg.norm(target), 1e-300)))
    return Fit(member, lr, gap)  # the prediction was made at lr = 1


def members(configured: NetworkSpec, before: dict, optimizer: str) -> list[Member]:
    """Every family member of the same sizes and bias, each other optimizer convention, and each square weight read
    the other way round."""
    found = [Member(configured)]
    found += [Member(configured, optimizer=name) for name in numpy_net.OPTIMIZERS if name != optimizer]
    for hidden, output, loss in itertools.product(numpy_net.HIDDEN_ACTIVATIONS, numpy_net.OUTPUT_ACTIVATIONS, numpy_net.LOSSES):
        if numpy_net.family_problem(hidden, output, loss, configured.sizes[-1]) is None and (hidden, output, loss) != (
            configured.hidden_activation, configured.output_activation, configured.loss
        ):
            found.append(Member(replace(configured, hidden_activation=hidden, output_activation=output, loss=loss)))
    square = [n for n, v in before.items() if n[0] == "W" and v.shape[0] == v.shape[1]]
    found += [Member(configured, (name,)) for name in square]
    return found


def family_candidates(config: RunConfig, spec: NetworkSpec, before: dict, X, y, record: dict, layer: int | None = None) -> list[Fit]:
    """The members of the family that reproduce a side's first step, the most plausible first; [] when the
    configured model reproduces it, or no member stands out. layer: fit only that layer's update."""
    observed = {n.rsplit(".", 1)[0]: v for n, v in record.items() if n.endswith(".update")}
    if not observed:
        observed = {n[: -len(".grad")]: -np.asarray(v) for n, v in record.items() if n.endswith(".grad")}
    if layer is not None:
        observed = {n: v for n, v in observed.items() if int(n[1:]) == layer}
    if not observed or any(np.shape(v) != before[n].shape for n, v in observed.items()):
        return []
    output = record.get("output")
    tolerance = FIT_TOLERANCE[config.dtype]
    fits = [f for m in members(spec, before, config.optimizer) if (f := fit(m, config, before, X, y, observed, output))]
    good = [f for f in fits if f.gap <= tolerance]
    if not good:
        return []

    def same_rate(f: Fit) -> bool:
        return bool(np.isclose(f.lr, config.lr, rtol=1e-3))

    # members that keep the run's learning rate first; among equals, the configured model (listed first)
    good.sort(key=lambda f: (not same_rate(f), round(f.gap / tolerance, 1)))
    if good[0].member == Member(spec) and same_rate(good[0]):
        return []  # the configured model reproduces the side: whatever differs, it is not the model
    others = [f.gap for f in fits if f.gap > tolerance]
    if others and min(others) < BETTER_BY * good[0].gap:
        return []  # a near miss fits about as well: no member stands out
    return good


def finding(config: RunConfig, side: str, best: Fit, alternatives: list[Fit], verified_steps: int, places: dict | None = None,
            y: np.ndarray | None = None, features: int | None = None, dataset_rows: int | None = None) -> Finding:
    """y: the step's targets, whose rows and columns say what a learning-rate factor means."""
    found = _finding(config, side, best, alternatives, places, y, (features, dataset_rows))
    evidence = {**found.evidence, "verified_steps": verified_steps}
    return replace(found, evidence=evidence, explanation=f"{found.explanation} Checked: with these settings the first {verified_steps} steps agree.")


def _finding(config: RunConfig, side: str, best: Fit, alternatives: list[Fit], places: dict | None = None,
             y: np.ndarray | None = None, counts: tuple = (None, None)) -> Finding:
    flags = best.member.flags(config, best.lr, places)
    what = _describe(best, config)
    side_name = "NumPy" if side == "numpy" else "PyTorch"
    text = f"Your {side_name} program computes another member of the network family: {what}. Run with {' '.join(flags)} to compare like with like."
    reading = _reading(best, config, y, *counts)
    if reading:
        text += f" {reading[0]}"
    if best.member.spec.output_activation == "linear" and config.output_activation != "linear" and side == "numpy":
        text += (f" The same numbers come from a {config.output_activation} unit whose output delta takes the logit z where "
                 "its output belongs (z - y for a - y: the unit's input and output swapped in the backward pass); the "
                 "updates alone do not tell the two apart.")
    if best.lr < 0:
        text = f"Your {side_name} program moves against the gradient: its update is {best.lr / config.lr:.4g} times a descent step of the run's model."
    evidence = {"side": side, "flags": flags, "gap": best.gap, "learning_rate": best.lr, "spec": best.member.spec}
    if alternatives:
        evidence["also_fits"] = [" ".join(f.member.flags(config, f.lr, places)) or "the configured model" for f in alternatives[:3]]
        readings = [_reading(f, config, y, *counts) for f in alternatives[:3]]
        text += " Equally consistent: " + "; ".join(a + (f" ({r[0][0].lower()}{r[0][1:].rstrip('.')})" if r else "")
                                                    for a, r in zip(evidence["also_fits"], readings)) + "."
    if best.lr <= 0:
        fix = "Descend: subtract lr times the gradient (or keep y - output and add it)."
    elif reading:
        fix = f"{reading[1]} If your program means the model it computes, pass {' '.join(flags)}."
    elif side == "numpy":
        fix = f"Not a bug in your network: it computes another model. Pass {' '.join(flags)} to check it as what it is."
    else:
        fix = (f"A porting difference if the port should compute the run's model: change the port to match (the loss's "
               f"reduction, the activation, the optimizer); if it should compute this one, pass {' '.join(flags)}.")
    return Finding("model-family" if best.lr > 0 else "sign-flip", text, evidence, fix, 0.99)


def _describe(best: Fit, config: RunConfig) -> str:
    spec, parts = best.member.spec, []
    if best.member.optimizer:
        parts.append(f"the {best.member.optimizer} optimizer convention, not {config.optimizer}")
    if spec.output_activation != config.output_activation:
        parts.append(f"a {spec.output_activation} output unit, not {config.output_activation}")
    if spec.hidden_activation != config.hidden_activation:
        parts.append(f"{spec.hidden_activation} hidden layers, not {config.hidden_activation}")
    if spec.loss != config.loss:
        reduction = ": the same loss, reduced differently" if LOSS_KIND[spec.loss] == LOSS_KIND[config.loss] else ""
        parts.append(f"--loss {spec.loss} ({LOSS_WORDS[spec.loss]}), not {config.loss} ({LOSS_WORDS[config.loss]}){reduction}")
    parts += [f"{name} stored (out, in): a square weight fits either layout, and the update fits the transposed one" for name in best.member.transposed]
    if not np.isclose(best.lr, config.lr, rtol=1e-3):
        parts.append(f"a learning rate of {best.lr:.6g}, not --lr {config.lr:g}")
    return "; ".join(parts)


def _reading(best: Fit, config: RunConfig, y: np.ndarray | None, features: int | None = None,
             dataset_rows: int | None = None) -> tuple[str, str] | None:
    """How a program meant as the run's model most plausibly came to compute this member: an identity of the
    gradients, or a reduction's count, each exact. (text, fix), or None."""
    spec, configured = best.member.spec, replace(best.member.spec, loss=config.loss, output_activation=config.output_activation,
                                                 hidden_activation=config.hidden_activation)
    if best.member.optimizer == "momentum" and config.optimizer == "nesterov" and spec == configured and not best.member.transposed:
        return ("Nesterov's update is -lr·(g + μ·v) with v = μ·v + g already updated this step; taken with the velocity "
                "before this step's update (the previous step's v: the look-ahead one step behind) it is exactly heavy-ball "
                "momentum.", "Update the velocity first, then step with g + μ·v, as torch.optim.SGD(nesterov=True) does.")
    if best.member.optimizer or best.member.transposed or spec != configured:
        if (LOSS_KIND[config.loss] == "bce" and LOSS_KIND[spec.loss] == "squared" and spec.output_activation == "sigmoid"
                and spec.hidden_activation == config.hidden_activation and not best.member.optimizer):
            return ("A cross-entropy's gradient at the sigmoid's input is (output - y) itself; multiplied once more by the "
                    "sigmoid's derivative output·(1 - output) it is this squared loss's gradient: the derivative applied twice.",
                    "If your program means binary cross-entropy, drop the sigmoid's derivative from the output's delta.")
        if (LOSS_KIND[config.loss] == "squared" and LOSS_KIND[spec.loss] in ("bce", "ce") and spec.output_activation == config.output_activation
                and spec.output_activation in ("sigmoid", "softmax") and spec.hidden_activation == config.hidden_activation and not best.member.optimizer):
            return (f"Its output delta is the cross-entropy's shortcut, p - y at the {spec.output_activation}'s input, where "
                    f"--loss {config.loss}'s gradient goes through the {spec.output_activation}'s derivative (its Jacobian): the "
                    "squared error back-propagated with the cross-entropy's delta.", f"If your program means --loss {config.loss}, "
                    f"multiply its error by the {spec.output_activation}'s derivative (for softmax, its whole Jacobian).")
        return None
    if best.lr > 0 and config.lr != 1 and abs(best.lr / config.lr ** 2 - 1) <= 1e-3:
        return (f"Its learning rate is the run's squared: {best.lr:.6g} = {config.lr:g} × {config.lr:g}, the learning rate "
                f"applied twice (lr·lr), as when a velocity already scaled by lr is multiplied by lr again.",
                "Multiply by the learning rate once: either in the velocity or in the update, not both.")
    if y is None or best.lr <= 0:
        return None
    return reduction_reading(best.lr / config.lr, config, y, features, dataset_rows)


def reduction_reading(ratio: float, config: RunConfig, y: np.ndarray, features: int | None = None,
                      dataset_rows: int | None = None) -> tuple[str, str] | None:
    """(text, fix) where a program's step is `ratio` times the run's because its loss divides by another count of the
    data: nothing (a sum), the rows, the target columns, y.size or the input features; None where no count gives it."""
    if y.ndim != 2 or ratio <= 0:
        return None
    meant = numpy_net.make_loss(config.loss, config.output_activation).scale(y)  # the run's loss: 1 / its count
    counts = {"nothing (a sum)": 1, f"the {len(y)} rows (the batch size)": len(y),
              f"y.size ({len(y)} rows × {y.shape[1]} columns)": y.size, f"the {y.shape[1]} columns (the number of classes or outputs)": y.shape[1]}
    if len(y) > 2:  # one off the rows: an unbiased (ddof=1) divisor, or a count kept off by one
        counts[f"{len(y) - 1}, the rows minus one (len(X) - 1: an unbiased, ddof=1 divisor, off by one)"] = len(y) - 1
        counts[f"{len(y) + 1}, the rows plus one (off by one)"] = len(y) + 1
    if features:
        counts[f"the {features} input features (X's other dimension, the wrong axis)"] = features
    if dataset_rows and dataset_rows != len(y):  # a mini-batch divided by the whole data set's size
        counts[f"the data set's {dataset_rows} rows (the whole data set's size, not the mini-batch's {len(y)})"] = dataset_rows
    written = meant * ratio
    for words, count in counts.items():
        if abs(written * count - 1) <= 1e-3 and abs(meant * count - 1) > 1e-3:
            run_count = next((w for w, c in counts.items() if abs(meant * c - 1) <= 1e-3), f"{1 / meant:g}")
            return (f"Its step is {ratio:.4g} times the run's, exactly as when its loss is divided by {words} where --loss "
                    f"{config.loss} divides by {run_count}.",
                    f"If your program means --loss {config.loss}, reduce its loss as that does: by {run_count}, not by {words}.")
    return None


def output_layer_finding(config: RunConfig, side: str, best: Fit, places: dict | None = None) -> Finding:
    """The settings the output layer's update follows, when the layers below depart from every member."""
    flags = best.member.flags(config, best.lr, places)
    side_name = "NumPy" if side == "numpy" else "PyTorch"
    return Finding(
        "model-family",
        f"The output layer of your {side_name} program follows {_describe(best, config)}; the layers below depart from "
        f"every member of the family. The diagnosis above was made under {' '.join(flags)}.",
        {"side": side, "flags": flags, "gap": best.gap, "learning_rate": best.lr, "layer": "output"},
        f"Pass {' '.join(flags)} as well, once the layers below are mended.",
        0.7,  # one layer's fit, not verified by a run: below a confident finding
    )
