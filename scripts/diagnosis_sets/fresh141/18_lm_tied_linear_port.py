"""PyTorch port of tied_lm_numpy.py, tied the classic way: the output nn.Linear's
weight is the embedding's weight (self.out.weight = self.emb.weight), as in
GPT-2 / the PyTorch word_language_model example.

named_parameters() lists the shared tensor once, as emb.weight:
    emb.weight     (vocab, n_embd)            = E
    hidden.weight  (n_embd, context*n_embd)   = W1.T
    hidden.bias    (n_embd,)                  = b1
    out.bias       (vocab,)                   = b_out
"""

import torch
import torch.nn as nn


class TiedLMLinear(nn.Module):
    def __init__(self, vocab_size=16, n_embd=8, context=2):
        super().__init__()
        self.emb = nn.Embedding(vocab_size, n_embd)
        self.hidden = nn.Linear(context * n_embd, n_embd)
        self.out = nn.Linear(n_embd, vocab_size)
        self.out.weight = self.emb.weight           # weight tying
        nn.init.zeros_(self.out.bias)

    def forward(self, X):
        h = torch.tanh(self.hidden(self.emb(X).view(X.shape[0], -1)))
        return self.out(h)


def make_optimizer(model, lr=0.02):
    return torch.optim.Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = nn.functional.cross_entropy(model(X), y, reduction="mean")
    loss.backward()
    optimizer.step()
    return float(loss)
