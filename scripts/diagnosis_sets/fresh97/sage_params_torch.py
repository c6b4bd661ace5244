"""GraphSAGE port with raw parameters: W1 (2F, H) and W2 (2H, C) as nn.Parameter used as
cat([h, mean]) @ W + b, the in-neighbour mean by index_add_ over the edge list divided by the
in-degree (torch.bincount), SGD(momentum) with weight_decay on the weights' group, and the step
schedule written into param_groups by hand before each optimizer.step()."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

HERE = Path(__file__).resolve().parent
N_NODES, F_IN, HIDDEN, CLASSES = 36, 8, 10, 4
LR, MU, WD, STEP_SIZE, GAMMA = 0.1, 0.9, 1e-3, 8, 0.5


class GraphSAGEP(nn.Module):
    def __init__(self):
        super().__init__()
        edges = torch.from_numpy(np.load(HERE / "follows.npz")["edges"])
        self.register_buffer("src", edges[:, 0].clone())
        self.register_buffer("dst", edges[:, 1].clone())
        self.register_buffer("in_deg", torch.bincount(self.dst, minlength=N_NODES).float())
        self.W1 = nn.Parameter(torch.randn(2 * F_IN, HIDDEN) * 0.3)
        self.b1 = nn.Parameter(torch.zeros(HIDDEN))
        self.W2 = nn.Parameter(torch.randn(2 * HIDDEN, CLASSES) * 0.3)
        self.b2 = nn.Parameter(torch.zeros(CLASSES))
        self.updates_done = 0

    def neighbour_mean(self, h):
        summed = torch.zeros_like(h).index_add_(0, self.dst, h[self.src])
        return summed / self.in_deg.unsqueeze(1)

    def forward(self, X):
        h = torch.relu(torch.cat([X, self.neighbour_mean(X)], dim=1) @ self.W1 + self.b1)
        return torch.cat([h, self.neighbour_mean(h)], dim=1) @ self.W2 + self.b2


def make_optimizer(model):
    return torch.optim.SGD([{"params": [model.W1, model.W2], "weight_decay": WD},
                            {"params": [model.b1, model.b2], "weight_decay": 0.0}],
                           lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    lr = LR * GAMMA ** (model.updates_done // STEP_SIZE)
    for group in optimizer.param_groups:
        group["lr"] = lr
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    model.updates_done += 1
    return loss.item()
