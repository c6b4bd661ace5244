"""CosineSiamese in PyTorch: the shared encoder (Linear(4, 6), Tanh, Linear(6, 3)) on both
inputs, F.cosine_similarity of the two embeddings along the feature axis as the prediction,
F.mse_loss against the target similarity, SGD(momentum=0.9, nesterov=True) at 0.1."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, HIDDEN, EMBED = 4, 6, 3


class CosineSiamese(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(N_IN, HIDDEN), nn.Tanh(), nn.Linear(HIDDEN, EMBED))

    def forward(self, pairs):
        a, b = self.encoder(pairs[:, 0]), self.encoder(pairs[:, 1])
        return F.cosine_similarity(a, b, dim=1).unsqueeze(1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
