"""Port of the one-hot character MLP: F.one_hot(X, VOCAB) @ C for the lookup, flatten(1),
Linear -> tanh -> Linear, the cross-entropy against the one-hot rows as class probabilities,
SGD(momentum=0.9)."""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB, BLOCK, DIM, HIDDEN = 8, 3, 4, 12
LR, MU = 0.1, 0.9


class OneHotChars(nn.Module):
    def __init__(self):
        super().__init__()
        self.C = nn.Parameter(torch.zeros(VOCAB, DIM))
        self.fc1 = nn.Linear(BLOCK * DIM, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, VOCAB)

    def forward(self, X):
        emb = F.one_hot(X, VOCAB).to(self.C.dtype) @ self.C
        return self.fc2(torch.tanh(self.fc1(emb.flatten(1))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
