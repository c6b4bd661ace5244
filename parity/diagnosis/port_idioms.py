"""PyTorch idioms that change a port's numbers quietly, seen in its own step: a model stepped in eval mode (BatchNorm
on its running statistics, Dropout off), modules kept in a plain list or dict (never registered: parameters() and the
optimizer miss them), and a variance or standard deviation with Bessel's correction (torch's default, divisor n - 1)
where NumPy's np.var and np.std divide by n. Read where two programs as written part in the forward pass: each is a
candidate the numbers alone cannot confirm, so each is said below the confidence of a measured mechanism.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn
from torch.overrides import TorchFunctionMode

from parity.diagnosis.finding import Finding
from parity.diagnosis.modules_again import modules_again

MODE_DEPENDENT = (nn.modules.batchnorm._BatchNorm, nn.Dropout, nn.AlphaDropout)
VARIANCES = {torch.var, torch.std, torch.var_mean, torch.std_mean, torch.Tensor.var, torch.Tensor.std}
SUGGESTED = 0.75  # a seen idiom, not a measured cause


class _Variances(TorchFunctionMode):
    """Notes each variance or standard deviation taken with Bessel's correction (unbiased, torch's default)."""

    def __init__(self) -> None:
        super().__init__()
        self.unbiased: list[str] = []

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        if func in VARIANCES:
            correction = kwargs.get("correction", 0 if kwargs.get("unbiased", True) is False else 1)
            if len(args) > 2 and isinstance(args[2], bool):  # x.var(dim, unbiased)
                correction = int(args[2])
            if correction:
                self.unbiased.append(getattr(func, "__name__", "var"))
        return func(*args, **kwargs)


def port_idioms(setup: Any, built: Any, step: int) -> Finding | None:
    """The first of the idioms the port shows, built afresh and stepped to this step (its construction included: a
    standardisation's statistics are often taken there). A module argument measured first (modules_again)."""
    if again := modules_again(setup, built, step):
        return again
    variances, in_eval, hooks, time_first = _Variances(), [], [], []
    try:
        with variances:
            numpy, torch_side = built.make_sides()
            models = [value for value in getattr(torch_side, "names", {}).values() if isinstance(value, nn.Module)]
            hidden = _unregistered(models[0]) if models else None
            if hidden:
                return Finding("not-updated", f"The port keeps {hidden} in a plain Python list or dict, not an nn.ModuleList "
                               "or nn.ModuleDict: they are not registered, so model.parameters() (and the optimizer built "
                               "from it) miss them, they keep torch's own initialisation and are never updated.",
                               {"side": "torch", "stage": "model"}, "Hold submodules in nn.ModuleList / nn.ModuleDict.", SUGGESTED)
            hooks = [module.register_forward_pre_hook(lambda m, args: in_eval.append((m, m.training)))
                     for model in models for module in model.modules() if isinstance(module, MODE_DEPENDENT)]
            hooks += [module.register_forward_pre_hook(lambda m, args: time_first.append((type(m).__name__, tuple(args[0].shape)))
                                                       if not m.batch_first and torch.is_tensor(args[0]) and args[0].dim() == 3 else None)
                      for model in models for module in model.modules() if isinstance(module, nn.RNNBase)]
            for t in range(1, step + 1):
                numpy.step(setup.rows(t)), torch_side.step(setup.rows(t))
                torch_side.load(numpy.params())
    finally:
        for hook in hooks:
            hook.remove()
    rows = len(setup.data.X[setup.rows(step)])
    fed = next(((name, shape) for name, shape in time_first if shape[0] == rows and shape[1] != rows), None)
    if fed:
        return Finding("forward", f"The port's {fed[0]} is built with batch_first=False (torch's default: input (time, batch, "
                       f"features)) and fed {fed[1]}, whose first axis is the batch's {rows} rows: it runs the recurrence "
                       "across the samples as if they were time steps.", {"side": "torch", "stage": "forward",
                       "input_shape": list(fed[1])}, f"Build the {fed[0]} with batch_first=True (or feed it x.transpose(0, 1)).", 0.85)
    trained = {id(m) for m, training in in_eval if training}  # a module run in training mode too: its eval calls evaluate
    in_eval = [type(m).__name__ for m, training in in_eval if not training and id(m) not in trained]
    if in_eval:
        return Finding("forward", f"The port steps its model in eval mode: its {in_eval[0]} runs with training=False (BatchNorm "
                       "on its running statistics, not the batch's; Dropout off) during the training step.",
                       {"side": "torch", "stage": "forward"}, "Call model.train() before the training step (model.eval() only "
                       "to evaluate).", SUGGESTED)
    if variances.unbiased:
        return Finding("forward", f"The port takes {variances.unbiased[0]}() with Bessel's correction (torch's default, "
                       "unbiased: divisor n - 1), where NumPy's np.var and np.std divide by n (ddof=0): a normalisation or "
                       "standardisation sqrt((n - 1)/n) apart.", {"side": "torch", "stage": "forward"},
                       "Pass unbiased=False (correction=0) in the port, or ddof=1 in the NumPy program.", SUGGESTED)
    return None


def _unregistered(model: nn.Module) -> str | None:
    for name, value in vars(model).items():
        items = value.values() if isinstance(value, dict) else value if isinstance(value, (list, tuple)) else ()
        found = [item for item in items if isinstance(item, nn.Module)]
        if found and not name.startswith("_"):
            return f"{len(found)} module(s) in self.{name}"
    return None
