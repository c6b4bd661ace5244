"""WideDeep in PyTorch: nn.Linear(6, 1) as the wide part, Linear -> ReLU -> Linear(bias=False) as
the deep part, their sum the logit, F.binary_cross_entropy_with_logits, SGD at 0.5."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.5


class WideDeep(nn.Module):
    def __init__(self):
        super().__init__()
        self.wide = nn.Linear(6, 1)
        self.hidden = nn.Linear(6, 8)
        self.deep_out = nn.Linear(8, 1, bias=False)

    def forward(self, x):
        wide = self.wide(x)
        deep = self.deep_out(F.relu(self.hidden(x)))
        return wide + deep


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
