"""BiasedMF in PyTorch: nn.Embedding factors and nn.Embedding(n, 1) biases, MU + b_u + b_i + p . q,
F.mse_loss, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

N_USERS, N_ITEMS, DIM, MU, LR = 8, 6, 3, 3.4, 0.1


class BiasedMF(nn.Module):
    def __init__(self):
        super().__init__()
        self.user = nn.Embedding(N_USERS, DIM)
        self.item = nn.Embedding(N_ITEMS, DIM)
        self.user_bias = nn.Embedding(N_USERS, 1)
        self.item_bias = nn.Embedding(N_ITEMS, 1)

    def forward(self, users, items):
        dot = (self.user(users) * self.item(items)).sum(dim=1)
        b_u = self.user_bias(users).squeeze(-1)
        b_i = self.item_bias(items).squeeze(-1)
        return MU + b_u + b_i + dot


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X[:, 0], X[:, 1]), y[:, 0])
    loss.backward()
    optimizer.step()
    return loss.item()
