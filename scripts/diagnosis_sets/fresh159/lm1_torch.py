"""PyTorch port of lm1_numpy.py: a one-block decoder-only transformer LM.

Token nn.Embedding, positions as an nn.Parameter of shape (1, T, C), one pre-LN block with
separate q/k/v nn.Linear(bias=False), a causal mask from torch.triu, exact nn.GELU(), final
LayerNorm, lm head with bias, F.cross_entropy over B*T positions. AdamW, weight decay only
on the Linear weights (named explicitly), LambdaLR warmup then linear decay.
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class TinyLM(nn.Module):
    def __init__(self, vocab_size=10, block_size=6, n_embd=8, n_head=2):
        super().__init__()
        self.n_head = n_head
        self.tok_emb = nn.Embedding(vocab_size, n_embd)
        self.pos_emb = nn.Parameter(torch.zeros(1, block_size, n_embd))
        self.ln1 = nn.LayerNorm(n_embd)
        self.q_proj = nn.Linear(n_embd, n_embd, bias=False)
        self.k_proj = nn.Linear(n_embd, n_embd, bias=False)
        self.v_proj = nn.Linear(n_embd, n_embd, bias=False)
        self.out_proj = nn.Linear(n_embd, n_embd)
        self.ln2 = nn.LayerNorm(n_embd)
        self.fc_in = nn.Linear(n_embd, 4 * n_embd)
        self.act = nn.GELU()
        self.fc_out = nn.Linear(4 * n_embd, n_embd)
        self.ln_f = nn.LayerNorm(n_embd)
        self.lm_head = nn.Linear(n_embd, vocab_size)

    def _split(self, t):
        B, T, C = t.shape
        return t.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)

    def attention(self, h):
        B, T, C = h.shape
        q, k, v = self._split(self.q_proj(h)), self._split(self.k_proj(h)), self._split(self.v_proj(h))
        scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))
        future = torch.triu(torch.ones(T, T, dtype=torch.bool, device=h.device), diagonal=1)
        scores = scores.masked_fill(future, float("-inf"))
        ctx = F.softmax(scores, dim=-1) @ v
        return self.out_proj(ctx.transpose(1, 2).reshape(B, T, C))

    def forward(self, idx):
        T = idx.size(1)
        x = self.tok_emb(idx) + self.pos_emb[:, :T]
        x = x + self.attention(self.ln1(x))
        x = x + self.fc_out(self.act(self.fc_in(self.ln2(x))))
        return self.lm_head(self.ln_f(x))


DECAY = ("q_proj.weight", "k_proj.weight", "v_proj.weight", "out_proj.weight",
         "fc_in.weight", "fc_out.weight", "lm_head.weight")


def make_optimizer(model, lr=5e-3, warmup=3, total=20):
    groups = [
        {"params": [p for n, p in model.named_parameters() if n in DECAY], "weight_decay": 0.05},
        {"params": [p for n, p in model.named_parameters() if n not in DECAY], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(groups, lr=lr, betas=(0.9, 0.95), eps=1e-8)
    schedule = lambda s: (s + 1) / warmup if s < warmup else max(0.0, (total - s) / (total - warmup))
    return optimizer, torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits.flatten(0, 1), y.flatten())
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
