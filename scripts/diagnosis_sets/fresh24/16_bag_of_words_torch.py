"""BagOfWords in PyTorch: nn.EmbeddingBag(mode='mean'), a ReLU layer, logits; F.cross_entropy,
torch.optim.AdamW(lr=0.01, weight_decay=0.01)."""

import torch
import torch.nn.functional as F
from torch import nn


class BagOfWords(nn.Module):
    def __init__(self, vocab=12, dim=8, hidden=16):
        super().__init__()
        self.emb = nn.EmbeddingBag(vocab, dim, mode="mean")
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, vocab)

    def forward(self, tokens):
        return self.fc2(F.relu(self.fc1(self.emb(tokens))))


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=0.01, weight_decay=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
