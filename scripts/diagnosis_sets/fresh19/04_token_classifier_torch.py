"""PyTorch port of TokenClassifier: nn.Embedding -> flatten -> Linear + tanh -> Linear,
F.cross_entropy, SGD(momentum=0.9)."""

import torch
import torch.nn.functional as F
from torch import nn


class TokenClassifier(nn.Module):
    def __init__(self, vocab=10, dim=4, window=4, hidden=8, classes=3):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim, padding_idx=0)   # BUG: nn.Embedding(vocab, dim)
        self.fc1 = nn.Linear(window * dim, hidden)
        self.fc2 = nn.Linear(hidden, classes)

    def forward(self, tokens):
        x = self.emb(tokens).flatten(start_dim=1)
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
