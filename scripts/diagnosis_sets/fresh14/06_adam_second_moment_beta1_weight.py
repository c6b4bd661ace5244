"""Port of a tanh binary classifier (5 -> 9 -> 1, sigmoid output, summed binary cross-entropy)
trained with a hand-written Adam (a torch.optim.Optimizer subclass). The second moment's
update was copied from the first moment's line and kept its weight: v = beta2 v + (1 - beta1)
g^2, (1 - beta1) = 0.1 on the new squared gradient instead of (1 - beta2) = 0.001, so v is 100
times too large on the first step and the first step is a tenth of Adam's."""

import torch
from torch import nn


class HandAdam(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                g = p.grad
                state = self.state[p]
                if not state:
                    state["t"] = 0
                    state["m"] = torch.zeros_like(p)
                    state["v"] = torch.zeros_like(p)
                state["t"] += 1
                t, m, v = state["t"], state["m"], state["v"]
                m.mul_(beta1).add_(g, alpha=1 - beta1)
                v.mul_(beta2).addcmul_(g, g, value=1 - beta1)   # BUG: the second moment's weight is 1 - beta2: value=1 - beta2
                m_hat = m / (1 - beta1 ** t)
                v_hat = v / (1 - beta2 ** t)
                p.sub_(group["lr"] * m_hat / (v_hat.sqrt() + group["eps"]))


class Net(nn.Module):
    def __init__(self, n_in=5, width=9):
        super().__init__()
        self.fc1 = nn.Linear(n_in, width)
        self.fc2 = nn.Linear(width, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.tanh(self.fc1(x))))


def make_optimizer(model, lr):
    return HandAdam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    p = model(X)
    loss = -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).sum()
    loss.backward()
    optimizer.step()
    return loss.item()
