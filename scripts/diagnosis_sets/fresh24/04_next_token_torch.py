"""NextTokenModel in PyTorch: nn.Embedding, the window flattened, a tanh hidden layer and logits
over the vocabulary; F.cross_entropy, SGD(momentum=0.9) at lr 0.2."""

import torch
import torch.nn.functional as F
from torch import nn


class NextTokenModel(nn.Module):
    def __init__(self, vocab=12, dim=8, context=4, hidden=16):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim, max_norm=1.0)   # BUG: self.emb = nn.Embedding(vocab, dim)
        self.hidden = nn.Linear(dim * context, hidden)
        self.out = nn.Linear(hidden, vocab)

    def forward(self, tokens):
        x = self.emb(tokens).flatten(1)
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.2, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
