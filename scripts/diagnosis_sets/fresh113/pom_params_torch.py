"""The ordinal model of pom_torch.py written in another style: raw nn.Parameters in (in, out)
layout used as X @ W1, the thresholds an nn.ParameterDict {"first", "gaps"}, the cumulative
probabilities padded with F.pad (0 and 1 columns) and differenced with torch.diff, the negative
log-likelihood through F.nll_loss on the log grade probabilities; SGD with momentum over two
parameter groups whose learning rate is written into param_groups by hand before each step from a
bisect over the milestones."""

import bisect

import torch
import torch.nn.functional as F
from torch import nn

N_FEAT, N_HID, N_GRADES = 6, 10, 5
BASE_LR, MU, DECAY = 0.05, 0.9, 1e-3
DROPS, FACTOR = [6, 12], 0.3


class OrdinalRaw(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(N_FEAT, N_HID) * 0.4)
        self.b1 = nn.Parameter(torch.zeros(N_HID))
        self.w2 = nn.Parameter(torch.randn(N_HID, 1) * 0.3)
        self.cuts = nn.ParameterDict({"first": nn.Parameter(torch.tensor([-1.0])),
                                      "gaps": nn.Parameter(torch.ones(N_GRADES - 2))})
        self.updates = 0

    def cutpoints(self):
        gaps = F.softplus(self.cuts["gaps"])
        return self.cuts["first"] + F.pad(torch.cumsum(gaps, dim=0), (1, 0))

    def forward(self, X):
        score = torch.relu(X @ self.W1 + self.b1) @ self.w2  # (n, 1)
        cum = torch.sigmoid(self.cutpoints() - score)      # (n, K-1) P(y <= k)
        cum = F.pad(F.pad(cum, (1, 0), value=0.0), (0, 1), value=1.0)
        return torch.log(torch.diff(cum, dim=1))            # (n, K) log grade probabilities


def make_optimizer(model):
    return torch.optim.SGD([
        {"params": [model.W1, model.w2], "weight_decay": DECAY},
        {"params": [model.b1, model.cuts["first"], model.cuts["gaps"]], "weight_decay": 0.0},
    ], lr=BASE_LR, momentum=MU)


def train_step(model, optimizer, X, y):
    lr = BASE_LR * FACTOR ** bisect.bisect_right(DROPS, model.updates)
    for group in optimizer.param_groups:
        group["lr"] = lr
    optimizer.zero_grad()
    loss = F.nll_loss(model(X), y)
    loss.backward()
    optimizer.step()
    model.updates += 1
    return loss.item()
