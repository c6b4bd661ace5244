"""Another PyTorch port of cls_numpy.py (neural additive classifier), written differently.

Each feature network is an nn.Sequential (Linear, ReLU, Linear, ReLU, Linear); the loss is written
out as softplus(z) - y z (the binary cross-entropy on logits); the weight decay sums the squared
parameters with more than one dimension; the step count that picks the dropout mask is a buffer.

    features.{j}.{0,2,4}.weight = params['f{j}.W{1,2,3}'].T   features.{j}.{0,2,4}.bias = params['f{j}.b{1,2,3}']
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

MASKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cls_masks.npz")


def feature_net(h1=8, h2=8):
    return nn.Sequential(nn.Linear(1, h1), nn.ReLU(), nn.Linear(h1, h2), nn.ReLU(), nn.Linear(h2, 1))


class NAMClassifier(nn.Module):
    def __init__(self, n_features=3, lam=0.05, wd=1e-3):
        super().__init__()
        self.features = nn.ModuleList(feature_net() for _ in range(n_features))
        self.bias = nn.Parameter(torch.zeros(1))
        self.register_buffer("masks", torch.tensor(np.load(MASKS)["masks"]))
        self.register_buffer("step", torch.zeros((), dtype=torch.long))
        self.lam, self.wd = lam, wd

    def feature_outputs(self, X):
        return torch.stack([net(X[:, [j]]).squeeze(1) for j, net in enumerate(self.features)], dim=1)

    def forward(self, X):
        f = self.feature_outputs(X)
        keep = self.masks[int(self.step) % len(self.masks)]
        return torch.einsum("nf,nf->n", f, keep) + self.bias, f

    def objective(self, X, y):
        z, f = self(X)
        nll = (F.softplus(z) - y * z).mean()
        decay = sum((p * p).sum() for p in self.parameters() if p.dim() > 1)
        return nll + self.lam * (f * f).mean() + self.wd / 2 * decay


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = model.objective(X, y)
    loss.backward()
    optimizer.step()
    model.step += 1
    return loss.item()
