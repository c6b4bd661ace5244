"""Permutation-equivariant DeepSets classifier in PyTorch: each equivariant layer as two
nn.Linear (Lambda with the bias, Gamma without) applied to the elements and to their masked
mean, the padding masked out by the presence flag, masked mean pooling, nn.Linear logit,
BCEWithLogitsLoss and RMSprop(alpha=0.9)."""

import torch
from torch import nn

D, H = 3, 10
LR, ALPHA = 0.01, 0.9


def masked_mean(h, mask):
    return (h * mask).sum(dim=1, keepdim=True) / mask.sum(dim=1, keepdim=True)


class EquivSet(nn.Module):
    def __init__(self):
        super().__init__()
        self.lam1 = nn.Linear(D, H)
        self.gam1 = nn.Linear(D, H, bias=False)
        self.lam2 = nn.Linear(H, H)
        self.gam2 = nn.Linear(H, H, bias=False)
        self.out = nn.Linear(H, 1)

    def forward(self, X):
        x, mask = X[:, :, :D], X[:, :, D:]
        h = torch.relu(self.lam1(x) - self.gam1(masked_mean(x, mask)))
        h = torch.relu(self.lam2(h) - self.gam2(masked_mean(h, mask)))
        return self.out(masked_mean(h, mask).squeeze(1))


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = nn.BCEWithLogitsLoss()(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
