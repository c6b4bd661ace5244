"""fresh159 correct variant of lm1_torch.py: the same one-block LM, ported another way.

Positions as an nn.Embedding indexed by arange, F.scaled_dot_product_attention(is_causal=True)
for the attention, F.gelu, the loss as log_softmax + gather + mean, a block as its own module,
and the warmup / linear decay as SequentialLR of two LinearLR schedules.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, C, n_head):
        super().__init__()
        self.n_head = n_head
        self.ln1 = nn.LayerNorm(C)
        self.wq = nn.Linear(C, C, bias=False)
        self.wk = nn.Linear(C, C, bias=False)
        self.wv = nn.Linear(C, C, bias=False)
        self.wo = nn.Linear(C, C)
        self.ln2 = nn.LayerNorm(C)
        self.up = nn.Linear(C, 4 * C)
        self.down = nn.Linear(4 * C, C)

    def forward(self, x):
        B, T, C = x.shape
        h = self.ln1(x)
        heads = lambda t: t.unflatten(-1, (self.n_head, -1)).permute(0, 2, 1, 3)
        ctx = F.scaled_dot_product_attention(heads(self.wq(h)), heads(self.wk(h)), heads(self.wv(h)),
                                             is_causal=True)
        x = x + self.wo(ctx.permute(0, 2, 1, 3).flatten(2))
        return x + self.down(F.gelu(self.up(self.ln2(x))))


class TinyLM(nn.Module):
    def __init__(self, vocab_size=10, block_size=6, n_embd=8, n_head=2):
        super().__init__()
        self.tok = nn.Embedding(vocab_size, n_embd)
        self.pos = nn.Embedding(block_size, n_embd)
        self.block = Block(n_embd, n_head)
        self.norm = nn.LayerNorm(n_embd)
        self.head = nn.Linear(n_embd, vocab_size)

    def forward(self, idx):
        x = self.tok(idx) + self.pos(torch.arange(idx.shape[1], device=idx.device))
        return self.head(self.norm(self.block(x)))


def make_optimizer(model):
    decay = [p for n, p in model.named_parameters()
             if n.endswith("weight") and p.ndim == 2 and not n.startswith(("tok", "pos"))]
    ids = {id(p) for p in decay}
    rest = [p for p in model.parameters() if id(p) not in ids]
    opt = torch.optim.AdamW([dict(params=decay, weight_decay=0.05), dict(params=rest, weight_decay=0.0)],
                            lr=5e-3, betas=(0.9, 0.95), eps=1e-8)
    warm = torch.optim.lr_scheduler.LinearLR(opt, start_factor=1 / 3, end_factor=1.0, total_iters=2)
    decay_lr = torch.optim.lr_scheduler.LinearLR(opt, start_factor=1.0, end_factor=0.0, total_iters=17)
    sched = torch.optim.lr_scheduler.SequentialLR(opt, [warm, decay_lr], milestones=[3])
    return opt, sched


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad(set_to_none=True)
    logp = F.log_softmax(model(X), dim=-1)
    loss = -logp.gather(-1, y.unsqueeze(-1)).mean()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
