"""PyTorch port of seg1d_numpy.py: a tiny 1-D encoder-decoder segmenter.

Conv1d(1,4,3,p1) ReLU -> Conv1d(4,8,3,s2,p1) ReLU -> Upsample(x2, nearest) -> cat with the
encoder map -> Conv1d(12,1,3,p1) logits; BCEWithLogits (mean); Adam lr 0.01.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class SegNet1D(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Conv1d(1, 4, 3, padding=1)
        self.down = nn.Conv1d(4, 8, 3, stride=2, padding=1)
        self.up = nn.Upsample(scale_factor=2, mode="nearest")
        self.head = nn.Conv1d(12, 1, 3, padding=1)

    def forward(self, x):
        h1 = F.relu(self.enc(x))
        h2 = F.relu(self.down(h1))
        return self.head(torch.cat([self.up(h2), h1], dim=1))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
