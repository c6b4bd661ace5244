"""MonotoneNet in PyTorch: two nn.Linear layers whose raw weights go through F.softplus in
forward (F.linear(x, F.softplus(weight), bias)), tanh between; BCE with logits; clip_grad_norm_,
then torch.optim.SGD(momentum, weight_decay) and an ExponentialLR schedule."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import ExponentialLR

D, H = 4, 10
LR, MOMENTUM, WD = 0.1, 0.9, 1e-3
MAX_NORM, GAMMA = 0.25, 0.9


class MonotoneNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, H)
        self.fc2 = nn.Linear(H, 1)

    def forward(self, x):
        h = torch.tanh(F.linear(x, F.softplus(self.fc1.weight), self.fc1.bias))
        return F.linear(h, F.softplus(self.fc2.weight), self.fc2.bias)


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)
    return optimizer, ExponentialLR(optimizer, gamma=GAMMA)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    logits = model(X).squeeze(1)
    loss = F.binary_cross_entropy_with_logits(logits, y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
