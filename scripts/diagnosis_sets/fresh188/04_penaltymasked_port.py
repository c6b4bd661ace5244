"""PyTorch port of reg_numpy.py: a neural additive model for regression.
(variant 04)

The feature networks are kept stacked (a leading feature axis) as plain nn.Parameters with the
NumPy program's own layouts, so every pair is as it is:

    exu_w (F, H1)   exu_b (F, H1)   W2 (F, H1, H2)   b2 (F, H2)   W3 (F, H2)   b3 (F,)   bias (1,)

X holds the features in columns 0-3 and their fixed feature-dropout keep mask in columns 4-7.
Loss F.mse_loss + OUTPUT_PENALTY * mean(f^2); torch.optim.Adam(lr=0.01) with weight_decay=1e-3
in a parameter group of the weights only.
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

OUTPUT_PENALTY = 0.1
WEIGHT_DECAY = 1e-3


class NAMRegressor(nn.Module):
    def __init__(self, n_features=4, n_exu=12, n_hidden=6):
        super().__init__()
        nf, h1, h2 = n_features, n_exu, n_hidden
        self.n_features = nf
        self.exu_w = nn.Parameter(torch.empty(nf, h1).normal_(0.3, 0.2))
        self.exu_b = nn.Parameter(torch.empty(nf, h1).uniform_(-1.0, 1.0))
        self.W2 = nn.Parameter(torch.randn(nf, h1, h2) / math.sqrt(h1))
        self.b2 = nn.Parameter(torch.zeros(nf, h2))
        self.W3 = nn.Parameter(torch.randn(nf, h2) / math.sqrt(h2))
        self.b3 = nn.Parameter(torch.zeros(nf))
        self.bias = nn.Parameter(torch.zeros(1))

    def feature_outputs(self, x):
        z1 = torch.exp(self.exu_w) * (x.unsqueeze(-1) - self.exu_b)       # ExU, (N, F, H1)
        h1 = torch.clamp(z1, 0.0, 1.0)                                     # ReLU-1
        h2 = F.relu(torch.einsum("nfi,fij->nfj", h1, self.W2) + self.b2)
        return torch.einsum("nfj,fj->nf", h2, self.W3) + self.b3           # (N, F)

    def forward(self, X):
        x, keep = X[:, :self.n_features], X[:, self.n_features:]
        f = self.feature_outputs(x) * keep
        return f.sum(dim=1) + self.bias, f


def make_optimizer(model):
    decay = [model.exu_w, model.W2, model.W3]
    no_decay = [model.exu_b, model.b2, model.b3, model.bias]
    return torch.optim.Adam([{"params": decay, "weight_decay": WEIGHT_DECAY},
                             {"params": no_decay, "weight_decay": 0.0}],
                            lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    pred, f = model(X)
    loss = F.mse_loss(pred, y) + OUTPUT_PENALTY * f.pow(2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
