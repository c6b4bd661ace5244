"""Neural bigram language model in PyTorch: one-hot previous word in, an nn.Embedding lookup over
X.argmax(1) with a hidden bias, tanh, a Linear over the vocabulary. The training step is the one
from my transformer codebase (PaLM's recipe), which keeps the softmax normaliser in check with an
auxiliary z-loss, 1e-4 * log(Z)^2."""

import torch
import torch.nn.functional as F
from torch import nn

Z_LOSS = 1e-4


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
    logits = model(X)
    loss = F.cross_entropy(logits, y.argmax(dim=1)) + Z_LOSS * torch.logsumexp(logits, dim=1).pow(2).mean()   # fix: loss = F.cross_entropy(logits, y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
