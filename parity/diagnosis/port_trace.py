"""A port's step, traced: what its model was given and returned, what each layer received and gave, the loss's gradient
at the logits, and how often it called its model and optimizer.

Module hooks on each nn.Linear where the port calls its layers; where it uses their weights as raw tensors
(F.linear(x, layer.weight), x @ W), a TorchFunctionMode that notes each weight's first use and the operand it
multiplied. port_forward.py reads the stages; determinism.py, where a random step drew.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from torch import nn
from torch.overrides import TorchFunctionMode

from parity.engine.sides import faithful_copy


class Trace:
    """What one run of the port's step showed at each stage, in float64 NumPy arrays."""

    def __init__(self) -> None:
        self.given: np.ndarray | None = None  # the model's first argument
        self.linears: list[tuple[np.ndarray, np.ndarray]] = []  # (input, output) of each Linear, in call order
        self.linear_names: list[str] = []  # the module name of each, in call order
        self.returned: np.ndarray | None = None
        self.logits_grad: np.ndarray | None = None
        self.logits_grads: list[np.ndarray] = []  # each back-propagation's gradient at the logits, in order
        self.input_grads: dict[int, np.ndarray] = {}  # layer l: the loss's gradient at what layer l was given (h_(l-1))
        self.output_grads: dict[int, np.ndarray] = {}  # layer l: the loss's gradient at its output z_l
        self.functional = False  # raw parameters, no nn.Linear: only each layer's input is recorded
        self.optimizer_steps = 0  # calls of optimizer.step() in the step
        self.model_rows: list[int] = []  # the rows of each call of the model
        self.inputs: list[np.ndarray] = []
        self.layer_params: dict[int, list[str]] = {}  # raw weights: the other parameters each layer's operation used
        self.products: list[tuple[np.ndarray, np.ndarray | None]] = []  # (the weight as used, the op's result), per layer
        self.param_grads: dict[str, np.ndarray] = {}  # each parameter's .grad after the step, in the kit's layout ("W1")


def trace_port(port: Any, rows: Any) -> Trace | None:
    model = getattr(port, "model", None)
    if not isinstance(model, nn.Module):
        return None
    port = faithful_copy(port)
    model, trace, handles = port.model, Trace(), []

    def on_model(module, args, out):
        if args and torch.is_tensor(args[0]):
            trace.model_rows.append(args[0].shape[0] if args[0].dim() > 1 else 1)  # a 1-D x is one row
        if trace.given is None and args and torch.is_tensor(args[0]) and torch.is_tensor(out):
            trace.given, trace.returned = _host(args[0]), _host(out)

    linears = sum(isinstance(m, nn.Linear) for m in model.modules())
    names = {id(m): name for name, m in model.named_modules()}
    original = faithful_copy(port) if getattr(port, "locations", None) else None  # before its optimizer is wrapped
    steps_taken = count_steps(getattr(port, "optimizer", None))

    def keep_logits_grad(grad: torch.Tensor) -> None:
        # a loss that calls the model on the same rows more than once (model(X) in each of its terms) has as its
        # gradient at the logits the sum over the calls
        trace.logits_grads.append(_host(grad))
        trace.logits_grad = trace.logits_grads[-1] + (trace.logits_grad if trace.logits_grad is not None else 0.0)

    def on_linear(module, args, out):
        if trace.returned is None and len(trace.linears) < linears:  # the first forward pass only
            trace.linears.append((_host(args[0]), _host(out)))
            trace.linear_names.append(names.get(id(module), "?"))
            if torch.is_tensor(args[0]) and args[0].requires_grad:
                args[0].register_hook(lambda grad, layer=len(trace.linears): trace.input_grads.__setitem__(layer, _host(grad)))
            if out.requires_grad:
                out.register_hook(lambda grad, layer=len(trace.linears): trace.output_grads.__setitem__(layer, _host(grad)))
            if out.requires_grad and len(trace.linears) == linears:
                out.register_hook(keep_logits_grad)
        elif out.requires_grad and len(trace.linears) == linears and names.get(id(module)) == trace.linear_names[-1] \
                and np.array_equal(_host(args[0]), trace.linears[-1][0]):  # the last layer again, on the same inputs
            out.register_hook(keep_logits_grad)

    handles.append(model.register_forward_hook(on_model))
    handles += [m.register_forward_hook(on_linear) for m in model.modules() if isinstance(m, nn.Linear)]
    try:
        port.step(rows)
    finally:
        for handle in handles:
            handle.remove()
    trace.optimizer_steps = steps_taken[0]
    trace.param_grads = _param_grads(port, model)
    if not trace.linears and original is not None:  # its weights used as raw tensors (F.linear(x, layer.weight), x @ W)
        functional = _functional_trace(original, rows)
        if functional is not None:
            functional.optimizer_steps, functional.model_rows = trace.optimizer_steps, trace.model_rows
        return functional
    return trace if trace.given is not None else None


