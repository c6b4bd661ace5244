"""GloVe in PyTorch: nn.Embedding word and context tables, word and context biases as
nn.Parameter vectors, the weighting torch.clamp((x / XMAX) ** ALPHA, max=1), the mean of
f * (pred - log x) ** 2 over the batch, torch.optim.Adagrad."""

import torch
from torch import nn

V, D = 20, 6
LR, XMAX, ALPHA = 0.05, 10.0, 0.75


class GloVe(nn.Module):
    def __init__(self):
        super().__init__()
        self.word = nn.Embedding(V, D)
        self.context = nn.Embedding(V, D)
        self.word_bias = nn.Parameter(torch.zeros(V))
        self.context_bias = nn.Parameter(torch.zeros(V))

    def forward(self, X):
        i = X[:, 0].long()
        j = X[:, 1].long()
        dot = (self.word(i) * self.context(j)).sum(dim=1)
        return dot + self.word_bias[i] + self.context_bias[j]


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    pred = model(X)
    x = X[:, 2]
    f = torch.clamp((x / XMAX) ** ALPHA, max=1.0)
    loss = (f * (pred - y[:, 0]) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
