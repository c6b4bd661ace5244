"""PyTorch port of 15_step_decay_numpy.py: SGD at 0.5, StepLR(step_size=5, gamma=0.5) stepped
after every optimizer step."""

import torch
from torch import nn

LR0 = 0.5
GAMMA = 0.5
STEP_SIZE = 5


class StepDecayNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 6)
        self.out = nn.Linear(6, 1)

    def forward(self, x):
        return torch.sigmoid(self.out(torch.sigmoid(self.hidden(x))))


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR0)
    return optimizer, torch.optim.lr_scheduler.StepLR(optimizer, step_size=STEP_SIZE, gamma=GAMMA)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).sum()
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
