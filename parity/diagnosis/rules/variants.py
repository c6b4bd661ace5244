"""Findings about the update: which variant of the run's optimizer reproduces the NumPy side's step.

Each variant is the update as a porting bug writes it, recomputed in float64
from the step's gradient and the optimizer state both sides carried into
the step (the previous record's: it agreed, or this step would not be the
first to fail). The variant whose update reproduces the NumPy side to the
run's precision, and differs from torch's, is named. Constants a variant
needs (a clipping threshold, a decay rate) are fitted, then checked.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from parity.diagnosis.evidence import Evidence, relative_gap
from parity.diagnosis.finding import Finding

Updates = dict[str, np.ndarray]


def _grads(e: Evidence) -> Updates:
    """The step's true gradients, where the two sides agree on them: torch's; where torch recorded none (a check records
    updates only), the run's model's own at the step's weights, in float64, where the state is known: the first step's (none),
    or the kit's twin's, replayed."""
    recorded = {p: e.torch(f"{p}.grad") for p in e.params() if f"{p}.grad" in e.torch_record}
    if recorded or (e.step != 1 and not e.kit_state()):
        return recorded
    true = {f"W{layer}": e.inputs[layer - 1].T @ e.deltas[layer] for layer in range(1, e.layers + 1)}
    true.update({f"b{layer}": e.deltas[layer].sum(axis=0) for layer in range(1, e.layers + 1) if f"b{layer}" in e.before})
    return {p: true[p] for p in e.params() if p in true}


def _state(e: Evidence, p: str, kind: str) -> np.ndarray | None:
    value = e.failure.torch_previous.get(f"{p}.{kind}")
    if value is None and e.step > 1:
        value = e.kit_state().get(f"{p}.{kind}")
    return None if value is None else np.asarray(value, dtype=np.float64)


def _step_count(e: Evidence) -> float:
    count = e.failure.torch_previous.get("step_count")
    if count is None and e.step > 1:
        count = e.kit_state().get("step_count", 0)
    return float(count or 0)


def _adam(e: Evidence, eps_inside=False, correct1=True, correct2=True, shift=0, swap=False, eps=None, amsgrad=False,
          squared=True, kept=(True, True), corrected_kept=(False, False)) -> Updates:
    """kept: each moment carried into the next step (False: computed from zero each step, never stored back);
    corrected_kept: each moment stored back bias-corrected (m̂ written into m, as an alias m_hat = m; m_hat /= ... does)."""
    """The updates, and the moments the variant leaves (as "W1.exp_avg", ... entries)."""
    c = e.config
    beta1, beta2 = c.betas[::-1] if swap else c.betas
    t = _step_count(e) + 1
    t_used = max(t + shift, 1)
    updates = {}
    for p, g in _grads(e).items():
        m0, v0 = (_state(e, p, kind) if keep else None for kind, keep in (("exp_avg", kept[0]), ("exp_avg_sq", kept[1])))
        if t > 1:  # the state the run carried in, as this variant would have stored it at the step before
            m0 = m0 / (1 - beta1 ** (t - 1)) if corrected_kept[0] and m0 is not None else m0
            v0 = v0 / (1 - beta2 ** (t - 1)) if corrected_kept[1] and v0 is not None else v0
        m = beta1 * (m0 if m0 is not None else 0) + (1 - beta1) * g
        v = beta2 * (v0 if v0 is not None else 0) + (1 - beta2) * (g * g if squared else g)
        # AMSGrad steps with the largest second moment so far (the state keeps v itself); at the first failing step the
        # previous maximum was the previous v, or the updates would have parted earlier
        v_step = np.maximum(v, v0) if amsgrad and v0 is not None else v
        m_hat = m / (1 - beta1**t_used) if correct1 else m
        v_hat = v_step / (1 - beta2**t_used) if correct2 else v_step
        epsilon = c.eps if eps is None else eps
        v_hat = v_hat if squared else np.abs(v_hat)  # a second moment of g itself: its root taken of |v̂|
        updates[p] = -c.lr * m_hat / (np.sqrt(v_hat + epsilon) if eps_inside else np.sqrt(v_hat) + epsilon)
        updates[f"{p}.exp_avg"], updates[f"{p}.exp_avg_sq"] = m, v
    return updates


def _momentum(e: Evidence, ema=False, dampen_first=False, ignore_dampening=False, behind=False, unapplied=False, nesterov=None) -> Updates:
    c = e.config
    mu, d = c.momentum, (0.0 if ignore_dampening else c.dampening)
    look_ahead = (c.optimizer == "nesterov") if nesterov is None else nesterov
    updates = {}
    for p, g in _grads(e).items():
        b0 = _state(e, p, "momentum")
        if ema:
            b = mu * (b0 if b0 is not None else 0) + (1 - mu) * g
        elif b0 is None:
            b = (1 - d) * g if dampen_first else g
        else:
            b = mu * b0 + (1 - d) * g
        direction = g if unapplied else (b0 if b0 is not None else np.zeros_like(g)) if behind else (g + mu * b if look_ahead else b)
        updates[p] = -c.lr * direction
        updates[f"{p}.momentum"] = b
    return updates


def _adam_eps(e: Evidence) -> tuple[Updates, float] | None:
    """Adam with another ε: ε fitted from the NumPy update, ε = lr m̂ / (-Δ) - √v̂, the median over the elements."""
    reference = _adam(e)
    c = e.config
    t = _step_count(e) + 1
    beta1, beta2 = c.betas
    fits = []
    for p in _grads(e):
        m_hat = reference[f"{p}.exp_avg"] / (1 - beta1**t)
        v_hat = reference[f"{p}.exp_avg_sq"] / (1 - beta2**t)
        moved = -e.update("numpy", p)
        ok = np.abs(moved) > 1e-12
        fits.append((c.lr * m_hat[ok] / moved[ok] - np.sqrt(v_hat[ok])).ravel())
    values = np.concatenate(fits) if fits else np.empty(0)
    if not values.size or not np.isfinite(np.median(values)) or np.median(values) <= 0:
        return None
    eps = float(np.median(values))
    return _adam(e, eps=eps), eps


def _sgd_decay(e: Evidence) -> tuple[Updates, float] | None:
    """θ -= lr (g + λ θ): λ fitted over the parameters."""
    grads = _grads(e)
    rest = {p: e.update("numpy", p) + e.config.lr * g for p, g in grads.items()}
    theta = np.concatenate([e.before[p].ravel() for p in grads])
    residual = np.concatenate([rest[p].ravel() for p in grads])
    if not np.any(theta):
        return None
    lam = float(-np.vdot(residual, theta) / (e.config.lr * np.vdot(theta, theta)))
    return {p: -e.config.lr * (g + lam * e.before[p]) for p, g in grads.items()}, lam


def _clip_by_value(e: Evidence) -> tuple[Updates, float] | None:
    grads = _grads(e)
    moved = [np.abs(e.update("numpy", p)).max() for p in grads]
    if not moved or not max(moved):
        return None
    threshold = max(moved) / e.config.lr
    return {p: -e.config.lr * np.clip(g, -threshold, threshold) for p, g in grads.items()}, threshold


# (name, what the NumPy side does, fix, the optimizers it applies to, the variant)
VARIANTS: list[tuple[str, str, tuple[str, ...], Callable]] = [
    ("Adam with eps inside the square root: m̂ / √(v̂ + ε)", "m̂ / (√v̂ + ε), eps outside the root", ("adam",), lambda e: _adam(e, eps_inside=True)),
    ("Adam without bias correction: m / (√v + ε)", "divide m by 1 - β1^t and v by 1 - β2^t", ("adam",), lambda e: _adam(e, correct1=False, correct2=False)),
    ("Adam with only the first moment's bias correction", "divide v by 1 - β2^t too", ("adam",), lambda e: _adam(e, correct2=False)),
    ("Adam with only the second moment's bias correction", "divide m by 1 - β1^t too", ("adam",), lambda e: _adam(e, correct1=False)),
    ("Adam's step counter one behind in the bias corrections", "increment t before the bias corrections: t = 1 at the first step", ("adam",), lambda e: _adam(e, shift=-1)),
    ("Adam's step counter one ahead in the bias corrections", "use t = 1 at the first step, not 2", ("adam",), lambda e: _adam(e, shift=1)),
    ("Adam's second moment accumulated from g, not g² (the square of the gradient missing; √|v̂| in the update)",
     "v = β2 v + (1 - β2) g², the gradient squared", ("adam",), lambda e: _adam(e, squared=False)),
    ("Adam's first moment never stored back: m computed from zero each step, (1 - β1) g", "keep m between steps "
     "(self.m[k] = ..., not a local m)", ("adam",), lambda e: _adam(e, kept=(False, True))),
    ("Adam's second moment never stored back: v computed from zero each step, (1 - β2) g²", "keep v between steps",
     ("adam",), lambda e: _adam(e, kept=(True, False))),
    ("Adam's first moment stored bias-corrected: m̂ written back into m (m_hat = m is an alias, and m_hat /= (1 - β1^t) "
     "divides m itself)", "m_hat = m / (1 - β1^t), a new array", ("adam",), lambda e: _adam(e, corrected_kept=(True, False))),
    ("Adam's second moment stored bias-corrected: v̂ written back into v (an alias divided in place)",
     "v_hat = v / (1 - β2^t), a new array", ("adam",), lambda e: _adam(e, corrected_kept=(False, True))),
    ("Adam with β1 and β2 swapped", "m uses β1 = 0.9, v uses β2 = 0.999 (betas=(β1, β2))", ("adam",), lambda e: _adam(e, swap=True)),
    ("AMSGrad: the largest second moment so far, where the run asks for Adam", "use v itself (torch.optim.Adam(amsgrad=False)), or amsgrad=True on both sides", ("adam",), lambda e: _adam(e, amsgrad=True)),
    ("momentum as a moving average from zero: v = βv + (1-β)g", "torch.optim.SGD seeds its buffer with the first raw gradient; or run --optimizer ema-momentum", ("momentum", "nesterov"), lambda e: _momentum(e, ema=True)),
    ("momentum with its dampening ignored", "b = μb + (1 - dampening) g after the first step", ("momentum", "ema-momentum"), lambda e: _momentum(e, ignore_dampening=True)),
    ("momentum with dampening applied on the first step", "torch.optim.SGD's first step uses the raw gradient", ("momentum",), lambda e: _momentum(e, dampen_first=True)),
    ("momentum one step behind: the update uses the buffer before this step's gradient enters it", "add the gradient to the buffer first, then step with it", ("momentum", "nesterov", "ema-momentum"), lambda e: _momentum(e, behind=True)),
    ("momentum kept but not applied: the update steps with the raw gradient, its velocity never used (plain gradient descent)", "step with the buffer (or g + μ b for Nesterov)", ("momentum", "nesterov", "ema-momentum"), lambda e: _momentum(e, unapplied=True)),
    ("heavy-ball momentum where the run asks for Nesterov", "step with g + μ b (torch.optim.SGD(nesterov=True))", ("nesterov",), lambda e: _momentum(e, nesterov=False)),
    ("Nesterov momentum where the run asks for heavy ball", "step with the buffer b, not g + μ b", ("momentum",), lambda e: _momentum(e, nesterov=True)),
]


def optimizer_variant(e: Evidence) -> Finding | None:
    """The variant of the run's optimizer that reproduces the NumPy side's update."""
    state = [n for n in e.comparisons if n.rsplit(".", 1)[-1] in ("momentum", "exp_avg", "exp_avg_sq")]
    # gradients read back from the updates (a check records none) fail wherever the updates do: no verdict on them
    if (not e.derived_grads and any(e.failed(g) for g in e.grads())) or not _grads(e) or not any(e.failed(n) for n in [*e.params(), *state]):
        return None
    if _signs_only(e):
        return None
    for what, fix, optimizers, variant in VARIANTS:
        if e.config.optimizer in optimizers and _reproduces(e, variant(e)):
            return _finding(e, what, fix)
    fitted = _adam_eps(e) if e.config.optimizer == "adam" else None
    if fitted and not np.isclose(fitted[1], e.config.eps, rtol=0.1) and _reproduces(e, fitted[0]):
        return _finding(e, f"Adam with ε = {fitted[1]:.3g}, not the run's {e.config.eps:g}", "give both sides the same eps")
    if e.config.optimizer == "sgd":
        for fitted, what, fix in ((_sgd_decay(e), "weight decay in the update: θ -= lr (g + λθ), λ = {:.4g}", "drop the decay, or give torch weight_decay=λ"),
                                  (_clip_by_value(e), "the gradient clipped by value at ±{:.4g}", "drop the clipping, or clip in torch too (torch.nn.utils.clip_grad_value_)")):
            if fitted and _reproduces(e, fitted[0]):
                return _finding(e, what.format(fitted[1]), fix)
    return None


def _signs_only(e: Evidence) -> bool:
    """An Adam-family first step moves every entry by ±lr (m̂/√v̂ = sign g): it carries the gradient's signs alone,
    and any variant that keeps them reproduces it; no variant is told apart there."""
    if e.step != 1 or "adam" not in e.config.optimizer:
        return False
    moved = np.concatenate([np.abs(e.update("numpy", p)).ravel() for p in e.params()])
    return bool(moved.size) and np.allclose(moved[moved > 0], e.config.lr, rtol=1e-2)


def _reproduces(e: Evidence, predicted: Updates) -> bool:
    """The predicted updates, and the state where the variant predicts it, match the NumPy side and not torch's."""
    names = [p for p in predicted if p in e.comparisons and "." not in p]
    observed = np.concatenate([e.update("numpy", p).ravel() for p in names])
    torch = np.concatenate([e.update("torch", p).ravel() for p in names])
    guess = np.concatenate([predicted[p].ravel() for p in names])
    state = [n for n in predicted if "." in n and n in e.comparisons]
    if state and not all(e.matches(predicted[n], n) for n in state):
        return False
    if any(e.failed(n) for n in state) and not any(e.failed(p) for p in names):
        return all(e.explains(predicted[n], n) for n in state if e.failed(n))  # the state parts first: it decides
    if guess.shape != observed.shape or not np.all(np.isfinite(guess)):
        return False
    # an update is the difference of two nearly equal weights: it keeps fewer digits than the weights do
    weights = np.concatenate([e.before[p].ravel() for p in names])
    eps = np.finfo(e.config.dtype).eps
    tolerance = max(e.match_tolerance, 16 * eps * np.linalg.norm(weights) / max(np.linalg.norm(observed), 1e-300))
    return relative_gap(guess, observed) < tolerance and relative_gap(guess, torch) > 10 * tolerance


