"""PyTorch port of padlm_numpy.py: nn.Embedding(padding_idx=0), concatenated context, tanh
hidden layer plus a direct connection (Linear without bias) into the logits; F.cross_entropy;
Adam with a LambdaLR linear warm-up."""

import torch
import torch.nn as nn
import torch.nn.functional as F

WARMUP = 5


class PadLM(nn.Module):
    def __init__(self, vocab=30, context=4, emb_dim=6, hidden=24):
        super().__init__()
        d = context * emb_dim
        self.embedding = nn.Embedding(vocab, emb_dim, padding_idx=0)
        self.hidden = nn.Linear(d, hidden)
        self.out = nn.Linear(hidden, vocab)
        self.direct = nn.Linear(d, vocab, bias=False)

    def forward(self, X):
        x = self.embedding(X).flatten(start_dim=1)
        return self.out(torch.tanh(self.hidden(x))) + self.direct(x)


def warmup(k):
    return min(1.0, k / WARMUP)


def make_optimizer(model, lr=0.01):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-8)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=warmup)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
