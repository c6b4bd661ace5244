"""Correct variant of dot_torch.py: the same model and training, written differently.

Attention by torch.einsum with the padded source positions set to -inf; the loss written
out as log_softmax + gather with a float mask, summed and divided by N; the schedule as a
LambdaLR (0.5 ** (epoch // 8)) instead of StepLR; the positional tables indexed by arange.
"""

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
        N, S = X.shape
        T = y.shape[1]
        bos = torch.full((N, 1), BOS, dtype=y.dtype, device=y.device)
        yin = torch.cat([bos, y[:, : T - 1]], dim=1)
        src = self.src_emb(X) + self.pos_src[torch.arange(S, device=X.device)]
        tgt = self.tgt_emb(yin) + self.pos_tgt[torch.arange(T, device=X.device)]
        He = torch.tanh(self.enc(src))
        Hd = torch.tanh(self.dec(tgt))
        dk = self.q.weight.shape[0]
        scores = torch.einsum("ntk,nsk->nts", self.q(Hd), self.k(He)) * dk ** -0.5
        scores = scores.masked_fill(X.eq(PAD)[:, None, :], float("-inf"))
        A = torch.softmax(scores, dim=2)
        C = torch.einsum("nts,nsh->nth", A, self.v(He))
        return self.out(Hd + C)


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.2, momentum=0.9, weight_decay=1e-3)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda epoch: 0.5 ** (epoch // 8))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    logp = F.log_softmax(model(X, y), dim=-1)
    nll = -logp.gather(-1, y.unsqueeze(-1)).squeeze(-1)
    mask = (y != PAD).to(nll.dtype)
    loss = (nll * mask).sum() / X.shape[0]
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