def _finding(e: Evidence, what: str, fix: str) -> Finding:
    return Finding(
        "optimizer-variant",
        ("The NumPy update" if e.derived_grads else "The gradients agree, and the NumPy update")
        + f" is {what}: recomputed from the run's gradient and the optimizer state carried into the step, that reproduces "
        f"the NumPy side's step {e.step}.",
        {"step": e.step, "optimizer": e.config.optimizer, "tensors": [p for p in e.params() if e.failed(p)]},
        f"Follow torch.optim's update: {fix}.",
        0.96,
    )


def decay_signs(e: Evidence) -> Finding | None:
    """At an Adam-family first step (every entry moved by ±lr), the signs of the NumPy update against those of the
    gradient plus each way of writing the run's weight decay: the forms whose signs it keeps, where the run's does not."""
    if not e.config.weight_decay or not _signs_only(e):
        return None
    grads = _grads(e)
    names = [p for p in grads if p in e.before]
    if not names:
        return None
    lam, lr = e.config.weight_decay, e.config.lr
    moved = np.concatenate([-np.sign(e.update("numpy", p)).ravel() for p in names])
    forms = {"the run's L2 term λ·w": lambda w: lam * w, "an L1 term λ·sign(w) (the lasso's gradient)": lambda w: lam * np.sign(w),
             "the term scaled by the learning rate, lr·λ·w (SGD's decay step)": lambda w: lr * lam * w,
             "no decay term at all": lambda w: 0 * w}
    keeps = [words for words, form in forms.items()
             if np.array_equal(np.sign(np.concatenate([(grads[p] + form(e.before[p])).ravel() for p in names]))[moved != 0],
                               moved[moved != 0])]
    if not keeps or "the run's L2 term λ·w" in keeps:
        return None
    said = keeps[0] if len(keeps) == 1 else "one of: " + "; ".join(keeps) + " (the signs alone do not tell them apart)"
    return Finding("weight-decay", f"The NumPy side's first Adam step moves every entry by ±lr, so it keeps only the signs "
                   f"of the gradient it was given: they are the signs of the run's gradient plus {said}, not plus the "
                   f"run's weight decay λ·w (λ = {lam:g}).", {"step": e.step, "side": "numpy", "forms": keeps},
                   "Add weight_decay * w to the gradient before Adam's moments, as torch.optim.Adam(weight_decay=...) does.",
                   0.85 if len(keeps) == 1 else 0.75)
