"""Neural bigram language model ported from my NumPy notebook: the previous word comes in one-hot
(X is (n, V)), so the first layer is a lookup: nn.Embedding over X.argmax(1) plus a hidden bias,
tanh, and an output layer over the vocabulary. Following the weight-tying trick (Press & Wolf;
the embedding matrix doubles as the output projection) I reuse the embedding for the logits.
Trained with F.cross_entropy."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, vocab=10, hidden=10):
        super().__init__()
        self.emb = nn.Embedding(vocab, hidden)
        self.emb_bias = nn.Parameter(torch.zeros(hidden))
        self.out = nn.Linear(hidden, vocab)

    def forward(self, X):
        h = torch.tanh(self.emb(X.argmax(dim=1)) + self.emb_bias)
        return F.linear(h, self.emb.weight, self.out.bias)   # fix: return self.out(h)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
