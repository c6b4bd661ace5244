"""PyTorch port of char_numpy.py: nn.Embedding -> nn.Conv1d(8, 8, 3) -> ReLU -> max over time
-> nn.Linear(8, 4); F.cross_entropy (mean); torch.optim.Adam(lr=0.01).

    emb.weight  (vocab, emb)          = E
    conv.weight (filters, emb, width) = Wc.permute(2, 1, 0)
    conv.bias                         = bc
    fc.weight   (classes, filters)    = Wo.T
    fc.bias                           = bo
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class CharCNN(nn.Module):
    def __init__(self, vocab=24, emb_dim=8, width=3, filters=8, classes=4):
        super().__init__()
        self.emb = nn.Embedding(vocab, emb_dim)
        self.conv = nn.Conv1d(emb_dim, filters, width)
        self.fc = nn.Linear(filters, classes)

    def forward(self, X):
        x = self.emb(X).transpose(1, 2)          # (N, D, L) for Conv1d
        h = F.relu(self.conv(x))                 # (N, F, T)
        pooled, _ = h.max(dim=2)                 # max over time
        return self.fc(pooled)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.99), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
