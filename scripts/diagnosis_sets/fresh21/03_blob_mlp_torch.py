"""PyTorch port of BlobMLP (03_blob_mlp_numpy.py): 4 -> 12 sigmoid -> 3, F.cross_entropy on the
logits with the class indices, torch.optim.RMSprop."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.01
RHO = 0.9
EPS = 1e-8


class BlobMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 12)
        self.fc2 = nn.Linear(12, 3)

    def forward(self, x):
        return self.fc2(torch.sigmoid(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, eps=EPS)   # BUG: return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=RHO, eps=EPS)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
