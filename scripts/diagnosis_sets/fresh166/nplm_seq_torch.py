"""Another port of nplm_numpy.py (same computation): the context vectors concatenated with
torch.cat, the hidden and output layers in an nn.Sequential, the loss as log_softmax and a
gather, the decay as LambdaLR(gamma ** k)."""

import torch
import torch.nn as nn


class NPLMSeq(nn.Module):
    def __init__(self, vocab=24, context=3, emb_dim=8, hidden=32):
        super().__init__()
        self.context = context
        self.embed = nn.Embedding(vocab, emb_dim)
        self.mlp = nn.Sequential(
            nn.Linear(context * emb_dim, hidden),
            nn.Tanh(),
            nn.Linear(hidden, vocab),
        )

    def forward(self, X):
        vecs = self.embed(X)
        x = torch.cat([vecs[:, i, :] for i in range(self.context)], dim=1)
        return self.mlp(x)


def make_optimizer(model, lr=0.3, momentum=0.9, gamma=0.9):
    opt = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda k: gamma ** k)
    return opt, sched


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    logp = torch.log_softmax(model(X), dim=-1)
    loss = -logp.gather(1, y.unsqueeze(1)).squeeze(1).mean()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
