"""A second port of birnn_numpy.py: the two directions as two nn.RNNCell loops, the reverse one
run over the time-flipped sequence and its outputs flipped back; the masked cross-entropy
written out (log_softmax, gather, sum over the mask / mask.sum()).

    fwd.weight_ih = Wx_f.T, fwd.weight_hh = Wh_f.T, fwd.bias_ih = bx_f, fwd.bias_hh = bh_f,
    bwd.* the same for the backward direction, head.weight = Why.T, head.bias = by
"""

import torch
import torch.nn as nn


class BiRNNTagger(nn.Module):
    def __init__(self, n_in=6, hidden=12, n_tags=5):
        super().__init__()
        self.fwd = nn.RNNCell(n_in, hidden)
        self.bwd = nn.RNNCell(n_in, hidden)
        self.head = nn.Linear(2 * hidden, n_tags)

    @staticmethod
    def _unroll(cell, X):
        h = X.new_zeros(X.shape[0], cell.hidden_size)
        out = []
        for t in range(X.shape[1]):
            h = cell(X[:, t], h)
            out.append(h)
        return torch.stack(out, dim=1)

    def forward(self, X):
        hf = self._unroll(self.fwd, X)
        h = X.new_zeros(X.shape[0], self.bwd.hidden_size)
        back = [None] * X.shape[1]
        for t in reversed(range(X.shape[1])):
            h = self.bwd(X[:, t], h.detach())
            back[t] = h
        hb = torch.stack(back, dim=1)
        return self.head(torch.cat([hf, hb], dim=-1))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logp = torch.log_softmax(model(X), dim=-1)
    mask = y >= 0
    nll = -logp.gather(-1, y.clamp(min=0).unsqueeze(-1)).squeeze(-1)
    loss = (nll * mask).sum() / mask.sum()
    loss.backward()
    optimizer.step()
    return loss.item()
