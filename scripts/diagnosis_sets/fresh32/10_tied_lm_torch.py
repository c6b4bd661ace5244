"""TiedLM in PyTorch: one nn.Embedding used for the lookup and, through F.linear, as the output
projection (autograd adds its two gradients), a Linear from the concatenated pair to the
embedding width, a separate output bias. F.cross_entropy; min-char-rnn's Adagrad denominator
sqrt(mem + 1e-8) is torch.optim.Adagrad with its accumulator starting at 1e-8 and eps 0."""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB, DIM = 10, 6


class TiedLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(VOCAB, DIM)
        self.proj = nn.Linear(2 * DIM, DIM)
        self.out_bias = nn.Parameter(torch.zeros(VOCAB))

    def forward(self, X):
        h = torch.tanh(self.proj(self.emb(X).flatten(1)))
        return F.linear(h, self.emb.weight, self.out_bias)


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.1, initial_accumulator_value=1e-8, eps=0.0)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
