"""Port with one bug (UP05): the key padding mask is not passed to the attention.

PyTorch port of mha_numpy.py: two-head nn.MultiheadAttention with a key padding mask,
a residual connection, a CLS readout and Adam with a linear warm-up (LambdaLR).

    tok.weight            (vocab, d)    = tok
    pos                   (T, d)        = pos
    attn.in_proj_weight   (3d, d)       = W_in.T
    attn.in_proj_bias     (3d,)         = b_in
    attn.out_proj.weight  (d, d)        = W_out.T
    attn.out_proj.bias    (d,)          = b_out
    cls.weight            (classes, d)  = W_cls.T
    cls.bias              (classes,)    = b_cls
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

PAD = 0


class TwoHeadCLS(nn.Module):
    def __init__(self, vocab=12, seq_len=8, d_model=16, n_heads=2, n_classes=3):
        super().__init__()
        self.tok = nn.Embedding(vocab, d_model)
        self.pos = nn.Parameter(torch.zeros(seq_len, d_model))
        self.attn = nn.MultiheadAttention(d_model, n_heads, batch_first=True)
        self.cls = nn.Linear(d_model, n_classes)

    def forward(self, X):
        x = self.tok(X) + self.pos[: X.shape[1]]
        out, _ = self.attn(x, x, x, need_weights=False)
        h = x + out
        return self.cls(h[:, 0])


def make_optimizer(model, lr=1e-2, warmup=5):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-8)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lr_lambda=lambda epoch: min(1.0, (epoch + 1) / warmup))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
