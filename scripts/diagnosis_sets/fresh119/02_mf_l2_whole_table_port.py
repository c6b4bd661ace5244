"""RatingMF in PyTorch: nn.Embedding factor and bias tables, a global bias parameter, half the
mean squared error plus the L2 penalty of the looked-up factor rows, torch.optim.Adagrad with
initial_accumulator_value=0.1."""

import torch
from torch import nn

N_USERS, N_ITEMS, K = 20, 30, 4
LR, LAM, ACC0 = 0.1, 0.05, 0.1


class RatingMF(nn.Module):
    def __init__(self):
        super().__init__()
        self.user_factors = nn.Embedding(N_USERS, K)
        self.item_factors = nn.Embedding(N_ITEMS, K)
        self.user_bias = nn.Embedding(N_USERS, 1)
        self.item_bias = nn.Embedding(N_ITEMS, 1)
        self.global_bias = nn.Parameter(torch.tensor(3.0))

    def forward(self, X):
        u, i = X[:, 0], X[:, 1]
        dot = (self.user_factors(u) * self.item_factors(i)).sum(dim=1)
        return self.global_bias + self.user_bias(u).squeeze(1) + self.item_bias(i).squeeze(1) + dot


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=LR, initial_accumulator_value=ACC0)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    u, i = X[:, 0], X[:, 1]
    pred = model(X)
    reg = model.user_factors.weight.pow(2).sum() + model.item_factors.weight.pow(2).sum()  # fix: reg = model.user_factors(u).pow(2).sum() + model.item_factors(i).pow(2).sum()
    loss = 0.5 * ((pred - y) ** 2).mean() + LAM / len(y) * reg
    loss.backward()
    optimizer.step()
    return loss.item()
