"""TripletNet in PyTorch: the tower (nn.Linear, ReLU, nn.Linear) embeds every point once, the
embeddings are normalised as e / sqrt(|e|^2 + EPS) and gathered by the index columns of y; the
triplet margin loss on squared Euclidean distances, averaged over the triplets, with the margin
schedule min(M_MAX, M0 + M_STEP * t) kept on the model; torch.optim.AdamW."""

import torch
from torch import nn

D, HIDDEN, EMB = 10, 24, 8
LR, WD = 0.005, 0.01
M0, M_STEP, M_MAX = 0.3, 0.05, 1.0
EPS = 1e-6


class TripletNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, EMB)
        self.steps_done = 0

    def margin(self):
        return min(M_MAX, M0 + M_STEP * self.steps_done)

    def forward(self, X):
        e = self.fc2(torch.relu(self.fc1(X)))
        return e / torch.sqrt((e ** 2).sum(dim=1, keepdim=True) + EPS)


def triplet_loss(u, idx, margin):
    a, p, n = u[idx[:, 0]], u[idx[:, 1]], u[idx[:, 2]]
    dap = ((a - p) ** 2).sum(dim=1)
    dan = ((a - n) ** 2).sum(dim=1)
    return torch.clamp(dap - dan + margin, min=0).mean()


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WD)


def train_step(model, optimizer, X, y):
    idx = y.long()
    optimizer.zero_grad()
    loss = triplet_loss(model(X), idx, model.margin())
    loss.backward()
    optimizer.step()
    model.steps_done += 1
    return loss.item()
