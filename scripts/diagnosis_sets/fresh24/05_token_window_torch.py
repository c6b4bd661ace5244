"""TokenWindowModel in PyTorch: embeddings, parameter-free layer norm, flatten, ReLU layer, logits;
F.cross_entropy and torch.optim.Adam(lr=0.01)."""

import torch
import torch.nn.functional as F
from torch import nn


class TokenWindowModel(nn.Module):
    def __init__(self, vocab=12, dim=6, context=4, hidden=16):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim)
        self.fc1 = nn.Linear(dim * context, hidden)
        self.fc2 = nn.Linear(hidden, vocab)

    def forward(self, tokens):
        e = self.emb(tokens)
        e = F.layer_norm(e, e.shape[1:], eps=1e-5)   # BUG: e = F.layer_norm(e, e.shape[-1:], eps=1e-5)
        return self.fc2(F.relu(self.fc1(e.flatten(1))))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
