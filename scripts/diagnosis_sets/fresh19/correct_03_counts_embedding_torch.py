"""CountsBagClassifier in PyTorch with nn.EmbeddingBag(mode='sum'), tanh, Linear; cross-entropy;
SGD(lr=0.1, momentum=0.9, nesterov=True)."""

import torch
import torch.nn.functional as F
from torch import nn


class CountsBagClassifier(nn.Module):
    def __init__(self, vocab=10, dim=5, hidden=6, classes=3):
        super().__init__()
        self.bag = nn.EmbeddingBag(vocab, dim, mode="sum")
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, classes)

    def forward(self, tokens):
        return self.fc2(torch.tanh(self.fc1(self.bag(tokens))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
