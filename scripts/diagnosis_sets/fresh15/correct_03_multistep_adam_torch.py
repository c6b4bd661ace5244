"""PyTorch port of correct_03_multistep_adam_numpy.py: torch.optim.Adam at 0.02 with
MultiStepLR(milestones=[6, 12], gamma=0.3), the loss F.cross_entropy on the logits with the
one-hot targets as class probabilities."""

import torch
import torch.nn.functional as F
from torch import nn


class MultiStepAdam(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = nn.Linear(5, 8)
        self.W2 = nn.Linear(8, 3)

    def forward(self, x):
        return self.W2(torch.sigmoid(self.W1(x)))


def make_optimizer(model):
    opt = torch.optim.Adam(model.parameters(), lr=0.02)
    return opt, torch.optim.lr_scheduler.MultiStepLR(opt, milestones=[6, 12], gamma=0.3)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
