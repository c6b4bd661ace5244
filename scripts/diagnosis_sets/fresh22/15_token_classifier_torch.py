"""TokenClassifier (15_token_classifier_numpy.py) in PyTorch: nn.Embedding, mean over the
sequence, Linear -> tanh -> Linear, F.cross_entropy, SGD at 0.5."""

import torch
import torch.nn.functional as F
from torch import nn


class TokenClassifier(nn.Module):
    def __init__(self, vocab=12, dim=8, hidden=10, n_classes=3):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim)
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)

    def forward(self, tokens):
        pooled = self.emb(tokens).mean(dim=1)
        return self.fc2(torch.tanh(self.fc1(pooled)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
