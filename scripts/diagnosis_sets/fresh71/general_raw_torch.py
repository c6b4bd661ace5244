"""The GRU-encoder / bilinear-attention seq2seq of general_numpy.py ported another way: raw
nn.Parameters kept in the NumPy (in, out) layout and applied with @, F.embedding on raw tables,
the encoder gates from one torch.cat of the three input weights split with .chunk, the decoder's
start from the lengths, attention scores with torch.bmm, the loss from log_softmax and gather
averaged over a float mask, and clipping written by hand before torch.optim.SGD(momentum)."""

import torch
import torch.nn.functional as F
from torch import nn

VS, VT, EMB, HID = 10, 12, 6, 8
PAD = 0
LR, MU, MAX_NORM = 0.3, 0.9, 0.2


def _p(*shape):
    return nn.Parameter(torch.empty(*shape).uniform_(-0.1, 0.1))


class GeneralRaw(nn.Module):
    def __init__(self):
        super().__init__()
        self.src_table, self.tgt_table = _p(VS, EMB), _p(VT, EMB)
        self.W_r, self.W_z, self.W_n = _p(EMB, HID), _p(EMB, HID), _p(EMB, HID)
        self.U_r, self.U_z, self.U_n = _p(HID, HID), _p(HID, HID), _p(HID, HID)
        self.b_r, self.b_z, self.b_n = _p(HID), _p(HID), _p(HID)
        self.W_dec, self.U_dec, self.b_dec = _p(EMB, HID), _p(HID, HID), _p(HID)
        self.W_att = _p(HID, HID)
        self.W_out, self.b_out = _p(2 * HID, VT), _p(VT)

    def forward(self, src, tgt_in):
        n, S = src.shape
        real = (src != PAD)
        x = F.embedding(src, self.src_table)
        gx = x @ torch.cat([self.W_r, self.W_z, self.W_n], dim=1) + torch.cat([self.b_r, self.b_z, self.b_n])
        h = x.new_zeros(n, HID)
        outs = []
        for j in range(S):
            xr, xz, xn = gx[:, j].chunk(3, dim=1)
            r = torch.sigmoid(xr + h @ self.U_r)
            z = torch.sigmoid(xz + h @ self.U_z)
            cand = torch.tanh(xn + r * (h @ self.U_n))
            h = torch.lerp(cand, h, z)
            outs.append(h)
        enc = torch.stack(outs, dim=1)
        lengths = real.sum(dim=1, keepdim=True).to(enc.dtype)
        s = torch.where(real.unsqueeze(2), enc, torch.zeros_like(enc)).sum(dim=1) / lengths

        emb = F.embedding(tgt_in, self.tgt_table)
        steps = []
        for t in range(tgt_in.shape[1]):
            s = torch.tanh(emb[:, t] @ self.W_dec + s @ self.U_dec + self.b_dec)
            q = (s @ self.W_att).unsqueeze(2)                       # (n, HID, 1)
            scores = torch.bmm(enc, q).squeeze(2) * HID ** -0.5
            a = scores.masked_fill(real.logical_not(), -1e9).softmax(dim=-1)
            ctx = torch.bmm(a.unsqueeze(1), enc).squeeze(1)
            steps.append(torch.cat([s, ctx], dim=-1) @ self.W_out + self.b_out)
        return torch.stack(steps, dim=1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU, dampening=0.0, nesterov=False)


def train_step(model, optimizer, X, y):
    logp = F.log_softmax(model(X, y[:, :-1]), dim=-1)
    target = y[:, 1:]
    nll = -logp.gather(2, target.unsqueeze(2)).squeeze(2)
    keep = (target != PAD).to(nll.dtype)
    loss = (nll * keep).sum() / keep.sum()
    optimizer.zero_grad()
    loss.backward()
    with torch.no_grad():
        grads = [p.grad for p in model.parameters()]
        total = torch.sqrt(sum((g * g).sum() for g in grads))
        factor = torch.clamp(MAX_NORM / (total + 1e-6), max=1.0)
        for g in grads:
            g.mul_(factor)
    optimizer.step()
    return loss.item()
