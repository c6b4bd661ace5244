"""PyTorch port of ncf_numpy.py, structured another way.

The four embedding tables are bare nn.Parameters read with F.embedding, the MLP tower an
nn.Sequential, the output weight a vector; the positive and negative items go through the
network in one stacked batch of 2N rows, and the BPR loss is F.softplus(-x).

    Pg = user_gmf, Qg = item_gmf, Pm = user_mlp, Qm = item_mlp,
    W1 = mlp.0.weight.T, b1 = mlp.0.bias, W2 = mlp.2.weight.T, b2 = mlp.2.bias,
    Wo (k + h2, 1) = out_w as a column.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

REG = 0.05


class NeuMF(nn.Module):
    def __init__(self, n_users=14, n_items=24, k=8, d=8, h1=16, h2=8):
        super().__init__()
        self.user_gmf = nn.Parameter(0.1 * torch.randn(n_users, k))
        self.item_gmf = nn.Parameter(0.1 * torch.randn(n_items, k))
        self.user_mlp = nn.Parameter(0.1 * torch.randn(n_users, d))
        self.item_mlp = nn.Parameter(0.1 * torch.randn(n_items, d))
        self.mlp = nn.Sequential(nn.Linear(2 * d, h1), nn.ReLU(), nn.Linear(h1, h2), nn.ReLU())
        self.out_w = nn.Parameter(torch.randn(k + h2) / (k + h2) ** 0.5)

    def forward(self, users, items):
        pg, qg = F.embedding(users, self.user_gmf), F.embedding(items, self.item_gmf)
        pm, qm = F.embedding(users, self.user_mlp), F.embedding(items, self.item_mlp)
        feats = torch.cat([pg * qg, self.mlp(torch.cat([pm, qm], dim=1))], dim=1)
        return feats @ self.out_w


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.1, initial_accumulator_value=0.1,
                               eps=1e-10)


def train_step(model, optimizer, X, y):
    users, pos, neg = X.T
    n = users.shape[0]
    optimizer.zero_grad()
    s = model(torch.cat([users, users]), torch.cat([pos, neg]))
    x = s[:n] - s[n:]
    rows = torch.cat([
        F.embedding(users, model.user_gmf), F.embedding(users, model.user_mlp),
        F.embedding(pos, model.item_gmf), F.embedding(pos, model.item_mlp),
        F.embedding(neg, model.item_gmf), F.embedding(neg, model.item_mlp)], dim=1)
    loss = F.softplus(-x).mean() + 0.5 * REG * rows.square().sum() / n
    loss.backward()
    optimizer.step()
    return loss.item()
