"""The port stepped again with back-propagation's own gradients clipped another way: by the L2 norm of all of them, by
the sum of each parameter's norm, by the squared norm (its root left out), by the largest entry, per parameter, by
value, or not at all, each to a bound the NumPy program writes. Where one such clipping, put between the port's
backward pass and its own optimizer, makes every update the NumPy program's through the failing step and a few
beyond, the two programs clip otherwise. It reads a NumPy program that keeps its gradients and optimizer state to
itself, and an optimizer whose first update hides a gradient's scale (Adam's, RMSprop's: lr·sign(g)).

    update_numpy(t) = step_port(clip_H(g_raw(t)))   at every step t, one clipping H
"""

from __future__ import annotations

import warnings
from typing import Any, Callable

import numpy as np
import torch
import torch.nn.utils as nn_utils
import torch.nn.utils.clip_grad as clip_grad

from parity.diagnosis.backward_again import raw_gradients
from parity.diagnosis.clip_handling import ROUND, accumulated, gradients_after_step, handling, never_zeroed
from parity.diagnosis.clip_rules import GLOBAL, NORMS, Gradients, clippings, never_binding
from parity.diagnosis.finding import Finding
from parity.diagnosis.optimizer_again import AHEAD, _optimizer, follows_trajectory, port_follows
from parity.diagnosis.optimizer_arguments import written_numbers
from parity.diagnosis.replays import numpy_trajectory, replayed
from parity.diagnosis.scaled_gradients import scaled_before_clipping

MOST_BOUNDS = 6


def clipped_again_finding(setup: Any, built: Any, step: int, tolerance: float) -> Finding | None:
    optimizer = _optimizer(built.make_sides()[1])
    stepped = isinstance(optimizer, torch.optim.Optimizer)  # else an update written by hand: only its clipping call replaced
    if port_follows(setup, built, step + AHEAD, tolerance):
        return None
    port_bounds = _port_bounds(setup, built)
    if not stepped and not port_bounds:
        return None
    steps = numpy_trajectory(setup, built, step + AHEAD)
    # at step 1, where no state is carried, a clipping that hands the port's step what it takes there is the port
    # (later, a clipping apart from the port's at earlier steps carries another state, Adam's, into this one)
    first_raw, first_handed = raw_gradients(setup, built, 1), _handed(setup, built, 1) if port_bounds else None
    binds = _binding_test(first_raw, _taken(setup, built, 1)) if step == 1 else None
    at_call = _call_binding(first_handed) if step == 1 else None
    raw, handed = _Fresh(first_raw), _Fresh(first_handed[0] if first_handed else {})
    bounds = _bounds(setup, built, port_bounds)
    for words, clip in clippings(bounds):
        if port_bounds and (at_call is None or at_call(clip)) and handed.new(clip) and \
                _follows_at_call(built, steps, clip, tolerance, handed.where):
            if scaled := scaled_before_clipping(setup, built, step, tolerance):
                return scaled  # the NumPy program's own gradients are another size: the clipping only hides it
            return Finding("gradient-clipping", f"The port's own clipping call (clip_grad_norm_ or clip_grad_value_, "
                           f"bound {port_bounds[0]:g}), replaced by a clipping {words} of the gradients it is handed, steps "
                           f"in lockstep with the NumPy program through step {step + AHEAD}: every update agrees. The NumPy "
                           f"program's gradients are clipped {words}, where the port clips as its call does: the two "
                           f"programs clip otherwise.{_aside(words, setup, built, step, port_bounds or bounds)}",
                           {"step": step, "stage": "update", "clipping": words},
                           "Clip alike in both programs: clip_grad_norm_ scales every gradient by one factor from the norm of "
                           "all of them together; clip_grad_value_ clamps each entry.", 0.85)
        handed.note()
        if stepped and (binds is None or binds(clip)) and raw.new(clip) and _follows(built, steps, clip, tolerance, raw.where):
            if scaled := scaled_before_clipping(setup, built, step, tolerance):
                return scaled  # the NumPy program's own gradients are another size: the clipping only hides it
            if words == "not at all" and accumulated(setup, built, step):
                return never_zeroed(step)
            port, after = _port_handling(setup, built, step, clip)
            said = (f"the port's .grad, as its step leaves it, is clipped so too ({port}): its optimizer stepped before "
                    "the clipping (clip_grad_norm_ called after optimizer.step())" if after else
                    f"the port's gradients at step {step} are {port}. The two programs clip otherwise")
            said += _aside(words, setup, built, step, port_bounds or bounds).rstrip(".") + _calls(port_bounds, words)
            return Finding("gradient-clipping", f"The port's own {type(optimizer).__name__}, given back-propagation's "
                           f"gradients clipped {words} in place of the gradients its step takes, steps in lockstep with "
                           f"the NumPy program through step {step + AHEAD}: every update agrees. The NumPy program's gradients "
                           f"are clipped {words}; {said}.", {"step": step, "stage": "update", "clipping": words,
                                                             **({"side": "torch"} if after else {})},
                           "Clip between loss.backward() and optimizer.step(), alike in both programs: by one global L2 "
                           "norm over every parameter (clip_grad_norm_ of all of model.parameters()), or by value.", 0.85)
        raw.note()
    return None


