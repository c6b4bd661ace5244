"""GloVe in PyTorch written without nn.Embedding: the word and context tables are raw
nn.Parameters read with torch.index_select, the two bias vectors with F.embedding over a (VOCAB, 1)
view, the dot products by torch.einsum, the weight f(x) = (x / X_MAX) ** ALPHA with torch.minimum
against 1, the halved weighted sum of squares by torch.dot; torch.optim.Adagrad (foreach=False),
one parameter group per kind of parameter, accumulators starting at 1."""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB, DIM = 20, 6
X_MAX, ALPHA = 10.0, 0.75
LR, EPS = 0.05, 1e-10


class GloVeIndex(nn.Module):
    def __init__(self):
        super().__init__()
        self.word_vectors = nn.Parameter(torch.rand(VOCAB, DIM) - 0.5)
        self.context_vectors = nn.Parameter(torch.rand(VOCAB, DIM) - 0.5)
        self.word_bias = nn.Parameter(torch.zeros(VOCAB))
        self.context_bias = nn.Parameter(torch.zeros(VOCAB))

    def forward(self, X):
        i, j = X.unbind(dim=1)
        w = torch.index_select(self.word_vectors, 0, i)
        c = torch.index_select(self.context_vectors, 0, j)
        dot = torch.einsum("nd,nd->n", w, c)
        b_i = F.embedding(i, self.word_bias.unsqueeze(1)).squeeze(1)
        b_j = F.embedding(j, self.context_bias.unsqueeze(1)).squeeze(1)
        return dot + b_i + b_j


def make_optimizer(model):
    groups = [{"params": [model.word_vectors, model.context_vectors]},
              {"params": [model.word_bias, model.context_bias]}]
    return torch.optim.Adagrad(groups, lr=LR, eps=EPS, initial_accumulator_value=1.0, foreach=False)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    f = torch.minimum((y / X_MAX) ** ALPHA, torch.ones_like(y))
    diff = model(X) - y.log()
    loss = 0.5 * torch.dot(f, diff * diff)
    loss.backward()
    optimizer.step()
    return loss.item()
