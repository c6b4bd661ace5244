"""PostNormBlock in PyTorch: a Linear embedding plus a learned position Parameter, one
nn.TransformerEncoderLayer (two heads, feed-forward width 16, ReLU, no dropout, batch_first, the
default post-LN order norm_first=False), the first token's vector into a Linear classifier.
Cross-entropy, SGD with momentum 0.9 at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn

T, F_IN, D, H, FF, C = 4, 4, 8, 2, 16, 3


class PostNormBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Linear(F_IN, D)
        self.pos = nn.Parameter(torch.randn(T, D) * 0.3)
        self.block = nn.TransformerEncoderLayer(D, H, dim_feedforward=FF, dropout=0.0, batch_first=True)
        self.head = nn.Linear(D, C)

    def forward(self, frames):
        h = self.block(self.embed(frames) + self.pos)
        return self.head(h[:, 0])


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
