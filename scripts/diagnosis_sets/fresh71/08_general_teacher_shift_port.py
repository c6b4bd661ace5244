"""PyTorch port of general_numpy.py: nn.Embedding tables, a hand-written GRU cell (nn.Linear per
gate for the input with bias, bias-free nn.Linear per gate for the state), the decoder's start as
the masked mean of the encoder states, a tanh RNN decoder of nn.Linear layers, bilinear attention
scores with torch.einsum scaled by 1/sqrt(HID), masked_fill of the padding, the output nn.Linear
on torch.cat([s, ctx]); F.cross_entropy(ignore_index=0), clip_grad_norm_ and
torch.optim.SGD(momentum=0.9)."""

import math

import torch
import torch.nn.functional as F
from torch import nn

VS, VT, EMB, HID = 10, 12, 6, 8
PAD = 0
LR, MU, MAX_NORM = 0.3, 0.9, 0.2


class GRUCellByHand(nn.Module):
    def __init__(self, n_in, n_hid):
        super().__init__()
        self.x_r, self.x_z, self.x_n = nn.Linear(n_in, n_hid), nn.Linear(n_in, n_hid), nn.Linear(n_in, n_hid)
        self.h_r = nn.Linear(n_hid, n_hid, bias=False)
        self.h_z = nn.Linear(n_hid, n_hid, bias=False)
        self.h_n = nn.Linear(n_hid, n_hid, bias=False)

    def forward(self, x, h):
        r = torch.sigmoid(self.x_r(x) + self.h_r(h))
        z = torch.sigmoid(self.x_z(x) + self.h_z(h))
        n = torch.tanh(self.x_n(x) + r * self.h_n(h))
        return (1 - z) * n + z * h


class GeneralSeq2Seq(nn.Module):
    def __init__(self):
        super().__init__()
        self.src_emb = nn.Embedding(VS, EMB)
        self.tgt_emb = nn.Embedding(VT, EMB)
        self.encoder = GRUCellByHand(EMB, HID)
        self.dec_x = nn.Linear(EMB, HID)
        self.dec_h = nn.Linear(HID, HID, bias=False)
        self.W_a = nn.Linear(HID, HID, bias=False)
        self.out = nn.Linear(2 * HID, VT)

    def forward(self, src, dec_in):
        n, S = src.shape
        mask = src != PAD
        x = self.src_emb(src)
        h = x.new_zeros(n, HID)
        states = []
        for j in range(S):
            h = self.encoder(x[:, j], h)
            states.append(h)
        enc = torch.stack(states, dim=1)                       # (n, S, HID)
        m = mask.unsqueeze(-1).to(enc.dtype)
        s = (enc * m).sum(dim=1) / m.sum(dim=1)

        e = self.tgt_emb(dec_in)
        logits = []
        for t in range(dec_in.shape[1]):
            s = torch.tanh(self.dec_x(e[:, t]) + self.dec_h(s))
            scores = torch.einsum("nsh,nh->ns", enc, self.W_a(s)) / math.sqrt(HID)
            attn = torch.softmax(scores.masked_fill(~mask, -1e9), dim=1)
            ctx = torch.einsum("ns,nsh->nh", attn, enc)
            logits.append(self.out(torch.cat([s, ctx], dim=1)))
        return torch.stack(logits, dim=1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    dec_in, target = y[:, 1:], y[:, 1:]  # fix: dec_in, target = y[:, :-1], y[:, 1:]
    logits = model(X, dec_in)
    loss = F.cross_entropy(logits.reshape(-1, VT), target.reshape(-1), ignore_index=PAD)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=MAX_NORM)
    optimizer.step()
    return loss.item()
