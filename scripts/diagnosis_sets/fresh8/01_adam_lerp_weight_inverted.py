"""Port of a two-hidden-layer ReLU classifier (5 -> 8 -> 6 -> 1, sigmoid output, mean binary
cross-entropy, Adam) with Adam written by hand as a torch.optim.Optimizer subclass, in the
terse in-place style of torch's own code: both moments are updated with Tensor.lerp_.
lerp_(end, weight) moves weight of the way towards end, so the first moment's weight on the
new gradient should be 1 - beta1; it is given beta1, m = (1 - beta1) m + beta1 g (0.9 on the
new gradient instead of 0.1). The second moment's lerp_ is right. The first step is 9 times
Adam's."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, widths=(8, 6)):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, widths[0]), nn.ReLU(),
            nn.Linear(widths[0], widths[1]), nn.ReLU(),
            nn.Linear(widths[1], 1), nn.Sigmoid(),
        )

    def forward(self, x):
        return self.body(x)


class HandAdam(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["step"] = 0
                    state["exp_avg"] = torch.zeros_like(p)
                    state["exp_avg_sq"] = torch.zeros_like(p)
                state["step"] += 1
                t, m, v = state["step"], state["exp_avg"], state["exp_avg_sq"]
                m.lerp_(p.grad, beta1)   # BUG: lerp_'s weight is the new value's share: m.lerp_(p.grad, 1 - beta1)
                v.lerp_(p.grad * p.grad, 1 - beta2)
                m_hat = m / (1 - beta1 ** t)
                v_hat = v / (1 - beta2 ** t)
                p.sub_(group["lr"] * m_hat / (v_hat.sqrt() + group["eps"]))


def make_optimizer(model, lr):
    return HandAdam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
