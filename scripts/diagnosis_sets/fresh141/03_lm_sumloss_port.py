"""PyTorch port of tied_lm_numpy.py: next-token LM with tied input/output embeddings.

The output projection has no weight of its own: the logits are
F.linear(h, self.emb.weight, self.out_bias), i.e. h @ E.T with E the embedding
table, so autograd adds the output use into emb.weight.grad.

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    emb.weight     (vocab, n_embd)             = E
    hidden.weight  (n_embd, context*n_embd)    = W1.T
    hidden.bias    (n_embd,)                   = b1
    out_bias       (vocab,)                    = b_out
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class TiedLM(nn.Module):
    def __init__(self, vocab_size=16, n_embd=8, context=2):
        super().__init__()
        self.emb = nn.Embedding(vocab_size, n_embd)
        self.hidden = nn.Linear(context * n_embd, n_embd)
        self.out_bias = nn.Parameter(torch.zeros(vocab_size))

    def forward(self, X):
        x = self.emb(X).flatten(1)
        h = torch.tanh(self.hidden(x))
        return F.linear(h, self.emb.weight, self.out_bias)   # tied output projection


def make_optimizer(model, lr=0.02, betas=(0.9, 0.999), eps=1e-8):
    return torch.optim.Adam(model.parameters(), lr=lr, betas=betas, eps=eps)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y, reduction="sum")  # fix: loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "lm.npz"))
    X, y = torch.from_numpy(data["X"]), torch.from_numpy(data["y"])
    model = TiedLM()
    optimizer = make_optimizer(model)
    for step in range(200):
        loss = train_step(model, optimizer, X, y)
        if step % 20 == 0:
            print(f"step {step:4d}  loss {loss:.4f}")
