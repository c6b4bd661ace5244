"""SiameseContrastive in PyTorch: one encoder (Linear(5, 8), Tanh, Linear(8, 2, bias=False))
shared by both inputs of the pair, the distance by F.pairwise_distance (eps=0: the plain
Euclidean distance, as in the NumPy program), the contrastive loss with margin 1.5 written
from equation (4) of Hadsell, Chopra and LeCun (2006), plain SGD at 0.1."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, HIDDEN, EMBED = 5, 8, 2
MARGIN = 1.5


class SiameseContrastive(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(N_IN, HIDDEN), nn.Tanh(), nn.Linear(HIDDEN, EMBED, bias=False))

    def forward(self, pairs):
        return self.encoder(pairs[:, 0]), self.encoder(pairs[:, 1])


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    e1, e2 = model(X)
    d = F.pairwise_distance(e1, e2, eps=0.0, keepdim=True)
    loss = 0.5 * torch.mean((1 - y) * d ** 2 + y * F.relu(MARGIN - d) ** 2)   # fix: loss = 0.5 * torch.mean(y * d ** 2 + (1 - y) * F.relu(MARGIN - d) ** 2)
    loss.backward()
    optimizer.step()
    return loss.item()
