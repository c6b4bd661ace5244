"""PyTorch version of the bag-of-tokens classifier: nn.Embedding, mean over the sequence,
Linear + ReLU, Linear logits, F.cross_entropy, Adam(lr=0.01)."""

import torch
import torch.nn.functional as F
from torch import nn


class BagOfTokens(nn.Module):
    def __init__(self, vocab=10, dim=6, hidden=8, classes=3):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.hidden = nn.Linear(dim, hidden)
        self.head = nn.Linear(hidden, classes)

    def forward(self, tokens):
        pooled = self.embed(tokens).mean(dim=1)
        return self.head(F.relu(self.hidden(pooled)))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
