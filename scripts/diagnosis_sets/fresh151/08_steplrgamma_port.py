"""PyTorch port of dot_numpy.py: feed-forward encoder-decoder with scaled dot-product
cross-attention over a padding-masked source.

    src_emb.weight = Es   pos_src = Pe   tgt_emb.weight = Et   pos_tgt = Pd
    enc.weight = We  enc.bias = be   dec.weight = Wd  dec.bias = bd
    q.weight = Wq  k.weight = Wk  v.weight = Wv  out.weight = Wout  out.bias = bout
(the NumPy program keeps every weight (out, in), as nn.Linear does)

F.cross_entropy(ignore_index=0, reduction='sum') / N, torch.optim.SGD(lr=0.2, momentum=0.9,
weight_decay=1e-3) with StepLR(step_size=8, gamma=0.5).
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

PAD, BOS = 0, 1


class DotAttnSeq2Seq(nn.Module):
    def __init__(self, v_src=9, v_tgt=9, S=6, T=5, d=4, h=6, dk=4):
        super().__init__()
        self.src_emb = nn.Embedding(v_src, d)
        self.pos_src = nn.Parameter(torch.zeros(S, d))
        self.tgt_emb = nn.Embedding(v_tgt, d)
        self.pos_tgt = nn.Parameter(torch.zeros(T, d))
        self.enc = nn.Linear(d, h)
        self.dec = nn.Linear(d, h)
        self.q = nn.Linear(h, dk, bias=False)
        self.k = nn.Linear(h, dk, bias=False)
        self.v = nn.Linear(h, h, bias=False)
        self.out = nn.Linear(h, v_tgt)

    def forward(self, X, y):
        yin = torch.cat([torch.full_like(y[:, :1], BOS), y[:, :-1]], dim=1)
        He = torch.tanh(self.enc(self.src_emb(X) + self.pos_src[: X.shape[1]]))
        Hd = torch.tanh(self.dec(self.tgt_emb(yin) + self.pos_tgt[: y.shape[1]]))
        Q, K, V = self.q(Hd), self.k(He), self.v(He)
        scores = Q @ K.transpose(1, 2) / math.sqrt(Q.shape[-1])
        scores = scores.masked_fill((X == PAD).unsqueeze(1), -1e9)
        A = scores.softmax(dim=-1)
        return self.out(Hd + A @ V)


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.2, momentum=0.9, weight_decay=1e-3)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=8)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    logits = model(X, y)
    loss = F.cross_entropy(logits.flatten(0, 1), y.flatten(), ignore_index=PAD,
                           reduction="sum") / X.shape[0]
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
