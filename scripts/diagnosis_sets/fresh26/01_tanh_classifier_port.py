"""Binary classifier ported from my NumPy notebook: 5 inputs, two tanh hidden layers of 8 units,
one logit out (the sigmoid lives in the loss). While debugging vanishing gradients I hooked the
tanh modules to keep the norm of the gradient reaching each of them, so the training loop can
print it.
"""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, width=8):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, width),
            nn.Tanh(),
            nn.Linear(width, width),
            nn.Tanh(),
        )
        self.head = nn.Linear(width, 1)
        self.grad_norms = {}
        for name, module in self.body.named_children():
            if isinstance(module, nn.Tanh):
                module.register_full_backward_hook(self._record_grad(name))

    def _record_grad(self, name):
        def hook(module, grad_input, grad_output):
            self.grad_norms[name] = grad_output[0].norm().item()
            return grad_output   # BUG: return None
        return hook

    def forward(self, x):
        return self.head(self.body(x))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.binary_cross_entropy_with_logits(logits, y)
    loss.backward()
    optimizer.step()
    return loss.item()
