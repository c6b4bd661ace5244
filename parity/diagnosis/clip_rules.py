"""The clippings a program may write, each a rule on the gradients of one step: by a norm of all of them together
(the L2 norm clip_grad_norm_ takes, the sum of each parameter's norm, the squared norm, the largest entry), to an L2
norm of exactly the bound (a normalisation), per parameter by its own norm, or by value, each to a bound.

    clip(g) = g · min(1, c / N(g))        clip(g)_k = g_k · min(1, c / ‖g_k‖)        clip(g)_i = clamp(g_i, -c, c)
"""

from __future__ import annotations

from typing import Any, Callable, Iterator

import numpy as np
import torch

from parity.diagnosis.backward_again import raw_gradients

Gradients = dict[str, torch.Tensor]
NORMS: dict[str, Callable[[Gradients], float]] = {
    "the L2 norm of all the gradients together, √(Σ‖g‖²) (clip_grad_norm_)":
        lambda g: float(torch.sqrt(sum((v.double() ** 2).sum() for v in g.values()))),
    "the sum of each parameter's L2 norm, Σ‖g‖": lambda g: float(sum(torch.linalg.vector_norm(v.double()) for v in g.values())),
    "the squared norm, Σ‖g‖² (the square root left out)": lambda g: float(sum((v.double() ** 2).sum() for v in g.values())),
    "the largest entry, max|g|": lambda g: float(max(v.abs().max() for v in g.values())),
    "the largest signed entry, max g (the absolute value left out)": lambda g: float(max(v.max() for v in g.values())),
    "the sum of every entry's size, Σ|g|": lambda g: float(sum(v.abs().sum() for v in g.values())),
}
GLOBAL = next(iter(NORMS))


def clippings(bounds: list[float]) -> Iterator[tuple[str, Callable[[Gradients], Gradients]]]:
    """Each rule, said, at each bound; none first."""
    yield "not at all", lambda g: g
    for bound in bounds:
        for words, norm in NORMS.items():
            yield f"by {words}, to {bound:g}", lambda g, b=bound, n=norm: scaled(g, min(1.0, b / (n(g) + 1e-6)))
        yield (f"to an L2 norm of exactly {bound:g} at every step, the min(1, ·) left out (a normalisation: small "
               "gradients scaled up)"), lambda g, b=bound: scaled(g, b / (NORMS[GLOBAL](g) + 1e-6))
        yield f"per parameter, each by its own L2 norm, to {bound:g}", lambda g, b=bound: {
            k: v * min(1.0, b / (float(torch.linalg.vector_norm(v.double())) + 1e-6)) for k, v in g.items()}
        yield f"by value, at ±{bound:g}", lambda g, b=bound: {k: v.clamp(-b, b) for k, v in g.items()}


def never_binding(setup: Any, built: Any, last: int, bounds: list[float]) -> str:
    """The clippings that leave back-propagation's gradients as they are at every step through `last`, said: a rule
    that never binds on them is not told apart from none by these steps (per parameter first, the likeliest slip)."""
    try:
        grads = [{k: torch.as_tensor(np.asarray(v, np.float64)) for k, v in raw_gradients(setup, built, s).items()}
                 for s in range(1, last + 1)]
    except Exception:  # noqa: BLE001 - a port that cannot be stepped again: no rule is said beside none
        return ""
    idle = [words for words, clip in clippings(bounds) if words != "not at all" and "exactly" not in words and
            all(g and all(torch.allclose(v, g[k], rtol=1e-12, atol=0) for k, v in clip(dict(g)).items()) for g in grads)]
    idle.sort(key=lambda words: (not words.startswith("per parameter"), not words.startswith("by value")))
    idle = list({words.rsplit(", ", 1)[0]: words for words in reversed(idle)}.values())[::-1]  # each rule at its least bound
    if not idle:
        return ""
    return (f" A clipping that never binds on these gradients through step {last} is not told apart from none: "
            f"{'; '.join(idle[:2])}{'; or another' if len(idle) > 2 else ''}.")


def scaled(g: Gradients, factor: float) -> Gradients:
    return {k: v * factor for k, v in g.items()}