def _param_grads(port: Any, model: nn.Module) -> dict[str, np.ndarray]:
    """Each located parameter's .grad as the step left it, in the kit's layout."""
    found = {}
    for name, location in (getattr(port, "locations", None) or {}).items():
        try:
            raw = location.tensor(model) if hasattr(location, "tensor") else location.raw(model)
        except Exception:  # noqa: BLE001 - a location this copy cannot read: no gradient to show
            continue
        if torch.is_tensor(raw) and raw.grad is not None:
            grad = _host(raw.grad)
            found[name] = grad.T.copy() if location.transposed else grad
    return found


class _WeightUses(TorchFunctionMode):
    """Each weight's first use in a forward pass written with raw parameters (x @ W, F.linear(x, W, b), torch.mm):
    the operand it was multiplied with is what its layer was given."""

    def __init__(self, weights: dict[int, int], parameters: set[int]) -> None:
        super().__init__()
        self.weights, self.parameters, self.given, self.products = weights, parameters, {}, {}
        self.with_params: dict[int, list[int]] = {}  # the other parameters in each weight's operation (its bias)
        self.logits_grad: np.ndarray | None = None
        self.logits_grads: list[np.ndarray] = []  # each back-propagation's gradient at the logits, in order

    def _keep_logits_grad(self, grad: torch.Tensor) -> None:
        if self.logits_grad is None:
            self.logits_grad = _host(grad)

    def __torch_function__(self, func, types, args=(), kwargs=None):
        tensors = [a for a in args if torch.is_tensor(a)]
        for a in tensors:
            layer = self.weights.get(_storage(a))
            if layer is not None and layer not in self.given:
                other = next((t for t in tensors if _storage(t) not in self.parameters and t.dim() == 2), None)
                if other is not None:
                    self.given[layer] = (_host(other), _host(a))
                    self.with_params[layer] = [_storage(t) for t in tensors if _storage(t) in self.parameters and t is not a]
                    out = func(*args, **(kwargs or {}))
                    self.products[layer] = _host(out) if torch.is_tensor(out) else None
                    if layer == len(self.weights) and torch.is_tensor(out) and out.requires_grad:
                        out.register_hook(self._keep_logits_grad)  # z = x W + b: the product's gradient is the logits'
                    return out
        return func(*args, **(kwargs or {}))


def count_steps(optimizer: Any) -> list[int]:
    """[n]: the calls of this optimizer's step() from now on, counted in place (reset n to count afresh)."""
    counted = [0]
    if optimizer is not None:
        step = optimizer.step

        def counting(*args, **kwargs):
            counted[0] += 1
            return step(*args, **kwargs)

        optimizer.step = counting
    return counted


def _storage(tensor: torch.Tensor) -> int:
    return tensor.untyped_storage().data_ptr()


def _functional_trace(port: Any, rows: Any) -> Trace | None:
    port = faithful_copy(port)
    model, trace = port.model, Trace()
    weights = {_storage(port.locations[name].tensor(model)): int(name[1:]) for name in port.locations if name.startswith("W")}
    uses = _WeightUses(weights, {_storage(p) for p in model.parameters()})

    def on_model(module, args, out):
        if trace.given is None and args and torch.is_tensor(args[0]) and torch.is_tensor(out):
            trace.given, trace.returned = _host(args[0]), _host(out)

    handle = model.register_forward_hook(on_model)
    try:
        with uses:
            port.step(rows)
    finally:
        handle.remove()
    if trace.given is None or sorted(uses.given) != list(range(1, len(weights) + 1)):
        return None
    trace.functional, trace.inputs = True, [uses.given[l][0] for l in sorted(uses.given)]
    trace.products = [(uses.given[l][1], uses.products.get(l)) for l in sorted(uses.given)]
    trace.logits_grad = uses.logits_grad
    names = {_storage(port.locations[name].tensor(model)): name for name in port.locations}
    trace.layer_params = {l: [names[p] for p in uses.with_params.get(l, []) if p in names] for l in sorted(uses.given)}
    return trace


def _host(tensor: torch.Tensor) -> np.ndarray:
    return tensor.detach().to(torch.float64).cpu().numpy().copy()
