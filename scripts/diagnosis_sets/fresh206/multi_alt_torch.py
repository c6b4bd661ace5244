"""Another PyTorch port of multi_numpy.py: raw nn.Parameters, F.embedding with padding_idx=0,
each convolution as unfold + einsum over the (N, L, D) embeddings, max over time with amax,
the loss as log_softmax + nll_loss, and zero_grad(set_to_none=True).

    E = params['emb'], K2/c2 = w2/b2, K4/c4 = w4/b4, Wout/bout = W/b (same layouts).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class MultiWidthCNNAlt(nn.Module):
    def __init__(self, vocab=24, emb_dim=8, filters=6, classes=4):
        super().__init__()
        self.E = nn.Parameter(torch.randn(vocab, emb_dim))
        self.K2 = nn.Parameter(torch.randn(filters, emb_dim, 2) * 0.1)
        self.c2 = nn.Parameter(torch.zeros(filters))
        self.K4 = nn.Parameter(torch.randn(filters, emb_dim, 4) * 0.1)
        self.c4 = nn.Parameter(torch.zeros(filters))
        self.Wout = nn.Parameter(torch.randn(classes, 2 * filters) * 0.1)
        self.bout = nn.Parameter(torch.zeros(classes))

    def branch(self, x, K, c):
        win = x.unfold(1, K.shape[2], 1)                      # (N, T, D, k)
        h = torch.einsum("ntdk,fdk->ntf", win, K) + c
        return torch.relu(h).amax(dim=1)                      # (N, F)

    def forward(self, X):
        x = F.embedding(X, self.E, padding_idx=0)             # (N, L, D)
        feat = torch.cat([self.branch(x, self.K2, self.c2),
                          self.branch(x, self.K4, self.c4)], dim=-1)
        return feat @ self.Wout.t() + self.bout


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, dampening=0.0,
                           weight_decay=1e-3, nesterov=False)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    logp = F.log_softmax(model(X), dim=1)
    loss = F.nll_loss(logp, y, reduction="mean")
    loss.backward()
    optimizer.step()
    return float(loss)
