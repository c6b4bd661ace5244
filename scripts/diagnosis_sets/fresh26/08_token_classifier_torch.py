"""TokenClassifier in PyTorch: nn.Embedding, mean over the window, Linear -> tanh -> Linear,
cross-entropy, SGD at 0.5."""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB, DIM, HIDDEN, CLASSES = 10, 6, 12, 4
LR = 0.5


class TokenClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(VOCAB, DIM, scale_grad_by_freq=True)   # BUG: self.embedding = nn.Embedding(VOCAB, DIM)
        self.hidden = nn.Linear(DIM, HIDDEN)
        self.out = nn.Linear(HIDDEN, CLASSES)

    def forward(self, tokens):
        pooled = self.embedding(tokens).mean(dim=1)
        return self.out(torch.tanh(self.hidden(pooled)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
