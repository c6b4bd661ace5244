"""Refiner in PyTorch: nn.Linear layers shared by the PASSES refinement passes, each reading
torch.cat([X, softmax(previous logits)]) and adding its correction to the logits; F.cross_entropy
of every pass averaged over the passes; torch.optim.SGD(momentum, weight_decay) with an
ExponentialLR decay."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import ExponentialLR

D, C, HIDDEN, PASSES = 6, 3, 10, 3
LR, MOMENTUM, WD, GAMMA = 0.2, 0.9, 1e-3, 0.95


class Refiner(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(D + C, HIDDEN)
        self.out = nn.Linear(HIDDEN, C)

    def forward(self, X):
        logits = torch.zeros(X.shape[0], C, dtype=X.dtype)
        all_logits = []
        for _ in range(PASSES):
            prob = torch.softmax(logits, dim=0)  # fix: prob = torch.softmax(logits, dim=1)
            h = torch.relu(self.hidden(torch.cat([X, prob], dim=1)))
            logits = logits + self.out(h)
            all_logits.append(logits)
        return all_logits


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)
    scheduler = ExponentialLR(optimizer, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    all_logits = model(X)
    loss = sum(F.cross_entropy(lg, y) for lg in all_logits) / len(all_logits)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
