"""PyTorch port of rnn_numpy.py: tanh-RNN encoder-decoder with additive attention.

    src_emb.weight (8, 4) = E_src      tgt_emb.weight (8, 4) = E_tgt
    enc_in.weight  (6, 4) = Wxe.T      enc_in.bias (6,) = be      enc_rec.weight (6, 6) = Whe.T
    dec_in.weight  (6, 4) = Wxd.T      dec_in.bias (6,) = bd      dec_rec.weight (6, 6) = Whd.T
    att_q.weight   (5, 6) = Wq.T       att_k.weight (5, 6) = Wk.T att_v.weight (1, 5) = va.T
    out.weight     (8, 12) = Wo.T      out.bias (8,) = bo

F.cross_entropy(ignore_index=0) (mean over real target tokens), clip_grad_norm_(0.5),
torch.optim.Adam(lr=0.01).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

PAD, BOS = 0, 1
MAX_NORM = 0.5


class AttnSeq2Seq(nn.Module):
    def __init__(self, v_src=8, v_tgt=8, d=4, h=6, a=5):
        super().__init__()
        self.src_emb = nn.Embedding(v_src, d)
        self.tgt_emb = nn.Embedding(v_tgt, d)
        self.enc_in = nn.Linear(d, h)
        self.enc_rec = nn.Linear(h, h, bias=False)
        self.dec_in = nn.Linear(d, h)
        self.dec_rec = nn.Linear(h, h, bias=False)
        self.att_q = nn.Linear(h, a, bias=False)
        self.att_k = nn.Linear(h, a, bias=False)
        self.att_v = nn.Linear(a, 1, bias=False)
        self.out = nn.Linear(2 * h, v_tgt)

    def forward(self, X, y):
        N, S = X.shape
        src_mask = X != PAD
        lengths = src_mask.sum(dim=1)
        yin = y

        xe = self.src_emb(X)
        h = xe.new_zeros(N, self.enc_rec.weight.shape[0])
        states = []
        for s in range(S):
            h = torch.tanh(self.enc_in(xe[:, s]) + self.enc_rec(h))
            states.append(h)
        enc = torch.stack(states, dim=1)                        # (N, S, h)
        keys = self.att_k(enc)

        s_t = enc[torch.arange(N), lengths - 1]
        xd = self.tgt_emb(yin)
        logits = []
        for t in range(y.shape[1]):
            s_t = torch.tanh(self.dec_in(xd[:, t]) + self.dec_rec(s_t))
            e = self.att_v(torch.tanh(self.att_q(s_t).unsqueeze(1) + keys)).squeeze(-1)
            e = e.masked_fill(~src_mask, -1e9)
            alpha = F.softmax(e, dim=-1)                        # (N, S)
            ctx = torch.bmm(alpha.unsqueeze(1), enc).squeeze(1)
            logits.append(self.out(torch.cat([s_t, ctx], dim=-1)))
        return torch.stack(logits, dim=1)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X, y)
    loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1), ignore_index=PAD)
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
