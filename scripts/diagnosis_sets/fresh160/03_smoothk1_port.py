"""PyTorch port of smooth_numpy.py: 8 -> 16 (SiLU) -> 12 (Mish) -> 4,
F.cross_entropy(label_smoothing=0.1), torch.optim.NAdam(lr=0.01)."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class SmoothNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden1 = nn.Linear(8, 16)
        self.hidden2 = nn.Linear(16, 12)
        self.out = nn.Linear(12, 4)

    def forward(self, x):
        x = F.silu(self.hidden1(x))
        x = F.mish(self.hidden2(x))
        return self.out(x)


def make_optimizer(model):
    return torch.optim.NAdam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                             momentum_decay=4e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    n, k = logits.shape
    eps = 0.1
    soft = torch.full_like(logits, eps / (k - 1))
    soft.scatter_(1, y[:, None], 1.0 - eps)
    loss = -(soft * F.log_softmax(logits, dim=1)).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
