"""ListNet in PyTorch: the scorer as Linear -> tanh -> Linear(bias=False) over every candidate,
F.cross_entropy with probability targets (the softmax of the relevance) over each query's
candidates, SGD at 0.5."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.5


class ListNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 6)
        self.score = nn.Linear(6, 1, bias=False)

    def forward(self, x):
        return self.score(torch.tanh(self.hidden(x))).squeeze(-1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    scores = model(X)
    loss = F.cross_entropy(scores, y)   # fix: loss = F.cross_entropy(scores, F.softmax(y, dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
