"""BasketNet in PyTorch: numeric columns then the two nn.Embedding lookups, concatenated,
8 -> 8 ReLU -> 1, MSE, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.1


class BasketNet(nn.Module):
    def __init__(self, hidden=8):
        super().__init__()
        self.store_emb = nn.Embedding(4, 3)
        self.segment_emb = nn.Embedding(4, 2)
        self.hidden = nn.Linear(8, hidden)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):
        inp = torch.cat([x[:, 2:], self.store_emb(x[:, 0].long()), self.segment_emb(x[:, 1].long())], dim=1)
        return self.out(F.relu(self.hidden(inp)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