class _Fresh:
    """The clippings already seen to part at the trajectory's first step, by what they make of its gradients there:
    a clipping that makes the same of them parts there too, and is not stepped again."""

    def __init__(self, grads: dict) -> None:
        self.grads = {k: torch.as_tensor(np.asarray(v, np.float64)) for k, v in grads.items()}
        self.failed: list[Gradients] = []
        self.made: Gradients | None = None
        self.where: list[int] = []

    def new(self, clip: Callable[[Gradients], Gradients]) -> bool:
        self.where.clear()
        self.made = clip(dict(self.grads)) if self.grads else None
        return self.made is None or not any(all(torch.allclose(v, seen[k], rtol=1e-9, atol=0) for k, v in self.made.items())
                                            for seen in self.failed)

    def note(self) -> None:
        if self.made is not None and self.where == [0]:
            self.failed.append(self.made)
        self.made = None


def _bounds(setup: Any, built: Any, port_bounds: list[float]) -> list[float]:
    """The bounds the port's own clipping calls take, the NumPy program's own positive numbers, the bounds people write."""
    written = [n for n in written_numbers(setup, built) if n > 0][:MOST_BOUNDS]
    return list(dict.fromkeys([*port_bounds, *written, *ROUND]))


def _port_bounds(setup: Any, built: Any) -> list[float]:
    """max_norm and clip_value as the port's first step passes them to torch.nn.utils."""
    taken: list[float] = []
    originals = {name: getattr(clip_grad, name) for name in ("clip_grad_norm_", "clip_grad_value_")}

    def recording(original):
        def call(parameters, *args, **kwargs):
            bound = args[0] if args else kwargs.get("max_norm", kwargs.get("clip_value"))
            taken.extend([float(bound)] if isinstance(bound, (int, float)) else [])
            return original(parameters, *args, **kwargs)
        return call

    for name, original in originals.items():
        setattr(nn_utils, name, recording(original)), setattr(clip_grad, name, recording(original))
    try:
        built.make_sides()[1].step(setup.rows(1))
    except Exception:  # noqa: BLE001 - a port that cannot step here again: no bound read
        pass
    finally:
        for name, original in originals.items():
            setattr(nn_utils, name, original), setattr(clip_grad, name, original)
    return [b for b in taken if b > 0]


def _calls(port_bounds: list[float], words: str) -> str:
    """The port's clipping called several times a step at one bound, where a norm of all the gradients is read on the
    NumPy side: each call clips only the tensors it is handed, by their own norm."""
    if len(port_bounds) < 2 or len(set(port_bounds)) > 1 or GLOBAL not in words:
        return ""
    return (f"; the port's clipping call runs {len(port_bounds)} times in one step, each at {port_bounds[0]:g} (per tensor "
            "or per group in a loop, or inside a loop over micro-batches): each call clips only what it is handed then, "
            "where one call over every parameter's whole gradient clips by the norm of all of them")


def _aside(words: str, setup: Any, built: Any, step: int, bounds: list[float]) -> str:
    return never_binding(setup, built, step + AHEAD, bounds) if words == "not at all" else ""


def _binding_test(raw: dict, taken: dict) -> Callable[[Callable[[Gradients], Gradients]], bool] | None:
    """A clipping of back-propagation's gradients (`raw`) that gives at step 1 what the port's step takes there
    (`taken`: its own gradients, as they are or as it clips them) steps as the port does and fails there too: a test
    of whether a clipping gives the port's step anything else, or None where the two cannot be read."""
    if not raw or any(k not in taken or np.shape(taken[k]) != np.shape(raw[k]) for k in raw):
        return None
    tensors = {k: torch.as_tensor(np.asarray(v, np.float64)) for k, v in raw.items()}
    port = {k: torch.as_tensor(np.asarray(taken[k], np.float64)) for k in raw}
    return lambda clip: any(not torch.allclose(v, port[k], rtol=1e-6, atol=1e-12) for k, v in clip(dict(tensors)).items())


def _taken(setup: Any, built: Any, step: int) -> dict:
    """The gradients the port's optimizer.step() finds in .grad at a step (a clip after the step aside)."""
    _, torch_side = replayed(setup, built, step)
    optimizer, taken = _optimizer(torch_side), {}
    if not isinstance(optimizer, torch.optim.Optimizer):
        return {}
    step_of = optimizer.step

    def seeing(*args, **kwargs):
        taken.update({k: v for k, v in (torch_side.gradients() or {}).items() if v is not None})
        return step_of(*args, **kwargs)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a scheduler's note that its optimizer's step was wrapped
            optimizer.step = seeing
            torch_side.step(setup.rows(step))
    finally:
        optimizer.step = step_of
    return taken


