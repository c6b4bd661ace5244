"""MixBootMLP in PyTorch: nn.Linear, leaky ReLU, nn.Linear; the two label sets smoothed with
F.one_hot and mixed with MIX_LAM, the soft-bootstrapped cross entropy against
BOOT * t + (1 - BOOT) * p with p kept in the graph; torch.optim.AdamW."""

import torch
import torch.nn.functional as F
from torch import nn

D, HIDDEN, K = 10, 12, 3
MIX_LAM, SMOOTH, BOOT = 0.7, 0.1, 0.8
LEAK = 0.1
LR, WD = 0.01, 0.05


class MixBootMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, K)

    def forward(self, X):
        return self.fc2(F.leaky_relu(self.fc1(X), LEAK))


def smooth(labels, dtype):
    return F.one_hot(labels, K).to(dtype) * (1.0 - SMOOTH) + SMOOTH / K


def bootstrap_loss(logits, y):
    logp = F.log_softmax(logits, dim=1)
    p = logp.exp()
    t = MIX_LAM * smooth(y[:, 0], logits.dtype) + (1.0 - MIX_LAM) * smooth(y[:, 1], logits.dtype)
    target = BOOT * t + (1.0 - BOOT) * p
    return -(target * logp).sum(dim=1).mean()


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WD)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = bootstrap_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
