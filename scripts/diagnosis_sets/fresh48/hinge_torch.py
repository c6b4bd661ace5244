"""PairwiseRanker in PyTorch: one scorer (Linear -> tanh -> Linear without bias) applied to both
items of each pair, margin ranking loss written out with torch.clamp, SGD at 0.3."""

import torch
from torch import nn

MARGIN = 1.0
LR = 0.3


class PairwiseRanker(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(5, 8)
        self.score = nn.Linear(8, 1, bias=False)

    def forward(self, x):
        return self.score(torch.tanh(self.hidden(x))).squeeze(-1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    s_pos, s_neg = model(X[:, 0]), model(X[:, 1])
    loss = torch.clamp(MARGIN - (s_pos - s_neg), min=0).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
