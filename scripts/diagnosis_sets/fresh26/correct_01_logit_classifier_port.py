"""Binary classifier in PyTorch: 5 -> 8 tanh -> 8 tanh -> 1 logit. The layers sit in a
ModuleList and tanh is a custom autograd Function that saves its output and back-propagates
grad * (1 - y)(1 + y). A backward hook on the head records the norm of the gradient arriving at
the logits, clip_grad_norm_ with an infinite max_norm measures the global gradient norm for
the log without clipping, and the optimizer keeps weights and biases in two parameter groups
(same settings today; the bias group is where a no-decay rule would go).
"""

import torch
import torch.nn.functional as F
from torch import nn


class TanhFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z):
        out = torch.tanh(z)
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, grad_output):
        (out,) = ctx.saved_tensors
        return grad_output * (1 - out) * (1 + out)


class Net(nn.Module):
    def __init__(self, sizes=(5, 8, 8, 1)):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))
        self.logit_grad_norms = []
        self.layers[-1].register_full_backward_hook(self._log_logit_grad)

    def _log_logit_grad(self, module, grad_input, grad_output):
        self.logit_grad_norms.append(grad_output[0].norm().item())

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = TanhFunction.apply(layer(x))
        return self.layers[-1](x)


def make_optimizer(model, lr):
    weights, biases = [], []
    for name, p in model.named_parameters():
        (biases if name.endswith("bias") else weights).append(p)
    return torch.optim.SGD([{"params": weights}, {"params": biases}], lr=lr, momentum=0.9, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=False)
    loss = F.binary_cross_entropy_with_logits(model(X), y, reduction="sum") / X.shape[0]
    loss.backward()
    grad_norm = nn.utils.clip_grad_norm_(model.parameters(), max_norm=float("inf"))
    optimizer.step()
    return loss.item(), grad_norm.item()
