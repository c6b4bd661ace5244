"""ListNet in PyTorch: the scorer over every document, the target softmax(relevance, dim=1), the
loss -(target * log_softmax(scores, dim=1)).sum(1).mean(); SGD at 1.0."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 1.0


class ListNet(nn.Module):
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
    target = F.softmax(y, dim=1)
    loss = -(target * F.log_softmax(s, dim=1)).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
