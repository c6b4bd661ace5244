"""PyTorch port of nplm_numpy.py: nn.Embedding -> concatenate the context -> Linear + tanh
-> Linear logits, F.cross_entropy (mean); SGD(momentum=0.9) with ExponentialLR(gamma=0.9)."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class NPLM(nn.Module):
    def __init__(self, vocab=24, context=3, emb_dim=8, hidden=32):
        super().__init__()
        self.embed = nn.Embedding(vocab, emb_dim)
        self.fc1 = nn.Linear(context * emb_dim, hidden)
        self.fc2 = nn.Linear(hidden, vocab)

    def forward(self, X):
        e = self.embed(X).transpose(1, 2).reshape(X.shape[0], -1)
        return self.fc2(torch.tanh(self.fc1(e)))


def make_optimizer(model, lr=0.3, momentum=0.9, gamma=0.9):
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)
    scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=gamma)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
