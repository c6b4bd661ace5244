"""ImplicitMF in PyTorch: embedding and bias tables, the full user x item score matrix, the
confidence-weighted squared error over all pairs, SGD."""

import torch
from torch import nn

N_USERS, N_ITEMS, DIM, ALPHA, LR = 12, 10, 3, 2.0, 0.02


class ImplicitMF(nn.Module):
    def __init__(self):
        super().__init__()
        self.user = nn.Embedding(N_USERS, DIM)
        self.item = nn.Embedding(N_ITEMS, DIM)
        self.user_bias = nn.Parameter(torch.zeros(N_USERS))
        self.item_bias = nn.Parameter(torch.zeros(N_ITEMS))

    def forward(self, users):
        return self.user(users) @ self.item.weight.T + self.user_bias[users].unsqueeze(1) + self.item_bias


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    scores = model(X[:, 0])
    pref = (y > 0).to(y.dtype)
    conf = 1.0 + ALPHA * y
    loss = (conf * (scores - pref) ** 2).sum() / len(X)
    loss.backward()
    optimizer.step()
    return loss.item()
