"""PyTorch port of ngram_numpy.py: a Bengio-2003-style character n-gram language model.

nn.Embedding -> flatten the context -> nn.Linear + tanh -> nn.Linear logits,
F.cross_entropy (mean), torch.optim.AdamW with CosineAnnealingLR.

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    emb.weight     (vocab, n_embd)            = C
    hidden.weight  (hidden, context*n_embd)   = W1.T
    hidden.bias    (hidden,)                  = b1
    out.weight     (vocab, hidden)            = W2.T
    out.bias       (vocab,)                   = b2
nn.Linear stores its weight as (out_features, in_features), hence the transposes.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class NgramLM(nn.Module):
    def __init__(self, vocab_size=27, n_embd=10, context=3, hidden=64, seed=None):
        super().__init__()
        if seed is not None:
            torch.manual_seed(seed)
        self.emb = nn.Embedding(vocab_size, n_embd)
        self.hidden = nn.Linear(context * n_embd, hidden)
        self.out = nn.Linear(hidden, vocab_size)

    def forward(self, X):
        x = self.emb(X).flatten(1)          # (N, context*n_embd)
        h = torch.tanh(self.hidden(x))
        return self.out(h)                  # logits


def make_optimizer(model, lr=1e-2, lr_min=0.0, total_steps=1000, betas=(0.9, 0.999),
                   eps=1e-8, weight_decay=0.01):
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, betas=betas, eps=eps,
                                  weight_decay=weight_decay)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=total_steps,
                                                           eta_min=lr_min)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ngram.npz"))
    X, y = torch.from_numpy(data["X"]), torch.from_numpy(data["y"])
    steps = 200
    model = NgramLM(seed=0)
    optimizer, scheduler = make_optimizer(model, total_steps=steps)
    for step in range(steps):
        loss = train_step(model, optimizer, X, y, scheduler)
        if step % 20 == 0 or step == steps - 1:
            print(f"step {step:4d}  loss {loss:.4f}")
