"""PyTorch port of gpt_tied_numpy.py: a tiny character-level GPT with a tied LM head.

nn.Embedding token + position embeddings, one pre-LayerNorm block (fused qkv
nn.Linear, F.scaled_dot_product_attention with is_causal=True, GELU(tanh) MLP),
final nn.LayerNorm, lm_head tied to wte, F.cross_entropy over every position,
torch.optim.AdamW with weight decay on the 2-D parameters only.

Parameters, with the NumPy names they correspond to (nn.Linear keeps (out, in)):
    wte.weight = wte (also lm_head.weight), wpe.weight = wpe,
    block.ln_1.weight/bias = ln1_g/ln1_b, block.attn.c_attn.weight = Wqkv.T,
    block.attn.c_attn.bias = bqkv, block.attn.c_proj.weight = Wo.T, block.attn.c_proj.bias = bo,
    block.ln_2.weight/bias = ln2_g/ln2_b, block.mlp.c_fc.weight = W1.T, block.mlp.c_fc.bias = b1,
    block.mlp.c_proj.weight = W2.T, block.mlp.c_proj.bias = b2, ln_f.weight/bias = lnf_g/lnf_b.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class CausalSelfAttention(nn.Module):
    def __init__(self, n_embd, n_head):
        super().__init__()
        self.n_head = n_head
        self.c_attn = nn.Linear(n_embd, 3 * n_embd)
        self.c_proj = nn.Linear(n_embd, n_embd)

    def forward(self, x):
        B, T, C = x.shape
        q, k, v = self.c_attn(x).split(C, dim=2)
        q = q.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)   # (B, nh, T, hs)
        k = k.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)
        v = v.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        y = y.reshape(B, T, C)                   # re-assemble heads  # fix: y = y.transpose(1, 2).contiguous().view(B, T, C)
        return self.c_proj(y)


class MLP(nn.Module):
    def __init__(self, n_embd):
        super().__init__()
        self.c_fc = nn.Linear(n_embd, 4 * n_embd)
        self.gelu = nn.GELU(approximate="tanh")
        self.c_proj = nn.Linear(4 * n_embd, n_embd)

    def forward(self, x):
        return self.c_proj(self.gelu(self.c_fc(x)))


class Block(nn.Module):
    def __init__(self, n_embd, n_head):
        super().__init__()
        self.ln_1 = nn.LayerNorm(n_embd)
        self.attn = CausalSelfAttention(n_embd, n_head)
        self.ln_2 = nn.LayerNorm(n_embd)
        self.mlp = MLP(n_embd)

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        x = x + self.mlp(self.ln_2(x))
        return x


class TiedGPT(nn.Module):
    def __init__(self, vocab_size=16, block_size=8, n_embd=16, n_head=2):
        super().__init__()
        self.wte = nn.Embedding(vocab_size, n_embd)
        self.wpe = nn.Embedding(block_size, n_embd)
        self.block = Block(n_embd, n_head)
        self.ln_f = nn.LayerNorm(n_embd)
        self.lm_head = nn.Linear(n_embd, vocab_size, bias=False)
        self.lm_head.weight = self.wte.weight                              # weight tying

    def forward(self, idx):
        B, T = idx.shape
        pos = torch.arange(T, device=idx.device)
        x = self.wte(idx) + self.wpe(pos)
        x = self.block(x)
        return self.lm_head(self.ln_f(x))


def make_optimizer(model, lr=1e-2, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.1):
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    groups = [{"params": decay, "weight_decay": weight_decay},
              {"params": no_decay, "weight_decay": 0.0}]
    return torch.optim.AdamW(groups, lr=lr, betas=betas, eps=eps)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits.view(-1, logits.size(-1)), y.view(-1))
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "chars.npz"))
    X, y = torch.from_numpy(data["X"]), torch.from_numpy(data["y"])
    torch.manual_seed(0)
    model = TiedGPT()
    optimizer = make_optimizer(model)
    for step in range(200):
        loss = train_step(model, optimizer, X, y)
        if step % 20 == 0:
            print(step, round(loss, 4))