def _call_binding(found: tuple[Gradients, Gradients] | None) -> Callable[[Callable[[Gradients], Gradients]], bool] | None:
    """A clipping that makes of the gradients the port's own clipping call is handed at step 1 what the call makes of
    them (`found`, from _handed) is the port's own call (it fails where the port fails)."""
    if found is None:
        return None
    before, after = found
    return lambda clip: any(not torch.allclose(v, after[k], rtol=1e-6, atol=1e-12) for k, v in clip(dict(before)).items())


def _handed(setup: Any, built: Any, step: int) -> tuple[Gradients, Gradients] | None:
    """The gradients the port's one clipping call is handed at a step, and what it makes of them; None where it makes
    no such call or several (a clip per group)."""
    handed: list[tuple[Gradients, Gradients]] = []
    originals = {name: getattr(clip_grad, name) for name in ("clip_grad_norm_", "clip_grad_value_")}

    def recording(original):
        def call(parameters, *args, **kwargs):
            held = [parameters] if torch.is_tensor(parameters) else [p for p in parameters if p.grad is not None]
            before = {str(k): p.grad.detach().double().clone() for k, p in enumerate(held)}
            result = original(held, *args, **kwargs)
            handed.append((before, {str(k): p.grad.detach().double().clone() for k, p in enumerate(held)}))
            return result
        return call

    _, torch_side = replayed(setup, built, step)
    try:
        for name, original in originals.items():
            setattr(nn_utils, name, recording(original)), setattr(clip_grad, name, recording(original))
        torch_side.step(setup.rows(step))
    except Exception:  # noqa: BLE001 - a port that cannot step here again: every clipping is tried
        return None
    finally:
        for name, original in originals.items():
            setattr(nn_utils, name, original), setattr(clip_grad, name, original)
    return handed[0] if len(handed) == 1 else None


def _follows(built: Any, steps: list, clip: Callable[[Gradients], Gradients], tolerance: float, where: list | None = None) -> bool:
    """The port from each step's shared start, its optimizer given clip(raw gradients) at each step; False at the
    first update that parts from the NumPy program's."""
    _, torch_side = built.make_sides()
    optimizer = _optimizer(torch_side)
    tensors = {pair.name: torch_side.parameter(pair) for pair in torch_side.pairs}
    delivered: Gradients = {}
    hooks = [t.register_hook(lambda grad, n=n: delivered.__setitem__(n, delivered[n] + grad if n in delivered else grad.clone()))
             for n, t in tensors.items() if t.requires_grad]
    step_of = optimizer.step

    def clipped_step(*args, **kwargs):
        with torch.no_grad():
            for name, grad in clip(dict(delivered)).items():
                if tensors[name].grad is not None:
                    tensors[name].grad.copy_(grad)
        delivered.clear()
        return step_of(*args, **kwargs)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a scheduler's note that its optimizer's step was wrapped
            optimizer.step = clipped_step
            return follows_trajectory(torch_side, steps, tolerance, where=where)
    finally:
        for hook in hooks:
            hook.remove()


def _follows_at_call(built: Any, steps: list, clip: Callable[[Gradients], Gradients], tolerance: float,
                     where: list | None = None) -> bool:
    """The port from each step's shared start, its own clipping calls doing `clip` to the gradients they are handed
    (what the port did to them before, a centralisation or a decay, kept); False at the first update that parts."""
    _, torch_side = built.make_sides()

    def replaced(parameters, *args, **kwargs):
        held = [parameters] if torch.is_tensor(parameters) else [p for p in parameters if p.grad is not None]
        grads = {str(k): p.grad for k, p in enumerate(held)}
        total = NORMS[GLOBAL](grads) if grads else 0.0
        with torch.no_grad():
            for k, grad in clip(dict(grads)).items():
                held[int(k)].grad.copy_(grad)
        return torch.tensor(total)

    originals = {name: getattr(clip_grad, name) for name in ("clip_grad_norm_", "clip_grad_value_")}
    try:
        for name in originals:
            setattr(nn_utils, name, replaced), setattr(clip_grad, name, replaced)
        return follows_trajectory(torch_side, steps, tolerance, where=where)
    finally:
        for name, original in originals.items():
            setattr(nn_utils, name, original), setattr(clip_grad, name, original)


def _port_handling(setup: Any, built: Any, step: int, clip: Callable[[Gradients], Gradients]) -> tuple[str, bool]:
    """What the port's step leaves in .grad, read against back-propagation's own gradients, and whether it is the
    clipping that made the updates agree (the port clips, after its step)."""
    raw = raw_gradients(setup, built, step)
    taken = {k: v for k, v in gradients_after_step(setup, built, step).items() if k in raw}
    read = handling(taken, raw) if taken else None
    clipped = {k: v.numpy() for k, v in clip({k: torch.as_tensor(v) for k, v in raw.items()}).items()}
    after = bool(taken) and read is not None and read[0] != "raw" and all(
        np.allclose(taken[k], clipped[k], rtol=1e-4, atol=1e-6 * float(np.abs(raw[k]).max(initial=1e-30))) for k in taken)
    return (read[1] if read else "handled otherwise"), after
