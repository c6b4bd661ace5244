"""PyTorch port of tied_numpy.py, the GRU cell written by hand from nn.Linear layers and the
output layer tied to the embedding table.

    emb.weight   (V, H)   = emb            x2h.weight (3H, H) = Wx.T    x2h.bias (3H,) = bx
    h2rz.weight  (2H, H)  = Wrz.T          h2n.weight (H, H)  = Wn.T    h2n.bias (H,)  = bhn
    out_bias     (V,)     = b_out          logits = h @ emb.weight.T + out_bias

Training: F.cross_entropy (mean over all positions), clip_grad_norm_(0.35), Adam(lr=5e-3).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class TiedGRU(nn.Module):
    def __init__(self, vocab=16, hidden=12):
        super().__init__()
        self.hidden = hidden
        self.emb = nn.Embedding(vocab, hidden)
        self.x2h = nn.Linear(hidden, 3 * hidden)
        self.h2rz = nn.Linear(hidden, 2 * hidden, bias=False)
        self.h2n = nn.Linear(hidden, hidden)
        self.out_bias = nn.Parameter(torch.zeros(vocab))

    def cell(self, x_t, h):
        a_r, a_z, a_n = self.x2h(x_t).chunk(3, dim=1)
        h_r, h_z = self.h2rz(h).chunk(2, dim=1)
        r = torch.sigmoid(a_r + h_r)
        z = torch.sigmoid(a_z + h_z)
        n = torch.tanh(a_n + r * self.h2n(h))
        return (1 - z) * n + z * h

    def forward(self, X):
        e = self.emb(X)
        h = e.new_zeros(X.shape[0], self.hidden)
        outs = []
        for t in range(X.shape[1]):
            h = self.cell(e[:, t], h)
            outs.append(h)
        hseq = torch.stack(outs, dim=1)
        return hseq @ self.emb.weight.T + self.out_bias


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=5e-3, weight_decay=1e-4)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits.flatten(0, 1), y.flatten())
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 0.35)
    optimizer.step()
    return loss.item()
