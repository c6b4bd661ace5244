"""Wide & Deep port written by hand: raw nn.Parameters, F.embedding, dense weights kept
(in, out) as in the NumPy program, the BCE written from log-sigmoids on the logit."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class WideDeepParams(nn.Module):
    def __init__(self, cards=(7, 9, 5), emb_dim=4, hidden=16):
        super().__init__()
        self.cards = cards
        self.wide_w = nn.Parameter(torch.zeros(sum(cards)))
        self.wide_b = nn.Parameter(torch.zeros(1))
        self.tables = nn.ParameterList([nn.Parameter(torch.randn(c, emb_dim)) for c in cards])
        sizes = [emb_dim * len(cards), hidden, hidden, 1]
        self.weights = nn.ParameterList(
            [nn.Parameter(torch.randn(a, b) * 0.1) for a, b in zip(sizes[:-1], sizes[1:])])
        self.biases = nn.ParameterList([nn.Parameter(torch.zeros(b)) for b in sizes[1:]])
        self.register_buffer("offsets", torch.cumsum(torch.tensor((0,) + tuple(cards[:-1])), 0))

    def forward(self, X):
        wide = self.wide_w[X + self.offsets].sum(dim=1) + self.wide_b
        h = torch.cat([F.embedding(X[:, f], self.tables[f]) for f in range(len(self.cards))],
                      dim=1)
        n = len(self.weights)
        for i, (W, b) in enumerate(zip(self.weights, self.biases)):
            h = h @ W + b
            if i < n - 1:
                h = torch.relu(h)
        return wide + h[:, 0]


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    t = y.to(z.dtype)
    loss = -(t * F.logsigmoid(z) + (1 - t) * F.logsigmoid(-z)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
